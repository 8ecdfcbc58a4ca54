"""Repair tickets (both copies) and the supplier claim sheet, from a real database: they scan at 203 dpi."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.db import session_scope
from app.printing import PAPERS
from app.services import printouts, repairs, returns
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.printing import pdfcheck
from tests.store import jsonl, sale

NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
    return catalogue, sign_in("clerk", "1111", catalogue)


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_both_copies_of_a_repair_ticket_scan_and_say_what_was_taken_in(shop, paper, lang):
    url, clerk = shop
    t = repairs.walk_in(clerk, sku="6909876543212", fault="不加热", serial="SN-8841", accessories="底座、说明书",
                        member_card="M000123", now=NOW, url=url)
    customer, item = printouts.repair_ticket(t.number, lang, url, paper)
    assert (customer.key, item.key) == ("repair", "repair_tag")
    for doc in (customer, item):
        assert pdfcheck.barcodes(pdfcheck.rasterise(doc.pdf)[0]) == [t.number]
        words = pdfcheck.text(doc.pdf)
        assert "SN-8841" in words and "底座" in words
    assert "美的" in pdfcheck.text(item.pdf)                  # the tag names the supplier it goes to
    assert "138****5678" in pdfcheck.text(customer.pdf) and "13812345678" not in pdfcheck.text(customer.pdf)
    assert ("维修单" in pdfcheck.text(customer.pdf)) == (lang == "zh_CN")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_claim_sheet_lists_the_faulty_units_set_aside_and_scans(shop, lang):
    url, clerk = shop
    for n in range(2):
        assert import_sales(jsonl(sale(f"Q{n}", member=None)), url).ok
        returns.complete(ReturnRequest(f"Q{n}", (ReturnItem(1, 1 + n, "quality_fault", "opened"),)), clerk,
                         url=url, now=datetime(2026, 11, 2, 2, n, tzinfo=UTC))
    doc = printouts.supplier_claim("康师傅", lang, url)
    [code] = pdfcheck.barcodes(pdfcheck.rasterise(doc.pdf)[0])
    assert code == doc.code and code.startswith("CL")
    lines = pdfcheck.lines(doc.pdf)
    assert sum("6901234567892" in ln for ln in lines) == 2
    assert any("3 ·" in ln for ln in lines)         # three units in all


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_longest_words_a_ticket_takes_stay_on_the_paper_and_it_still_scans(shop, paper, lang):
    """The most the forms accept (500-character fault, 300 of accessories with an emoji, a 60-character serial):
    every word inside the margins, every page's code still decodes at 203 dpi."""
    url, clerk = shop
    t = repairs.walk_in(clerk, sku="6909876543212", fault="不加热并且有焦味" * 62 + "漏水", serial="SN" + "8" * 58,
                        accessories="底座😀、说明书、" * 37 + "保修卡", now=NOW, url=url)
    margin = PAPERS[paper].margin_x
    for doc in printouts.repair_ticket(t.number, lang, url, paper):
        for word in pdfcheck.words(doc.pdf):
            assert margin - 0.6 <= word.x_min and word.x_max <= word.page_width - margin + 0.6, (doc.key, word.text)
        pages = pdfcheck.rasterise(doc.pdf, first_page_only=False)
        assert pdfcheck.barcodes(pages[0]) == [t.number], doc.key


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_complaints_compensation_coupon_from_the_database_scans_in_both_languages(shop, lang):
    from app.services import complaints
    from app.services.complaints import Compensation

    url, _clerk = shop
    with session_scope(url) as s:
        create_user(s, "boss", "主管", "supervisor", "2222")
    boss = sign_in("boss", "2222", url)
    c = complaints.log(boss, description="面里有异物😡", url=url, now=NOW)
    done = complaints.resolve(boss, c.number, "compensated", "赔偿", compensation=Compensation("coupon", 800),
                              url=url, now=NOW)
    code = done.notes[-1].text.split()[-1]
    for paper in sorted(PAPERS):
        doc = printouts.coupon(code, lang, url, paper)
        assert pdfcheck.barcodes(pdfcheck.rasterise(doc.pdf)[0]) == [code] and code in pdfcheck.text(doc.pdf)
        assert ("优惠券" in pdfcheck.text(doc.pdf)) == (lang == "zh_CN")
