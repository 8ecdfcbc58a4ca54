"""Hypothesis over import rows and scanned codes: never a traceback, never a changed row on a rejection."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app.db import session_scope
from app.errors import DeskError
from app.models import Member, Product, Sale, SaleCoupon, SaleLine, SaleTender
from app.services import lookup
from app.services.imports import import_members, import_products, import_sales
from tests.store import sale

pytestmark = pytest.mark.slow

FIGURES = Path(__file__).resolve().parents[2] / "var" / "fuzz-figures.json"
EXAMPLES = 300
NASTY_TEXT = st.sampled_from(["", " ", "²", "R1²", "\x00", "\x1b[2J", "\ud800", "\udcff", "😀", "\u202e",
                              "ｒ１", "r 1", "9" * 40, "面" * 300, "-", "x" * 100_000, "NaN", "1e400"])
NASTY_NUMBER = st.one_of(st.integers(min_value=-10**40, max_value=10**40), st.floats(allow_nan=True),
                         st.booleans(), st.none(), NASTY_TEXT, st.integers(min_value=0, max_value=20_000))
VALUE = st.one_of(NASTY_TEXT, NASTY_NUMBER, st.text(max_size=40), st.lists(st.integers(), max_size=3),
                  st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))
SALE_KEYS = ["receipt", "sold_at", "till", "cashier", "member", "lines", "receipt_discount", "tenders",
             "coupons_redeemed", "points_earned"]
LINE_KEYS = ["line", "sku", "name", "policy_class", "qty", "unit_price", "discount", "promo_group",
             "final_sale", "warranty_months"]
tried = {"sale rows": 0, "csv rows": 0, "codes": 0}


def everything(url):
    with session_scope(url, write=False) as s:
        return [sorted(tuple(getattr(r, c.key) for c in m.__table__.columns) for r in s.scalars(select(m)))
                for m in (Sale, SaleLine, SaleTender, SaleCoupon, Product, Member)]


def mutated(draw_changes) -> dict:
    row = sale("FZ1", sold_at="2026-11-20T10:15:00+08:00")
    for where, key, value in draw_changes:
        inner = row.get("lines" if where == "line" else "tenders")
        target = row if where == "sale" else inner[0] if isinstance(inner, list) and inner else None
        if isinstance(target, dict):  # a change inside lines that an earlier change replaced is dropped
            target[key] = value
    return row


CHANGES = st.lists(st.one_of(
    st.tuples(st.just("sale"), st.sampled_from(SALE_KEYS), VALUE),
    st.tuples(st.just("line"), st.sampled_from(LINE_KEYS), VALUE),
    st.tuples(st.just("tender"), st.sampled_from(["method", "amount", "code"]), VALUE)), min_size=1, max_size=3)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=CHANGES)
def test_a_mangled_sale_row_is_imported_whole_or_rejected_with_nothing_changed(catalogue, changes):
    row = mutated(changes)
    before = everything(catalogue)
    try:
        text = json.dumps(row, ensure_ascii=False)
    except (ValueError, UnicodeEncodeError):
        text = json.dumps(row)
    report = import_sales([text], catalogue)
    tried["sale rows"] += 1
    if report.rejected:
        assert report.imported == 0 and report.rejected[0].line_no == 1
        assert "\x1b" not in report.rejected[0].reason_en and "\x00" not in report.rejected[0].reason_en
        assert everything(catalogue) == before, "a rejected row changed nothing"
    elif report.imported:
        with session_scope(catalogue) as s:  # undo, so the next example starts from the same (sale-less) shop
            for model in (SaleLine, SaleTender, SaleCoupon, Sale):
                s.execute(delete(model))
    assert report.imported + report.unchanged + len(report.rejected) == 1


CSV_CELL = st.one_of(NASTY_TEXT, st.text(max_size=30).filter(lambda t: "\n" not in t and "\r" not in t),
                     st.integers(min_value=-10**30, max_value=10**30).map(str))


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(CSV_CELL, min_size=8, max_size=8), members=st.lists(CSV_CELL, min_size=6, max_size=6))
def test_a_mangled_csv_row_never_raises_and_a_rejected_one_changes_nothing(catalogue, tmp_path, cells, members):
    import csv
    import io

    for name, header, values, run in (
            ("p.csv", "sku,name_zh,name_en,category,policy_class,price,warranty_months,supplier", cells,
             import_products),
            ("m.csv", "card_no,phone,name,tier,points,special_needs", members, import_members)):
        buffer = io.StringIO()
        csv.writer(buffer).writerow(values)
        path = tmp_path / name
        # a lone surrogate is written as the invalid bytes a broken export would hold
        path.write_bytes((header + "\n" + buffer.getvalue()).encode("utf-8", "surrogatepass"))
        before = everything(catalogue)
        report = run(path, catalogue)
        tried["csv rows"] += 1
        if report.rejected:
            assert everything(catalogue) == before


@settings(max_examples=EXAMPLES * 2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.one_of(NASTY_TEXT, st.text(max_size=40), st.from_regex(r"[rRmM ]?[0-9０-９²³¹ ]{1,14}")))
def test_a_scanned_code_is_found_or_refused_never_a_traceback(catalogue, code):
    tried["codes"] += 1
    try:
        found = lookup.find(code, catalogue)
    except DeskError as exc:
        assert "\x1b" not in exc.en and "\x00" not in exc.en
        return
    assert found is not None
    assert "²" not in code or not getattr(found, "receipt_no", ""), "a superscript never opens a receipt"


def test_write_the_fuzz_figures():
    """Runs last in this file: what the three tests above tried (docs/RELIABILITY.md quotes it)."""
    FIGURES.parent.mkdir(exist_ok=True)
    FIGURES.write_text(json.dumps(tried | {"at": time.strftime("%Y-%m-%d %H:%M")}))
