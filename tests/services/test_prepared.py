"""The per-scan prepared reads return exactly what plain SQLAlchemy returns for the same receipts.

Runs on the suite's database fixture: SQLite by default, PostgreSQL under `make test-postgres`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.models import Member, Product, Return, ReturnLine, ReturnTender, Sale, SaleLine, SaleTender
from app.services import receipts, returns
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
    rows = [sale("R1", sold_at=SOLD.isoformat()),   # a member, a receipt discount, one WeChat tender
            sale("R2", sold_at=SOLD.isoformat(), member=None, receipt_discount=0,   # no member, two tenders,
                 lines=[{"line": 1, "sku": "6909876543212", "qty": 2, "unit_price": 12900, "discount": 0},
                        {"line": 2, "sku": "6999999999999", "qty": 1, "unit_price": 300, "discount": 50,
                         "name": "不在目录", "policy_class": "general"}],                                     # a line off the catalogue
                 tenders=[{"method": "card", "amount": 20000}, {"method": "cash", "amount": 6050}])]
    assert import_sales(jsonl(*rows), catalogue).ok
    clerk = sign_in("clerk", "1111", catalogue)
    returns.complete(ReturnRequest("R1", (ReturnItem(1, 2, "changed_mind", "unopened"),)), clerk,
                     url=catalogue, now=NOW)
    returns.complete(ReturnRequest("R2", (ReturnItem(1, 1, "changed_mind", "unopened"),)), clerk,
                     url=catalogue, now=NOW)
    return catalogue


STATEMENTS = {"sale by number": receipts._SALE_BY_NUMBER, "sale by id": receipts._SALE_BY_ID,
              "lines": receipts._LINES, "tenders": receipts._TENDERS, "refunded": receipts._REFUNDED,
              "earlier returns": receipts._EARLIER}


@pytest.mark.parametrize("name", STATEMENTS)
@pytest.mark.parametrize("receipt_no", ["R1", "R2", "NONE"])
def test_each_prepared_read_equals_sqlalchemy_executing_the_same_statement(shop, name, receipt_no):
    prepared = STATEMENTS[name]
    with session_scope(shop, write=False) as s:
        sale_id = s.scalar(select(Sale.id).where(Sale.receipt_no == receipt_no)) or -1
        params = ({"key": receipt_no} if name == "sale by number" else {"key": sale_id} if name == "sale by id"
                  else {"sale_id": sale_id})
        conn = s.connection()
        fast = prepared.rows(conn, **params)
        plain = [tuple(row) for row in conn.execute(prepared.statement, params)]
    key = (lambda rows: sorted(rows, key=repr)) if name == "refunded" else list   # GROUP BY has no order
    assert key(fast) == key(plain)
    assert bool(fast) == (receipt_no != "NONE")   # every read finds something for a real receipt


@pytest.mark.parametrize("receipt_no", ["R1", "R2"])
def test_the_receipt_view_equals_what_the_orm_models_say(shop, receipt_no):
    with session_scope(shop, write=False) as s:
        view = receipts.load_receipt(s.connection(), receipt_no=receipt_no)
        row = s.scalars(select(Sale).where(Sale.receipt_no == receipt_no)).one()
        member = s.get(Member, row.member_id) if row.member_id else None
        lines = s.scalars(select(SaleLine).where(SaleLine.sale_id == row.id).order_by(SaleLine.line_no)).all()
        names_en = dict(s.execute(select(Product.sku, Product.name_en)).all())
        taken = dict(s.execute(select(ReturnLine.sale_line_id, func.sum(ReturnLine.qty))
                               .join(Return, Return.id == ReturnLine.return_id)
                               .where(Return.sale_id == row.id, Return.status == "completed")
                               .group_by(ReturnLine.sale_line_id)).all())
        paid = s.scalars(select(SaleTender).where(SaleTender.sale_id == row.id).order_by(SaleTender.seq)).all()
        back = dict(s.execute(select(ReturnTender.method, func.sum(ReturnTender.amount))
                              .join(Return, Return.id == ReturnTender.return_id)
                              .where(Return.sale_id == row.id, Return.status == "completed")
                              .group_by(ReturnTender.method)).all())
        earlier = s.scalars(select(Return.number).where(Return.sale_id == row.id).order_by(Return.id)).all()
    assert view is not None
    assert (view.receipt_no, view.sold_at, view.till, view.cashier, view.receipt_discount, view.points_earned,
            view.total_paid) == (row.receipt_no, row.sold_at, row.till, row.cashier, row.receipt_discount,
                                 row.points_earned, row.total)
    assert (view.member.card_no if view.member else None) == (member.card_no if member else None)
    assert [(v.line_no, v.sku, v.name_zh, v.name_en, v.qty_sold, v.qty_returned, v.unit_price, v.line_discount,
             v.net_paid) for v in view.lines] == [
        (ln.line_no, ln.sku, ln.name, names_en.get(ln.sku, ""), ln.qty, taken.get(ln.id, 0), ln.unit_price,
         ln.discount, ln.net) for ln in lines]
    assert [(t.method, t.amount, t.refunded) for t in view.tenders] == [
        (t.method, t.amount, back.get(t.method, 0)) for t in paid]
    assert list(view.earlier_returns) == list(earlier) and earlier
