"""The end-of-day report's figures: every return, refund, code issued and approval of one shop day."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import InvalidInput
from app.models import Coupon, Return, ReturnCompensation, ReturnTender, Sale, User, utcnow
from app.printing.data import (
    EndOfDayData,
    EodClerkRow,
    EodCompensationRow,
    EodInvoiceRow,
    EodIssuedRow,
    EodOverrideRow,
    EodPendingRefund,
    EodReturnRow,
    TenderAmount,
)
from app.services import audit
from app.services.documents import approval_reason, issued_for, today
from app.services.returns.confirming import pending_refunds
from app.services.service_figures import service_loop_in
from app.settings import SHOP_TZ


def day_of(key: str | None) -> date:
    if not key:
        return today()
    try:
        return date.fromisoformat(key)
    except ValueError:
        raise InvalidInput(f"日期格式应为 YYYY-MM-DD：{key}", f"The date must look like 2026-11-22: {key}") from None


def end_of_day_data(day: date, url: str | None = None) -> EndOfDayData:
    """Everything completed in the shop's calendar day `day` (voided returns listed, not counted)."""
    start = datetime.combine(day, time(0), SHOP_TZ)
    end = start + timedelta(days=1)
    with session_scope(url, write=False) as s:
        # The day's range on the completed_at index; the status sorted out here, for a status condition
        # in SQL made SQLite walk every completed return of the shop's history by the status index.
        returns = [r for r in s.scalars(select(Return).where(Return.completed_at >= start, Return.completed_at < end)
                                        .order_by(Return.completed_at, Return.id))
                   if r.status in ("completed", "voided")]
        people = {u.id: u.display_name or u.username for u in s.scalars(select(User))}
        sold = {sid: (number, invoice) for sid, number, invoice in s.execute(
            select(Sale.id, Sale.receipt_no, Sale.invoice).where(Sale.id.in_([r.sale_id for r in returns if r.sale_id])))}
        receipts = {sid: number for sid, (number, _invoice) in sold.items()}
        done = [r for r in returns if r.status == "completed"]
        numbers_done = {r.id: r.number for r in done}
        paid = [EodCompensationRow(numbers_done[c.return_id], c.method, c.amount, people.get(c.approved_by_id, "?"))
                for c in s.scalars(select(ReturnCompensation).where(
                    ReturnCompensation.return_id.in_(list(numbers_done)),
                    ReturnCompensation.voided_at.is_(None)).order_by(ReturnCompensation.id))]
        red = [EodInvoiceRow(r.number, sold[r.sale_id][0], sold[r.sale_id][1] or "", r.refund_total)
               for r in done if r.sale_id and sold[r.sale_id][1] and r.refund_total > 0]
        by_tender: dict[str, int] = defaultdict(int)
        for method, amount in s.execute(select(ReturnTender.method, ReturnTender.amount).where(
                ReturnTender.return_id.in_([r.id for r in done])).order_by(ReturnTender.id)):
            by_tender[method] += amount
        collected: dict[str, int] = defaultdict(int)
        for r in done:
            if r.kind == "exchange" and r.price_difference > 0:
                # returns completed before the counter recorded how a difference was paid say so
                collected[r.difference_paid_by or "unrecorded"] += r.price_difference
        issued = list(s.scalars(select(Coupon).where(Coupon.issued_at >= start, Coupon.issued_at < end)
                                .order_by(Coupon.issued_at, Coupon.id)))
        numbers = {r.id: r.number for r in returns}
        clerks: dict[str, list[int]] = {}
        for r in done:
            row = clerks.setdefault(people.get(r.clerk_id, "?"), [0, 0, 0, 0])
            row[0 if r.kind == "return" else 1] += 1
            row[2] += r.refund_total
            row[3] += 1 if r.supervisor_id else 0
        return EndOfDayData(
            day=day, generated_at=utcnow(),
            returns=tuple(EodReturnRow(r.number, r.completed_at or r.started_at, r.kind, people.get(r.clerk_id, "?"),
                                       receipts.get(r.sale_id) if r.sale_id else None, r.refund_total, r.status,
                                       collected=max(r.price_difference, 0) if r.kind == "exchange" else 0)
                          for r in returns),
            refunds_by_tender=tuple(TenderAmount(m, a) for m, a in _tender_order(by_tender)),
            collected_by_tender=tuple(TenderAmount(m, a) for m, a in _tender_order(collected)),
            issued=tuple(EodIssuedRow(c.code, c.kind, 0 if c.percent else c.value, c.percent,
                                      numbers.get(c.return_id or 0) or issued_for(s, c)) for c in issued),
            overrides=tuple(EodOverrideRow(r.number, people.get(r.clerk_id, "?"), people.get(r.supervisor_id or 0, "?"),
                                           approval_reason(r) or "", r.refund_total)
                            for r in done if r.supervisor_id),
            clerks=tuple(EodClerkRow(name, *figures) for name, figures in sorted(clerks.items())),
            compensations=tuple(paid), red_invoices=tuple(red),
            pending_refunds=tuple(EodPendingRefund(p.number, p.method, p.amount, p.completed_at)
                                  for p in pending_refunds(url, until=end)),
            audit_anchor=_anchor(s),
            **service_loop_in(s, start, end))


def _anchor(s: Session) -> str:
    head = audit.head(s)
    return head.printable() if head else ""


def _tender_order(totals: dict[str, int]) -> list[tuple[str, int]]:
    """Cash first (the drawer is what gets counted), then the usual order of the till."""
    order = ["cash", "wechat", "alipay", "card", "store_credit", "coupon"]
    return sorted(totals.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
