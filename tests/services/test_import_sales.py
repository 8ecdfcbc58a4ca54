"""Sales import from the till: every rejection reason, idempotency, exact line nets."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.models import Sale, SaleLine, SaleTender
from app.services.imports import import_sales
from tests.store import jsonl, sale


def counts(url):
    with session_scope(url, write=False) as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Sale, SaleLine, SaleTender))


def test_example_sale_imports_with_receipt_discount_in_line_net(catalogue):
    report = import_sales(jsonl(sale()), catalogue)
    assert (report.imported, report.rejected) == (1, [])
    with session_scope(catalogue, write=False) as s:
        line = s.scalar(select(SaleLine))
        assert (line.qty, line.unit_price, line.net) == (3, 450, 1250)
        assert s.scalar(select(Sale.total)) == 1250


def test_receipt_discount_shared_by_largest_remainder_adds_up_exactly(catalogue):
    row = sale(lines=[
        {"line": 1, "sku": "6901234567892", "qty": 1, "unit_price": 100, "discount": 0},
        {"line": 2, "sku": "6900000000014", "qty": 1, "unit_price": 100, "discount": 0},
        {"line": 3, "sku": "6909876543212", "qty": 1, "unit_price": 100, "discount": 0}],
        receipt_discount=100, tenders=[{"method": "cash", "amount": 200}])
    assert import_sales(jsonl(row), catalogue).ok
    with session_scope(catalogue, write=False) as s:
        nets = s.scalars(select(SaleLine.net).order_by(SaleLine.line_no)).all()
    assert sum(nets) == 200 and sorted(nets) == [66, 67, 67]


def test_free_gift_line_with_a_receipt_discount_imports_and_carries_no_share(catalogue):
    """Issue 15: the receipt discount is shared by value after line discounts, so a gift line nets
    ¥0 (it used to net below zero and the ordinary till receipt was rejected)."""
    row = sale(lines=[
        {"line": 1, "sku": "6901234567892", "qty": 1, "unit_price": 1000, "discount": 1000},
        {"line": 2, "sku": "6900000000014", "qty": 1, "unit_price": 1000, "discount": 0}],
        receipt_discount=500, tenders=[{"method": "wechat", "amount": 500}])
    assert import_sales(jsonl(row), catalogue).ok
    with session_scope(catalogue, write=False) as s:
        assert s.scalars(select(SaleLine.net).order_by(SaleLine.line_no)).all() == [0, 500]


def test_policy_class_and_warranty_fall_back_to_the_catalogue(catalogue):
    row = sale(lines=[{"line": 1, "sku": "6909876543212", "qty": 1, "unit_price": 12900, "discount": 0}],
               receipt_discount=0, tenders=[{"method": "card", "amount": 12900}])
    assert import_sales(jsonl(row), catalogue).ok
    with session_scope(catalogue, write=False) as s:
        line = s.scalar(select(SaleLine))
        assert (line.policy_class, line.warranty_months, line.name) == ("appliance", 12, "电热水壶")


def test_same_file_twice_changes_nothing(catalogue):
    rows = jsonl(sale("R1"), sale("R2"), sale("R3"))
    assert import_sales(rows, catalogue).imported == 3
    before = counts(catalogue)
    again = import_sales(rows, catalogue)
    assert (again.imported, again.unchanged, again.rejected) == (0, 3, [])
    assert counts(catalogue) == before


def test_the_same_sale_exported_with_other_key_order_and_spacing_is_unchanged(catalogue):
    import_sales(jsonl(sale("R1")), catalogue)
    reordered = json.dumps(dict(reversed(list(sale("R1").items()))), ensure_ascii=False, indent=None,
                           separators=(" , ", " : "))
    again = import_sales([reordered + "\n"], catalogue)
    assert (again.imported, again.unchanged, again.rejected) == (0, 1, [])


def test_same_receipt_with_different_contents_is_rejected_not_overwritten(catalogue):
    import_sales(jsonl(sale("R1")), catalogue)
    changed = sale("R1", points_earned=99)
    report = import_sales(jsonl(changed), catalogue)
    assert len(report.rejected) == 1 and "different contents" in report.rejected[0].reason_en
    with session_scope(catalogue, write=False) as s:
        assert s.scalar(select(Sale.points_earned)) == 12


def _bad(**changes):
    row = copy.deepcopy(sale())
    for key, value in changes.items():
        if key.startswith("line_"):
            row["lines"][0][key[5:]] = value
        else:
            row[key] = value
    return row


REJECTIONS = [
    ("not json", "{this is not json", "not valid JSON"),
    ("not an object", "[1, 2]", "one JSON object"),
    ("tenders do not add up", _bad(tenders=[{"method": "wechat", "amount": 1200}]), "tenders add up to ¥12.00"),
    ("unknown tender", _bad(tenders=[{"method": "bitcoin", "amount": 1250}]), "unknown tender method 'bitcoin'"),
    ("negative quantity", _bad(line_qty=-1), "quantity must be positive"),
    ("zero quantity", _bad(line_qty=0), "quantity must be positive"),
    ("duplicate line", _bad(lines=[sale()["lines"][0], sale()["lines"][0]],
                            tenders=[{"method": "wechat", "amount": 2600}]), "duplicate line number 1"),
    ("fractional money", _bad(line_unit_price=4.5), "whole number"),
    ("missing receipt", _bad(receipt=""), "field receipt"),
    ("time without zone", _bad(sold_at="2026-11-01T10:15:00"), "no time zone"),
    ("bad time", _bad(sold_at="yesterday"), "not a valid time"),
    ("unknown member", _bad(member="M999"), "member card M999 is unknown"),
    ("no lines", _bad(lines=[]), "no lines"),
    ("no tenders", _bad(tenders=[]), "no tenders"),
    ("unknown policy class", _bad(line_policy_class="weapons"), "unknown policy_class"),
    ("unknown sku without class", _bad(line_sku="123", line_policy_class=None), "not in the catalogue"),
    ("discount above line", _bad(line_discount=5000), "exceeds the line's value"),
    ("receipt discount above total", _bad(receipt_discount=99999), "receipt_discount exceeds"),
    ("zero tender", _bad(tenders=[{"method": "cash", "amount": 0}]), "must not be below 1"),
]


@pytest.mark.parametrize(("case", "row", "reason"), REJECTIONS, ids=[c[0] for c in REJECTIONS])
def test_each_bad_row_is_rejected_with_its_line_number_and_reason(catalogue, case, row, reason):
    rows = jsonl(sale("GOOD1"), row, sale("GOOD2"))
    report = import_sales(rows, catalogue)
    assert report.imported == 2, "valid rows around a bad one still go in"
    assert [r.line_no for r in report.rejected] == [2]
    assert reason in report.rejected[0].reason_en
    assert report.rejected[0].reason_zh  # the clerk's language too


def test_duplicate_receipt_inside_one_file_is_rejected(catalogue):
    report = import_sales(jsonl(sale("R1"), sale("R1", points_earned=1)), catalogue)
    assert report.imported == 1 and [r.line_no for r in report.rejected] == [2]


def test_full_width_and_lower_case_receipt_numbers_are_normalised(catalogue):
    import_sales(jsonl(sale("ｒ２０２６-0001")), catalogue)
    with session_scope(catalogue, write=False) as s:
        assert s.scalar(select(Sale.receipt_no)) == "R2026-0001"
