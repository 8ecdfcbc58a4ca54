"""Bad products and members CSVs, bad policy files, and the database's own CHECK constraints."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from app.cli import main
from app.db import session_scope
from app.models import Member, Product, Return, Sale, SaleLine, SaleTender
from app.services.imports import import_members, import_products, import_sales
from tests.store import PRODUCTS_CSV, jsonl, sale

HEADER = PRODUCTS_CSV.splitlines()[0]


def products(url):
    with session_scope(url, write=False) as s:
        return {p.sku: (p.name_zh, p.price, p.warranty_months) for p in s.scalars(select(Product))}


def test_duplicate_skus_in_one_products_csv_are_both_rejected_and_the_rest_kept(db_url, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(HEADER + "\n"
                    "6901234567892,红烧牛肉面,Beef Noodles,方便食品,general,450,0,康师傅\n"
                    "6909876543212,电热水壶,Electric Kettle,小家电,appliance,12900,12,美的\n"
                    "6901234567892,红烧牛肉面（大）,Beef Noodles L,方便食品,general,650,0,康师傅\n",
                    encoding="utf-8")
    report = import_products(path, db_url)
    assert report.imported == 1 and [r.line_no for r in report.rejected] == [2, 4]
    assert "repeats line 2" in report.rejected[1].reason_en
    assert set(products(db_url)) == {"6909876543212"}


@pytest.mark.parametrize(("cells", "field"), [
    ("6901234567892,红烧牛肉面,,,general,²,0,", "price"),
    ("6901234567892,红烧牛肉面,,,general,99999999999999999999999,0,", "price"),
    ("6901234567892,红烧牛肉面,,,general,450,1000000000000,", "warranty_months"),
    ("6901234567892,红烧牛肉面,,,general,450,121,", "warranty_months"),
    ("690123456789²,红烧牛肉面,,,general,450,0,", "sku"),
    ("6901234567892\x1b[2J,红烧牛肉面,,,general,450,0,", "sku"),
    ("6901234567892,红烧\x00牛肉面,,,general,450,0,", "name_zh"),
    ("6901234567892," + "面" * 201 + ",,,general,450,0,", "name_zh"),
])
def test_bad_product_cells_name_line_and_field_and_keep_the_good_row(db_url, tmp_path, cells, field):
    path = tmp_path / "p.csv"
    path.write_text(f"{HEADER}\n6909876543212,电热水壶,Electric Kettle,小家电,appliance,12900,12,美的\n{cells}\n",
                    encoding="utf-8")
    report = import_products(path, db_url)
    assert report.imported == 1 and len(report.rejected) == 1
    bad = report.rejected[0]
    assert bad.line_no == 3 and field in bad.reason_en and field in bad.reason_zh
    assert "\x1b" not in bad.reason_en + bad.key and "\x00" not in bad.reason_en
    assert set(products(db_url)) == {"6909876543212"}


def test_a_gbk_products_csv_rejects_each_undecodable_row_by_line(db_url, tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes((HEADER + "\n6909876543212,kettle,Electric Kettle,,appliance,12900,12,\n"
                      "6901234567892,红烧牛肉面,Beef Noodles,,general,450,0,\n").encode("gbk"))
    report = import_products(path, db_url)
    assert report.imported == 1 and [(r.line_no, "UTF-8" in r.reason_en) for r in report.rejected] == [(3, True)]


def test_members_csv_with_a_superscript_phone_or_huge_points_is_rejected_by_line(db_url, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("card_no,phone,name,tier,points,special_needs\n"
                    "M1,1381234567²,王芳,gold,0,\nM2,13900001111,李强,standard,10000000000000,\n"
                    "M3,13900002222,赵敏😀,standard,0,\nM4,13900003333,孙丽,silver,10,\nM4,13900003333,孙丽,gold,10,\n",
                    encoding="utf-8")
    report = import_members(path, db_url)
    assert report.imported == 0
    assert [(r.line_no, f) for r, f in zip(report.rejected, ("phone", "points", "name", "card_no", "card_no"),
                                           strict=True) if f in r.reason_en] == [(2, "phone"), (3, "points"),
                                                                               (4, "name"), (5, "card_no"),
                                                                               (6, "card_no")]
    with session_scope(db_url, write=False) as s:
        assert s.scalars(select(Member)).all() == []


@pytest.mark.parametrize(("old", "new", "key"), [
    ("days_valid = 30", "days_valid = 99999999999", "goodwill_coupon.days_valid"),
    ("days_valid = 30", "days_valid = 3651", "goodwill_coupon.days_valid"),
    ("days_valid = 30", "days_valid = " + "9" * 5000, "-"),
    ("days_valid = 30", "days_valid = 30\nx = " + "[" * 3000 + "]" * 3000, "-"),
    ("days_valid = 30", "days_valid = 30\nx = " + "{a=" * 500 + "1" + "}" * 500, "-"),
])
def test_a_policy_with_an_impossible_number_or_nesting_fails_policy_check_naming_the_line(tmp_path, capsys,
                                                                                        old, new, key):
    from app.settings import resources_dir

    text = (resources_dir() / "policy.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "policy.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["--lang", "en", "policy", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"key {key}" in err and "line " in err and "Traceback" not in err
    at = text.splitlines().index(old) + 1
    assert f"line {at if key.startswith('goodwill') or '9999' in new else at + 1}," in err, "the line is named"


CHECKS = [
    (SaleLine, {"qty": 0}), (SaleLine, {"unit_price": -1}), (SaleLine, {"net": -1}),
    (SaleTender, {"amount": -100}), (Sale, {"total": -1}),
]


@pytest.mark.parametrize(("model", "bad"), CHECKS)
def test_check_constraints_refuse_a_negative_amount_or_zero_quantity(catalogue, model, bad):
    assert import_sales(jsonl(sale()), catalogue).ok
    with session_scope(catalogue, write=False) as s:
        sale_id = s.scalar(select(Sale.id))
    values = {SaleLine: {"sale_id": sale_id, "line_no": 9, "sku": "X", "name": "x", "policy_class": "general",
                         "qty": 1, "unit_price": 1, "discount": 0, "net": 1, "final_sale": False,
                         "warranty_months": 0},
              SaleTender: {"sale_id": sale_id, "seq": 9, "method": "cash", "amount": 1, "reference": ""},
              Sale: {"receipt_no": "R9", "sold_at": sale()["sold_at"], "till": "T1", "cashier": "c",
                     "receipt_discount": 0, "total": 1, "points_earned": 0, "content_hash": "x"}}[model]
    if model is Sale:
        from datetime import datetime
        values["sold_at"] = datetime.fromisoformat(values["sold_at"])
    with pytest.raises(IntegrityError, match="(?i)check"), session_scope(catalogue) as s:
        s.execute(insert(model.__table__).values(**(values | bad)))
    with session_scope(catalogue, write=False) as s:
        assert s.scalar(select(Return.id)) is None
