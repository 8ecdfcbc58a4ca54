"""Store fixtures for every test folder: a real migrated database, a small catalogue, sale rows.

By default each test gets its own SQLite file. With RETURNS_DESK_TEST_SERVER set to a PostgreSQL
server URL (postgresql+psycopg://user@host:port) each test gets its own fresh database there instead.
"""

from __future__ import annotations

import itertools
import json
import os

import pytest
from sqlalchemy import create_engine, text

from app.db import dispose_engines, init_database

SERVER = os.environ.get("RETURNS_DESK_TEST_SERVER")
_numbers = itertools.count()


def _server_database() -> str:
    name = f"rd_test_{os.getpid()}_{next(_numbers)}"
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{SERVER}/{name}"


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = _server_database() if SERVER else f"sqlite:///{tmp_path / 'shop.sqlite'}"
    monkeypatch.setenv("RETURNS_DESK_DB", url)
    init_database(url, create=True)
    yield url
    dispose_engines()


PRODUCTS_CSV = """sku,name_zh,name_en,category,policy_class,price,warranty_months,supplier
6901234567892,红烧牛肉面,Beef Noodles,方便食品,general,450,0,康师傅
6909876543212,电热水壶,Electric Kettle,小家电,appliance,12900,12,美的
6900000000014,红富士苹果,Fuji Apples,水果,fresh,1280,0,本地果园
"""

MEMBERS_CSV = """card_no,phone,name,tier,points,special_needs
M000123,13812345678,王芳,gold,1200,
M000124,13900001111,李强,standard,0,
"""


def sale(receipt: str = "R20261101-0001", **overrides) -> dict:
    """The issue's example sale: 3 × ¥4.50 noodles, ¥1.00 off the receipt, paid ¥12.50 by WeChat."""
    row = {"receipt": receipt, "sold_at": "2026-11-01T10:15:00+08:00", "till": "T1", "cashier": "c01",
           "member": "M000123",
           "lines": [{"line": 1, "sku": "6901234567892", "name": "红烧牛肉面", "policy_class": "general",
                      "qty": 3, "unit_price": 450, "discount": 0, "promo_group": None, "final_sale": False,
                      "warranty_months": 0}],
           "receipt_discount": 100, "tenders": [{"method": "wechat", "amount": 1250}],
           "coupons_redeemed": [], "points_earned": 12}
    row.update(overrides)
    return row


def jsonl(*rows) -> list[str]:
    return [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]


@pytest.fixture
def catalogue(db_url, tmp_path):
    from app.services.imports import import_members, import_products

    (tmp_path / "products.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    (tmp_path / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    assert import_products(tmp_path / "products.csv", db_url).ok
    assert import_members(tmp_path / "members.csv", db_url).ok
    return db_url


def with_admin(url: str, monkeypatch) -> None:
    """Imports need an admin's PIN (issue 11): one admin, its PIN where the commands look for it."""
    from app.db import session_scope
    from app.services.users import create_user

    with session_scope(url) as s:
        create_user(s, "boss", "店长", "admin", "482913")
    monkeypatch.setenv("RETURNS_DESK_PIN", "482913")
