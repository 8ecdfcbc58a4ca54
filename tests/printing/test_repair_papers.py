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
