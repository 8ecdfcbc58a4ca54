"""Settling an exchange: exchange-only credit never becomes money; refund money is spent last."""

from __future__ import annotations

from app.domain.exchange import cover_cash_from_drawer, settle_exchange, take_back_from_tenders


def test_dearer_replacement_leaves_the_difference_to_pay():
    s = settle_exchange(exchange_total=15000, exchange_credit=12900, refund_money=0)
    assert (s.customer_pays, s.price_difference, s.leftover_credit) == (2100, 2100, 0)


def test_cheaper_replacement_for_an_exchange_only_item_leaves_credit_to_refund():
    s = settle_exchange(exchange_total=9900, exchange_credit=12900, refund_money=0)
    assert (s.customer_pays, s.leftover_credit, s.money_back, s.price_difference) == (0, 3000, 0, -3000)


def test_refund_money_pays_for_goods_only_after_the_exchange_credit():
    s = settle_exchange(exchange_total=5000, exchange_credit=2000, refund_money=4000)
    assert (s.credit_used, s.refund_used, s.money_back, s.price_difference) == (2000, 3000, 1000, -1000)


def test_refund_spent_on_goods_comes_off_cash_first():
    assert take_back_from_tenders([("wechat", 3000), ("cash", 1000)], 1500) == [("wechat", 2500)]
    assert take_back_from_tenders([("card", 800), ("cash", 200)], 0) == [("card", 800), ("cash", 200)]


def test_cash_the_drawer_cannot_cover_becomes_store_credit():
    split = [("card", 5000), ("cash", 3000)]
    assert cover_cash_from_drawer(split, None) == split
    assert cover_cash_from_drawer(split, 5000) == split
    assert cover_cash_from_drawer(split, 1200) == [("card", 5000), ("cash", 1200), ("store_credit", 1800)]
    assert cover_cash_from_drawer([("cash", 3000), ("store_credit", 100)], 0) == [("store_credit", 3100)]
