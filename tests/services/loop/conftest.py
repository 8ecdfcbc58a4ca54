"""A shop for the service-loop tests: staff of each role, two receipts (member noodles, kettles paid by card)."""

from __future__ import annotations

import pytest

from app.db import session_scope
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from tests.services.loop.times import SOLD
from tests.store import jsonl, sale


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
        create_user(s, "owner", "店长", "admin", "3333")
    rows = [
        sale("R1", sold_at=SOLD.isoformat()),   # 3 × noodles, member M000123
        sale("R2", sold_at=SOLD.isoformat(), member=None, receipt_discount=0,
             lines=[{"line": 1, "sku": "6909876543212", "qty": 5, "unit_price": 12900, "discount": 0}],
             tenders=[{"method": "card", "amount": 64500}]),
    ]
    assert import_sales(jsonl(*rows), catalogue).ok
    return catalogue


@pytest.fixture
def staff(shop):
    return {name: sign_in(name, pin, shop) for name, pin in (("clerk", "1111"), ("boss", "2222"), ("owner", "3333"))}
