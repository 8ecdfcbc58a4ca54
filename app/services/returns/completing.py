"""Completing a return: one transaction, re-quoted under the write lock; the screen's record from that write."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.engine import quote_to_json
from app.domain.exchange import cover_cash_from_drawer
from app.domain.refunds import REFUSED
from app.domain.vocabulary import TERMINAL_METHODS
from app.models import (
    ExchangeLine,
    Member,
    RepairTicket,
    Return,
    ReturnLine,
    ReturnTender,
    User,
    utcnow,
)
from app.services import approvals, coupons, followups, repairs
from app.services.numbers import next_number
from app.services.policy import policy_in_force
from app.services.returns import compensations
from app.services.returns.quoting import (
    NeedsSupervisor,
    QuoteContext,
    RefusedByPolicy,
    check_returnable,
    quote_in,
    why,
)
from app.services.sale_rows import normalise_code
from app.services.users import audit
from app.services.views import (
    CompletedReturn,
    GrantedApproval,
    NoReceiptItem,
    QuoteView,
    ReturnItem,
    ReturnRequest,
    TenderView,
    UserView,
)

ACCEPTED = ("refund", "exchange_only", "store_credit_only", "repair_only")


def complete(request: ReturnRequest, clerk: UserView, approval: GrantedApproval | None = None,
             url: str | None = None, now: datetime | None = None) -> CompletedReturn:
    """Writes the return in one transaction; quantities and amounts are re-decided under the write lock.

    A quote that needs a supervisor needs `approval` (from approvals.approve) first: without it this
    raises NeedsSupervisor as a guard, nothing is written.
    """
    now = now or utcnow()
    if approval is not None:
        approvals.check_signed(approval, clerk.id)
    with session_scope(url) as s:
        view, ctx = quote_in(s, request, now, policy_in_force(s), lock=True)
        check_returnable(view)
        q = view.quote
        if not any(d.outcome in ACCEPTED for d in q.lines):
            raise RefusedByPolicy("按退换货政策，这些商品都不能退换。" + why(q, "zh_CN"),
                                  "Under the return policy none of these items can be taken back. " + why(q, "en"),
                                  view)
        if view.needs_supervisor and approval is None:
            raise NeedsSupervisor(view.supervisor_reasons)
        signed = approval if view.needs_supervisor else None
        ret = _write_return(s, request, view, ctx, clerk, signed, now)
        _write_lines(s, ret, request, view, ctx)
        codes = _write_money(s, ret, request, view, ctx, clerk, now)
        compensations.write(s, ret, q, signed)
        followups.after_return(s, ret, clerk, now)  # a quality fault gets its follow-up call, in this transaction
        audit(s, "return_completed", clerk.id, ret.number, refund=ret.refund_total, kind=ret.kind,
              policy=q.policy_version, floor=q.floor_version, region=q.region,
              price_difference=ret.price_difference, codes=sorted(codes.values()))
        if signed:
            audit(s, "return_approved", signed.approver.id, ret.number, reason=ret.override_reason,
                  note=ret.override_note, reasons=view.supervisor_reasons, refund=ret.refund_total)
        s.flush()
        return record(s, ret, view, codes)


def _write_return(s: Session, request: ReturnRequest, view: QuoteView, ctx: QuoteContext, clerk: UserView,
                  signed: GrantedApproval | None, now: datetime) -> Return:
    q = view.quote
    # A member can lose no more points than they have; the return records what was really taken.
    member = s.get(Member, ctx.member_id) if ctx.member_id else None
    points = min(view.points_reversed, member.points) if member else 0
    ret = Return(
        number=next_number(s, "RT", now), kind="exchange" if view.exchange_lines else "return",
        status="completed", sale_id=ctx.sale.id if ctx.sale else None, member_id=ctx.member_id,
        clerk_id=clerk.id, supervisor_id=signed.approver.id if signed else None,
        override_reason=signed.reason if signed else None, override_note=signed.note if signed else "",
        supervisor_reasons=",".join(view.supervisor_reasons), policy_version=q.policy_version,
        floor_version=q.floor_version, region=q.region,
        refund_total=view.money_back,
        withheld_coupon_share=q.withheld_coupon_share + ctx.difference.withheld_coupon_share,
        points_reversed=points, exchange_total=view.exchange_total, price_difference=view.price_difference,
        difference_paid_by=request.difference_paid_by if view.price_difference > 0 else None,
        trace=json.dumps(quote_to_json(q), ensure_ascii=False), started_at=min(request.started_at or now, now),
        approved_at=now if signed else None, completed_at=now, call_agreed=request.call_agreed,
        phone="".join(ch for ch in request.phone if ch.isdigit()))
    s.add(ret)
    s.flush()
    if member is not None and points:
        member.points -= points
    return ret


def _write_money(s: Session, ret: Return, request: ReturnRequest, view: QuoteView, ctx: QuoteContext,
                 clerk: UserView, now: datetime) -> dict[str, str]:
    """The tenders paid back, and the store credit and goodwill coupon the return issues."""
    tenders = cover_cash_from_drawer(ctx.tenders, request.cash_in_drawer)
    # Without a sale there are no tenders to refund an unused exchange credit to: it stays credit.
    voucher_value = ctx.settlement.leftover_credit if ctx.sale is None else 0
    for method, amount in tenders:
        s.add(ReturnTender(return_id=ret.id, method=method, amount=amount))
        if method == "store_credit":  # paid by store credit: refunded as a new store-credit voucher
            voucher_value += amount
    codes: dict[str, str] = {}
    if voucher_value:
        codes["store_credit"] = coupons.issue_store_credit(
            s, voucher_value, now=now, reason="exchange" if ctx.settlement.leftover_credit else "refund",
            issued_by=clerk.id, member_id=ret.member_id, return_id=ret.id).code
    g = view.quote.goodwill_coupon
    if g is not None:
        codes["coupon"] = coupons.issue(s, "coupon", g.value, now=now, valid=timedelta(days=g.days_valid),
                                        reason="goodwill", issued_by=clerk.id, min_spend=g.min_spend,
                                        member_id=ret.member_id, return_id=ret.id).code
    return codes


def _write_lines(s: Session, ret: Return, request: ReturnRequest, view: QuoteView, ctx: QuoteContext) -> None:
    receipt = view.receipt
    sale_lines = {ln.line_no: ln for ln in receipt.lines} if receipt else {}
    ids = {ln.line_no: ln.id for ln in ctx.sale.lines} if ctx.sale else {}
    items: tuple[ReturnItem | NoReceiptItem, ...] = request.items or request.no_receipt_items
    for item, decision in zip(items, view.quote.lines, strict=True):
        if decision.outcome in REFUSED:
            continue  # not taken back; the decision stays in the return's trace
        line_no = item.line_no if isinstance(item, ReturnItem) else None
        if line_no is not None:
            sold = sale_lines[line_no]
            sku, name = sold.sku, sold.name_zh
        else:
            product = ctx.products[normalise_code(item.sku if isinstance(item, NoReceiptItem) else "")]
            sku, name = product.sku, product.name_zh
        disposition = ("restock" if item.condition == "unopened" and item.reason == "changed_mind"
                       else "return_to_supplier" if item.reason != "changed_mind" else "damaged")
        s.add(ReturnLine(return_id=ret.id, sale_line_id=ids.get(line_no) if line_no else None, sku=sku,
                         name=name, qty=item.qty, reason=item.reason, condition=item.condition,
                         disposition="repair" if decision.outcome == "repair_only" else disposition,
                         outcome=decision.outcome, value=decision.value, refund=decision.refund,
                         rules=",".join(decision.rules), explanation_zh=decision.explanation["zh_CN"],
                         explanation_en=decision.explanation["en"], remedies=",".join(decision.remedies),
                         remedy=getattr(item, "remedy", None), compensation=decision.compensation))
        if decision.outcome == "repair_only":
            s.add(RepairTicket(number=next_number(s, "WX", now_of(ret)), return_id=ret.id,
                               sale_line_id=ids.get(line_no) if line_no else None, sku=sku, fault=item.reason,
                               created_at=ret.started_at,   # the shop's promise (repair.promise_hours), 72 h by default
                               promised_at=ret.started_at + timedelta(hours=repairs.promise_hours(s))))
    for line in view.exchange_lines:
        s.add(ExchangeLine(return_id=ret.id, sku=line.sku, name=line.name_zh, qty=line.qty,
                           unit_price=line.unit_price, amount=line.amount))


def now_of(ret: Return) -> datetime:
    return ret.completed_at or ret.started_at


def record(s: Session, ret: Return, view: QuoteView | None = None, codes: dict[str, str] | None = None
           ) -> CompletedReturn:
    """A completed (or voided) return as plain data, for the screen and the command line."""
    codes = codes if codes is not None else coupons.codes_of_return(s, ret.id)
    clerk = s.get(User, ret.clerk_id)
    supervisor = s.get(User, ret.supervisor_id) if ret.supervisor_id else None
    return CompletedReturn(
        number=ret.number, kind=ret.kind, status=ret.status, quote=view, refund_total=ret.refund_total,
        tenders=tuple(TenderView(m, a, reference=ref or "", pending=m in TERMINAL_METHODS and not ref and a > 0)
                      for m, a, ref in s.execute(
            select(ReturnTender.method, ReturnTender.amount, ReturnTender.terminal_ref)
            .where(ReturnTender.return_id == ret.id).order_by(ReturnTender.id))),
        points_reversed=ret.points_reversed, coupon_code=codes.get("coupon"), voucher_code=codes.get("store_credit"),
        clerk=clerk.username if clerk else "", supervisor=supervisor.username if supervisor else None,
        created_at=now_of(ret), withheld_coupon_share=ret.withheld_coupon_share,
        **compensations.of_return(s, ret))
