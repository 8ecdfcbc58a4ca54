"""Member panel and product search as the counter uses them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.db import session_scope
from app.errors import NotFound
from app.services import catalogue as products
from app.services import members, returns
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale


def test_member_found_by_card_phone_last_four_digits_or_name_with_phone_masked(catalogue):
    for text in ("M000123", "13812345678", "5678", "王"):
        found = members.search(text, catalogue)
        assert [m.card_no for m in found] == ["M000123"], text
        assert found[0].phone_masked == "138****5678"
    assert members.search("nobody", catalogue) == []


def test_member_history_lists_purchases_and_returns(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
    import_sales(jsonl(sale("R1", sold_at="2026-11-01T10:00:00+08:00"),
                       sale("R2", sold_at="2026-11-02T10:00:00+08:00")), catalogue)
    clerk = sign_in("clerk", "1111", catalogue)
    done = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "changed_mind", "unopened"),)), clerk,
                            url=catalogue, now=datetime(2026, 11, 3, tzinfo=UTC))
    history = members.history("m000123", catalogue)
    assert [p.receipt_no for p in history.purchases] == ["R2", "R1"]  # newest first
    assert [(r.number, r.receipt_no) for r in history.returns] == [(done.number, "R1")]
    with pytest.raises(NotFound):
        members.history("M404", catalogue)


def test_product_by_barcode_or_part_of_a_name(catalogue):
    assert [p.name_zh for p in products.find_product("6909876543212", catalogue)] == ["电热水壶"]
    assert [p.sku for p in products.find_product("牛肉", catalogue)] == ["6901234567892"]
    assert [p.sku for p in products.find_product("kettle", catalogue)] == ["6909876543212"]
