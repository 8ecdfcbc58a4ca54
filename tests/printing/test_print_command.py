"""`returns-desk print …` against a real demo shop: what the database holds is what the barcode says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import dispose_engines, session_scope
from app.domain.policy import load_active_policy
from app.models import Member
from app.services import returns
from app.services.demo import create_demo_shop
from app.services.lookup import find_receipt
from app.services.users import list_users
from app.services.views import Approval, ExchangeItem, NoReceiptItem, ReturnItem, ReturnRequest
from tests.printing import pdfcheck

NOW = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)   # 14:00 in Shanghai


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """A small demo shop with a refund (and goodwill coupon), an exchange and a no-receipt store credit."""
    folder = tmp_path_factory.mktemp("print-shop")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RETURNS_DESK_HOME", str(folder))   # module scope: the autouse home is not set yet
        url = f"sqlite:///{folder / 'shop.sqlite'}"
        demo = create_demo_shop(url, receipts=120, now=NOW)
        clerk = next(u for u in list_users(url) if u.role == "clerk")
        receipt = {k.split(",")[0]: v for k, v in demo.showcase.items()}
        refund = returns.complete(ReturnRequest(receipt["general"], (ReturnItem(1, 1, "quality_fault", "opened"),)),
                                  clerk, url=url, now=NOW + timedelta(minutes=1))
        kettle = find_receipt(receipt["appliance"], url).lines[0]
        exchange = returns.complete(
            ReturnRequest(receipt["appliance"], (ReturnItem(1, 1, "quality_fault", "opened"),),
                          exchange_items=(ExchangeItem(kettle.sku, 1),)), clerk, url=url, now=NOW + timedelta(minutes=5))
        with session_scope(url, write=False) as s:
            card = s.scalar(select(Member.card_no).order_by(Member.id))
        sku = find_receipt(receipt["general"], url).lines[1].sku
        credit = returns.complete(
            ReturnRequest(None, no_receipt_items=(NoReceiptItem(sku, 1, "quality_fault", "opened"),), member_card=card),
            clerk, Approval("supervisor", "2222", "goodwill"), url=url, now=NOW + timedelta(minutes=9))
        yield {"url": url, "folder": folder, "refund": refund, "exchange": exchange, "credit": credit}
    dispose_engines()


def run(shop, monkeypatch, capsys, tmp_path, *args: str) -> tuple[int, bytes | None, str]:
    monkeypatch.setenv("RETURNS_DESK_HOME", str(shop["folder"]))
    monkeypatch.setenv("RETURNS_DESK_DB", shop["url"])   # main() publishes --db here; undone after
    out = tmp_path / "doc.pdf"
    code = main(["--db", shop["url"], *args, "--out", str(out)])
    return code, out.read_bytes() if out.exists() else None, capsys.readouterr().err


@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4", "a5"])
def test_reprinted_slip_scans_as_its_number(shop, monkeypatch, capsys, tmp_path, paper):
    number = shop["refund"].number
    code, pdf, _ = run(shop, monkeypatch, capsys, tmp_path, "print", "slip", number, "--paper", paper)
    assert code == 0
    assert pdfcheck.barcodes(pdfcheck.rasterise(pdf)[0]) == [number]
    text = pdfcheck.text(pdf)
    assert "退货单" in text and "重印" in text and shop["refund"].coupon_code in text


def test_exchange_slip_in_english_lists_goods_out(shop, monkeypatch, capsys, tmp_path):
    number = shop["exchange"].number
    code, pdf, _ = run(shop, monkeypatch, capsys, tmp_path, "--lang", "en", "print", "slip", number, "--copy", "shop")
    assert code == 0
    text = pdfcheck.text(pdf)
    assert "EXCHANGE SLIP" in text and "Exchanged out" in text and "Customer signature" in text
    assert pdfcheck.barcodes(pdfcheck.rasterise(pdf)[0]) == [number]


def test_goodwill_coupon_prints_its_stored_code(shop, monkeypatch, capsys, tmp_path):
    coupon = shop["refund"].coupon_code
    code, pdf, _ = run(shop, monkeypatch, capsys, tmp_path, "print", "coupon", coupon, "--paper", "58mm")
    assert code == 0
    assert pdfcheck.barcodes(pdfcheck.rasterise(pdf)[0]) == [coupon]
    assert "¥5.00" in pdfcheck.text(pdf)


@pytest.mark.parametrize("word", ["voucher", "coupon"])
def test_store_credit_prints_as_a_voucher_whichever_word_was_typed(shop, monkeypatch, capsys, tmp_path, word):
    voucher = shop["credit"].voucher_code
    code, pdf, _ = run(shop, monkeypatch, capsys, tmp_path, "print", word, voucher.lower(), "--lang", "en")
    assert code == 0
    assert "STORE CREDIT" in pdfcheck.text(pdf)
    assert pdfcheck.barcodes(pdfcheck.rasterise(pdf)[0]) == [voucher]


def test_end_of_day_lists_the_days_returns_and_the_approval(shop, monkeypatch, capsys, tmp_path):
    code, pdf, _ = run(shop, monkeypatch, capsys, tmp_path, "print", "eod", "2026-11-22", "--lang", "en")
    assert code == 0
    text = pdfcheck.text(pdf)
    for done in ("refund", "exchange", "credit"):
        assert shop[done].number in text
    assert shop["credit"].voucher_code in text and "Goodwill" in text


def test_policy_notice_matches_the_active_policy(shop, monkeypatch, capsys, tmp_path):
    code, pdf, _ = run(shop, monkeypatch, capsys, tmp_path, "print", "policy")
    assert code == 0
    text = pdfcheck.text(pdf)
    assert "退换货政策公示" in text and load_active_policy().version in text
    assert "24 小时内退款" in text   # fresh food, from refund_hours = 24 in policy.toml


@pytest.mark.parametrize("args,exit_code,words", [
    (("print", "slip", "RT0000000000"), 1, "RT0000000000"),
    (("print", "slip"), 2, "slip"),
    (("print", "eod", "22/11/2026"), 2, "2026-11-22"),
])
def test_bad_requests_say_what_is_wrong_and_write_nothing(shop, monkeypatch, capsys, tmp_path, args, exit_code, words):
    code, pdf, err = run(shop, monkeypatch, capsys, tmp_path, *args)
    assert code == exit_code and pdf is None and words in err


def test_without_out_the_slip_goes_to_the_spooler(shop, monkeypatch, capsys, tmp_path):
    lp = tmp_path / "lp"
    lp.write_text(f'#!/bin/sh\ncat > "{tmp_path}/job"\necho "request id is Receipt-7"\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setenv("RETURNS_DESK_HOME", str(shop["folder"]))
    monkeypatch.setenv("RETURNS_DESK_DB", shop["url"])
    assert main(["print", "slip", shop["refund"].number]) == 0
    assert "Receipt-7" in capsys.readouterr().out
    assert pdfcheck.barcodes(pdfcheck.rasterise((tmp_path / "job").read_bytes())[0]) == [shop["refund"].number]
