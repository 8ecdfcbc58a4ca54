"""Issue 15 import fields: the catalogue's food and stored-value flags, a sale's invoice, re-imports of stored sales."""

from __future__ import annotations

from sqlalchemy import select, update

from app.db import session_scope
from app.models import Product, Sale, SaleLine
from app.services.imports import import_products, import_sales
from tests.store import jsonl, sale

CSV = """sku,name_zh,policy_class,price,category,food
6901234567892,纯牛奶,general,450,乳品,1
6909876543212,电热水壶,appliance,12900,小家电,0
6900000000021,购物卡100元,non_returnable,10000,卡券,
"""


def test_food_column_and_the_card_category_mark_products_and_are_copied_onto_sale_lines(db_url, tmp_path):
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    assert import_products(tmp_path / "p.csv", db_url).ok
    with session_scope(db_url, write=False) as s:
        flags = {sku: (food, card) for sku, food, card in
                 s.execute(select(Product.sku, Product.food, Product.stored_value))}
    assert flags == {"6901234567892": (True, False), "6909876543212": (False, False),
                     "6900000000021": (False, True)}
    row = sale(member=None, receipt_discount=0, invoice=True,
               lines=[{"line": 1, "sku": "6901234567892", "qty": 1, "unit_price": 450},
                      {"line": 2, "sku": "6900000000021", "qty": 1, "unit_price": 10000}],
               tenders=[{"method": "cash", "amount": 10450}])
    assert import_sales(jsonl(row), db_url).ok
    with session_scope(db_url, write=False) as s:
        assert s.execute(select(SaleLine.food, SaleLine.stored_value).order_by(SaleLine.line_no)).all() == [
            (True, False), (False, True)]
        assert s.scalar(select(Sale.invoice)) == "yes"


def test_a_bad_food_flag_or_invoice_is_named(db_url, tmp_path):
    (tmp_path / "p.csv").write_text("sku,name_zh,policy_class,price,food\n6901234567892,奶,general,450,maybe\n",
                                    encoding="utf-8")
    report = import_products(tmp_path / "p.csv", db_url)
    assert "food" in report.rejected[0].reason_en
    bad = import_sales(jsonl(sale(invoice=12, member=None)), db_url)
    assert "invoice" in bad.rejected[0].reason_en and "发票" in bad.rejected[0].reason_zh


def test_reimporting_a_sale_stored_under_the_gross_rule_leaves_its_nets_alone(catalogue):
    row = sale(lines=[{"line": 1, "sku": "6901234567892", "qty": 3, "unit_price": 1000, "discount": 1000},
                      {"line": 2, "sku": "6900000000014", "qty": 2, "unit_price": 1000}],
               receipt_discount=500, tenders=[{"method": "cash", "amount": 3500}], member=None)
    assert import_sales(jsonl(row), catalogue).ok
    with session_scope(catalogue) as s:   # as migration 0005_law leaves an older sale
        s.execute(update(Sale).values(discount_rule="gross"))
        s.execute(update(SaleLine).where(SaleLine.line_no == 1).values(net=1700))
        s.execute(update(SaleLine).where(SaleLine.line_no == 2).values(net=1800))
    again = import_sales(jsonl(row), catalogue)
    assert (again.unchanged, again.imported) == (1, 0)
    with session_scope(catalogue, write=False) as s:
        assert s.scalars(select(SaleLine.net).order_by(SaleLine.line_no)).all() == [1700, 1800]
        assert s.scalar(select(Sale.discount_rule)) == "gross"
