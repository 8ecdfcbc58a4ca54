"""The slip and the end-of-day report of a food claim on a sale with an invoice: compensation and 红字发票."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text as sql

from app.db import session_scope
from app.printing import render_end_of_day, render_return_slip
from app.services import approvals, returns
from app.services.documents import shop_info, slip_data
from app.services.end_of_day import end_of_day_data
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from app.settings import SHOP_TZ
from tests.printing import pdfcheck
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
CLAIMED = SOLD + timedelta(days=20)


def test_food_claim_slip_and_report_show_compensation_apart_and_the_red_letter_invoice(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
        s.execute(sql("UPDATE products SET food = TRUE WHERE sku = '6901234567892'"))
    row = sale("MILK", sold_at=SOLD.isoformat(), member=None, receipt_discount=0, invoice="04400123",
               lines=[{"line": 1, "sku": "6901234567892", "qty": 2, "unit_price": 450}],
               tenders=[{"method": "cash", "amount": 900}])
    assert import_sales(jsonl(row), catalogue).ok
    clerk = sign_in("clerk", "1111", catalogue)
    claim = ReturnRequest("MILK", (ReturnItem(1, 2, "food_expired", "opened", expiry="2026-10-28", batch="B7"),))
    done = returns.complete(claim, clerk, approvals.approve("boss", "2222", "quality_dispute", "", clerk,
                                                            url=catalogue), url=catalogue, now=CLAIMED)
    slip = slip_data(done.number, catalogue)
    assert (slip.compensation, slip.compensation_method, slip.red_invoice) == (100000, "cash", 900)
    shop_copy = pdfcheck.text(render_return_slip(slip, shop_info(catalogue), "80mm", "zh_CN", copy="shop"))
    customer = pdfcheck.text(render_return_slip(slip, shop_info(catalogue), "80mm", "en"))
    assert "食品安全赔偿金" in shop_copy and "¥1000.00" in shop_copy and "2026-10-28" in shop_copy
    assert "红字发票" in shop_copy and "04400123" in shop_copy
    assert "Food-safety compensation" in customer and "Red-letter" not in customer
    report = end_of_day_data(CLAIMED.astimezone(SHOP_TZ).date(), catalogue)
    assert [(c.number, c.method, c.amount) for c in report.compensations] == [(done.number, "cash", 100000)]
    assert [(r.receipt_no, r.invoice, r.amount) for r in report.red_invoices] == [("MILK", "04400123", 900)]
    pdf = pdfcheck.text(render_end_of_day(report, shop_info(catalogue), "a4", "zh_CN"))
    assert "食品安全赔偿金" in pdf and "应开红字发票" in pdf and "04400123" in pdf
