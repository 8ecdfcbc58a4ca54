"""`returns-desk print …` against a real demo shop: what the database holds is what the barcode says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import dispose_engines, session_scope
from app.domain.money import format_fen
from app.models import Coupon, Member, Product, Return
from app.printing import PAPERS
from app.services import approvals, documents, printouts, returns
from app.services.demo import create_demo_shop
from app.services.imports import import_sales
from app.services.lookup import find_receipt
from app.services.policy import current_policy
from app.services.users import list_users
from app.services.views import ExchangeItem, NoReceiptItem, ReturnItem, ReturnRequest
from tests.printing import pdfcheck
from tests.store import jsonl, sale

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
            clerk, approvals.approve("supervisor", "222222", "goodwill", "", clerk, url=url), url=url,
            now=NOW + timedelta(minutes=9))
        coupon_paid = _coupon_paid_sale(url)
        share_refund = returns.complete(ReturnRequest(coupon_paid, (ReturnItem(1, 1, "changed_mind", "unopened"),)),
                                        clerk, url=url, now=NOW + timedelta(minutes=12))
        share_exchange = returns.complete(
            ReturnRequest(coupon_paid, (ReturnItem(2, 1, "quality_fault", "opened"),),
                          exchange_items=(ExchangeItem(_priciest(url, "appliance"), 1),)),
            clerk, url=url, now=NOW + timedelta(minutes=15))
        yield {"url": url, "folder": folder, "refund": refund, "exchange": exchange, "credit": credit,
               "share_refund": share_refund, "share_exchange": share_exchange}
    dispose_engines()


def _priciest(url: str, policy_class: str) -> str:
    with session_scope(url, write=False) as s:
        return s.scalar(select(Product.sku).where(Product.policy_class == policy_class)
                        .order_by(Product.price.desc(), Product.sku))


def _coupon_paid_sale(url: str) -> str:
    """Yesterday's sale of two general goods, ¥5 of it paid with a coupon: its share is never paid out."""
    with session_scope(url, write=False) as s:
        goods = list(s.execute(select(Product.sku, Product.name_zh, Product.price)
                               .where(Product.policy_class == "general", Product.price >= 500)
                               .order_by(Product.price, Product.sku).limit(2)))
    lines = [{"line": i, "sku": sku, "name": name, "policy_class": "general", "qty": 2, "unit_price": price,
              "discount": 0, "promo_group": None, "final_sale": False, "warranty_months": 0}
             for i, (sku, name, price) in enumerate(goods, start=1)]
    total = sum(2 * price for _sku, _name, price in goods)
    row = sale("R20261121-9001", sold_at=(NOW - timedelta(days=1)).isoformat(), member=None, lines=lines,
               receipt_discount=0, tenders=[{"method": "coupon", "amount": 500, "reference": "CPOLD0001"},
                                            {"method": "wechat", "amount": total - 500}], points_earned=0)
    assert import_sales(jsonl(row), url).ok
    return "R20261121-9001"


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
    assert "退换货政策公示" in text and current_policy().version in text
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


# ---- every barcoded document × paper × language, from the database ---------------------------------
LANGS = ("zh_CN", "en")
PAPER_NAMES = ("80mm", "58mm", "a5", "a4")
# name → (document, which return of the shop it comes from, copy)
BARCODED = {"slip_customer": ("slip", "share_refund", "customer"), "slip_shop": ("slip", "refund", "shop"),
            "exchange_slip": ("slip", "share_exchange", "customer"), "coupon": ("coupon", "refund", "customer"),
            "voucher": ("voucher", "credit", "customer")}


def stored_code(url: str, document: str, number: str) -> str:
    """What the database holds for the document: the return's number, or the code it issued."""
    with session_scope(url, write=False) as s:
        ret = s.scalar(select(Return).where(Return.number == number))
        if document == "slip":
            return ret.number
        kind = "coupon" if document == "coupon" else "store_credit"
        return s.scalar(select(Coupon.code).where(Coupon.return_id == ret.id, Coupon.kind == kind))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PAPER_NAMES)
@pytest.mark.parametrize("name", list(BARCODED))
def test_every_barcode_scans_as_the_code_in_the_database(shop, name, paper, lang):
    document, which, copy = BARCODED[name]
    number = shop[which].number
    code = stored_code(shop["url"], document, number)
    pdf = printouts.document_pdf(document, code, paper=paper, lang=lang, copy=copy, url=shop["url"])
    assert pdfcheck.barcodes(pdfcheck.rasterise(pdf)[0]) == [code], (name, paper, lang)
    assert code in pdfcheck.text(pdf)
    inside_the_paper(pdf, paper)


def inside_the_paper(pdf: bytes, paper: str) -> None:
    margin = PAPERS[paper].margin_x
    for word in pdfcheck.words(pdf):
        assert word.x_min >= margin - 0.6, f"{word.text!r} starts in the left margin ({paper})"
        assert word.x_max <= word.page_width - margin + 0.6, f"{word.text!r} runs off the right ({paper})"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PAPER_NAMES)
@pytest.mark.parametrize("document", ["eod", "policy"])
def test_report_and_notice_fit_every_paper(shop, document, paper, lang):
    pdf = printouts.document_pdf(document, "2026-11-22", paper=paper, lang=lang, url=shop["url"])
    inside_the_paper(pdf, paper)
    text = pdfcheck.text(pdf)
    if document == "eod":
        assert shop["share_exchange"].number in " ".join(text.split())
    else:
        assert current_policy().version in text


# ---- a slip adds up: the lines, the coupon share kept, the money -----------------------------------
def test_coupon_share_is_printed_between_the_goods_and_the_refund(shop):
    number = shop["share_refund"].number
    with session_scope(shop["url"], write=False) as s:
        withheld = s.scalar(select(Return.withheld_coupon_share).where(Return.number == number))
    data = documents.slip_data(number, shop["url"])
    assert withheld > 0 and data.coupon_share == withheld
    assert data.returned_total - data.coupon_share == data.refund_total
    zh = "\n".join(pdfcheck.lines(printouts.document_pdf("slip", number, paper="80mm", url=shop["url"])))
    en = "\n".join(pdfcheck.lines(printouts.document_pdf("slip", number, paper="80mm", lang="en",
                                                        url=shop["url"])))
    assert f"优惠券部分不退 Coupon share kept −{format_fen(withheld)}" in zh
    assert f"Coupon share kept −{format_fen(withheld)}" in en
    # in reading order: the goods' worth, the share kept, then the refund
    assert en.index(f"Goods returned {format_fen(data.returned_total)}") < en.index("Coupon share kept") \
        < en.index(f"Total refund {format_fen(data.refund_total)}")


def test_exchange_on_a_coupon_sale_adds_up_to_the_difference_paid(shop):
    data = documents.slip_data(shop["share_exchange"].number, shop["url"])
    assert data.coupon_share > 0 and data.price_difference > 0
    assert data.returned_total - data.coupon_share - data.exchanged_total == -data.price_difference
    en = "\n".join(pdfcheck.lines(printouts.document_pdf("slip", data.number, lang="en", url=shop["url"])))
    assert f"Credit for goods returned {format_fen(data.returned_total - data.coupon_share)}" in en
    assert f"Difference paid {format_fen(data.price_difference)}" in en


@pytest.mark.parametrize("which", ["refund", "credit", "exchange"])
def test_no_coupon_no_deduction(shop, which):
    """Store credit without a receipt and sales paid without a coupon print no 'coupon share'."""
    data = documents.slip_data(shop[which].number, shop["url"])
    assert data.coupon_share == 0
    text = pdfcheck.text(printouts.document_pdf("slip", data.number, lang="en", url=shop["url"]))
    assert "Coupon share" not in text


def test_every_slip_in_the_shop_adds_up(shop):
    """The demo's earlier returns too: whatever the engine decided, the printed figures agree."""
    with session_scope(shop["url"], write=False) as s:
        numbers = list(s.scalars(select(Return.number).where(Return.status.in_(("completed", "voided")))))
    assert len(numbers) >= 5
    for number in numbers:
        d = documents.slip_data(number, shop["url"])
        if d.kind == "return":
            assert d.returned_total - d.coupon_share == d.refund_total, number
        else:
            assert d.returned_total - d.coupon_share - d.exchanged_total == -d.price_difference, number


def test_end_of_day_counts_money_paid_in_on_exchanges(shop, monkeypatch, capsys, tmp_path):
    paid = shop["share_exchange"]
    with session_scope(shop["url"], write=False) as s:
        difference = s.scalar(select(Return.price_difference).where(Return.number == paid.number))
    assert difference > 0
    code, pdf, _ = run(shop, monkeypatch, capsys, tmp_path, "print", "eod", "2026-11-22", "--lang", "en")
    assert code == 0
    text = "\n".join(pdfcheck.lines(pdf))
    assert f"Paid in on exchanges {format_fen(difference)}" in text            # the summary
    assert f"Cash {format_fen(difference)}" in text                            # the drawer section, by tender
    assert f"in {format_fen(difference)}" in text                              # its row
