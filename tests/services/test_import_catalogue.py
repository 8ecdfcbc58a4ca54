"""Products and members from CSV: upserted by key, bad rows reported, re-import changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.errors import InvalidInput
from app.models import Member, Product
from app.services.imports import import_members, import_products
from tests.store import MEMBERS_CSV, PRODUCTS_CSV


def test_products_reimport_is_unchanged_and_edits_update(db_url, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(PRODUCTS_CSV, encoding="utf-8")
    assert import_products(path, db_url).imported == 3
    again = import_products(path, db_url)
    assert (again.imported, again.unchanged) == (0, 3)
    path.write_text(PRODUCTS_CSV.replace(",450,", ",480,"), encoding="utf-8")
    assert import_products(path, db_url).imported == 1
    with session_scope(db_url, write=False) as s:
        assert s.scalar(select(Product.price).where(Product.sku == "6901234567892")) == 480


def test_bad_product_rows_are_reported_by_csv_line(db_url, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(PRODUCTS_CSV + "123,坏商品,Bad,x,spaceship,100,0,\n456,负价,Neg,x,general,-5,0,\n"
                    "6901234567893,错校验位,Typo,x,general,100,0,\n", encoding="utf-8")
    report = import_products(path, db_url)
    assert report.imported == 3
    assert [(r.line_no, r.key) for r in report.rejected] == [(5, "123"), (6, "456"), (7, "6901234567893")]
    assert "unknown policy_class" in report.rejected[0].reason_en
    assert "wrong check digit (should be 2)" in report.rejected[2].reason_en


def test_missing_csv_column_is_a_clear_error(db_url, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("sku,name_zh\n1,x\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="missing columns: policy_class, price"):
        import_products(path, db_url)


def test_members_with_bad_tier_or_phone_are_rejected(db_url, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(MEMBERS_CSV + "M3,12ab,x,platinum,0,\nM4,abc,y,gold,0,\n", encoding="utf-8")
    report = import_members(path, db_url)
    assert report.imported == 2
    assert ["unknown tier" in r.reason_en or "phone" in r.reason_en for r in report.rejected] == [True, True]
    with session_scope(db_url, write=False) as s:
        assert s.scalar(select(Member.tier).where(Member.card_no == "M000123")) == "gold"


def test_a_members_file_with_fewer_columns_updates_only_those(db_url, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(MEMBERS_CSV, encoding="utf-8")
    import_members(path, db_url)
    path.write_text("card_no,phone\nM000123,13999998888\nM000200,13700001234\n", encoding="utf-8")
    report = import_members(path, db_url)
    assert (report.imported, report.rejected) == (2, [])
    with session_scope(db_url, write=False) as s:
        kept = s.scalars(select(Member).where(Member.card_no == "M000123")).one()
        assert (kept.phone, kept.name, kept.tier, kept.points) == ("13999998888", "王芳", "gold", 1200)
        new = s.scalars(select(Member).where(Member.card_no == "M000200")).one()
        assert (new.name, new.tier, new.points) == ("", "standard", 0)


def test_a_price_list_leaves_names_and_suppliers_alone(db_url, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(PRODUCTS_CSV, encoding="utf-8")
    import_products(path, db_url)
    path.write_text("sku,name_zh,policy_class,price\n6909876543212,电热水壶,appliance,13900\n", encoding="utf-8")
    assert import_products(path, db_url).imported == 1
    with session_scope(db_url, write=False) as s:
        kettle = s.scalars(select(Product).where(Product.sku == "6909876543212")).one()
        assert (kettle.price, kettle.name_en, kettle.warranty_months, kettle.supplier) == (
            13900, "Electric Kettle", 12, "美的")
