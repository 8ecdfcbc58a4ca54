"""Returns and exchanges: quote (read-only), complete (one transaction, re-checked), void (same day)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.engine import evaluate, quote_to_json
from app.domain.exchange import (
    cover_cash_from_drawer,
    refund_difference,
    settle_exchange,
    take_back_from_tenders,
)
from app.domain.policy import Policy
from app.domain.vocabulary import (
    CONDITIONS,
    COUPON_METHODS,
    REASONS,
    SUPERVISOR_REASONS,
    TENDER_METHODS,
    label,
)
from app.errors import DeskError, InvalidInput, NotAllowed, NotFound
from app.models import (
    Coupon,
    ExchangeLine,
    Member,
    RepairTicket,
    Return,
    ReturnLine,
    ReturnTender,
    User,
    utcnow,
)
from app.services import return_facts
from app.services.numbers import next_number, random_code
from app.services.policy import current_policy
from app.services.sale_rows import normalise_code
from app.services.users import ROLE_RANK, audit, verify_pin
from app.services.views import (
    Approval,
    CompletedReturn,
    ExchangeLineView,
    QuoteView,
    ReturnRequest,
    TenderView,
    UserView,
)
from app.settings import SHOP_TZ

OVERRIDE_REASONS = ("goodwill", "store_error", "quality_dispute", "other")
# How a customer may pay an exchange's price difference: any tender but a coupon.
DIFFERENCE_METHODS = tuple(m for m in TENDER_METHODS if m not in COUPON_METHODS)
STORE_CREDIT_DAYS = 365


class NeedsSupervisor(DeskError):
    """The quote needs a supervisor's PIN before it can be completed."""

    exit_code = 3

    def __init__(self, reasons: tuple[str, ...]) -> None:
        zh = "、".join(label(SUPERVISOR_REASONS, r, "zh_CN") for r in reasons)
        en = ", ".join(label(SUPERVISOR_REASONS, r, "en") for r in reasons)
        super().__init__(f"需要主管审批：{zh}。", f"A supervisor must approve: {en}.")
        self.reasons = reasons


class RefusedByPolicy(DeskError):
    """Nothing in the request can be accepted under the policy."""

    exit_code = 4

    def __init__(self, zh: str, en: str, view: QuoteView | None = None) -> None:
        super().__init__(zh, en)
        self.view = view  # the refusing quote, for whoever wants to show each line's reason


class MoreThanReturnable(DeskError):
    """More units asked for than are left on the line (perhaps another till just took them back)."""


def _exchange_lines(session: Session, request: ReturnRequest) -> tuple[ExchangeLineView, ...]:
    out = []
    for item in request.exchange_items:
        product = return_facts.product_by_code(session, item.sku)
        if item.qty <= 0:
            raise InvalidInput("换货数量必须大于零。", "The exchange quantity must be more than zero.")
        out.append(ExchangeLineView(product.sku, product.name_zh, product.name_en, item.qty, product.price,
                                    product.price * item.qty))
    return tuple(out)


def _like_for_like(quote, receipt) -> tuple[ExchangeLineView, ...]:  # type: ignore[no-untyped-def]
    """With no replacement scanned, an exchange-only line is swapped for the same item: no difference to pay."""
    if receipt is None:
        return ()
    sold = {line.line_no: line for line in receipt.lines}
    return tuple(ExchangeLineView(sold[d.line].sku, sold[d.line].name_zh, sold[d.line].name_en, d.qty,
                                  d.value // d.qty, d.value)
                 for d in quote.lines if d.outcome == "exchange_only")


def _quote_in(session: Session, request: ReturnRequest, now: datetime, policy: Policy, lock: bool = False
              ) -> tuple[QuoteView, dict[str, object]]:
    if not request.items and not request.no_receipt_items:
        raise InvalidInput("请先选择要退的商品。", "Pick at least one item to return.")
    _check_items(request)
    if request.difference_paid_by not in DIFFERENCE_METHODS:
        raise InvalidInput(f"未知的收款方式 {request.difference_paid_by!r}",
                           f"Unknown way to pay the difference: {request.difference_paid_by!r}")
    context: dict[str, object] = {}
    if request.receipt_no:
        receipt, sale, facts = return_facts.receipt_facts(session, request, now, lock=lock)
        context.update(sale=sale, member_id=sale.member_id)
    else:
        member, products, facts = return_facts.no_receipt_facts(session, request, now)
        receipt = None
        context.update(sale=None, member_id=member.id if member else None, products=products)
    quote = evaluate(policy, facts)
    exchange = _exchange_lines(session, request) or _like_for_like(quote, receipt)
    exchange_total = sum(line.amount for line in exchange)
    credit = sum(d.value for d in quote.lines if d.outcome == "exchange_only")
    settlement = settle_exchange(exchange_total, credit, quote.refund_total)
    paid_now = [(t.method, t.amount) for t in quote.tenders]
    difference = refund_difference(facts, quote.refund_value, dict(paid_now), settlement.leftover_credit)
    tenders = _merged(take_back_from_tenders(paid_now, settlement.refund_used), difference.tenders)
    reasons = list(quote.supervisor_reasons)
    if request.overrides and "override" not in reasons:
        reasons.append("override")
    context.update(settlement=settlement, difference=difference, tenders=tenders)
    money_back = sum(a for _m, a in tenders) + (settlement.leftover_credit if facts.sale is None else 0)
    view = QuoteView(receipt=receipt, quote=quote, exchange_lines=exchange, exchange_total=exchange_total,
                     exchange_credit=credit,
                     # what actually changes hands: paid in by the customer, or paid back (after the coupon share)
                     price_difference=settlement.customer_pays or -money_back,
                     needs_supervisor=bool(reasons), supervisor_reasons=tuple(reasons),
                     money_back=money_back,
                     refund_tenders=tuple(TenderView(m, a) for m, a in tenders),
                     points_reversed=quote.points_reversed + difference.points_reversed)
    return view, context


def _merged(*splits: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    out: dict[str, int] = {}
    for split in splits:
        for method, amount in split:
            out[method] = out.get(method, 0) + amount
    return [(m, a) for m, a in out.items() if a > 0]


def _check_items(request: ReturnRequest) -> None:
    """Reasons and conditions are fixed words: anything else is a typing mistake, never stored."""
    for item in (*request.items, *request.no_receipt_items):
        if item.reason not in REASONS:
            raise InvalidInput(f"未知的退货原因 {item.reason!r}（可用：{'、'.join(REASONS)}）",
                               f"Unknown reason {item.reason!r} (use {', '.join(REASONS)}).")
        if item.condition not in CONDITIONS:
            raise InvalidInput(f"未知的商品状态 {item.condition!r}（可用：{'、'.join(CONDITIONS)}）",
                               f"Unknown condition {item.condition!r} (use {', '.join(CONDITIONS)}).")


def check_returnable(view: QuoteView) -> None:
    """Asking for more than is still returnable is a mistake to correct, not a policy decision."""
    for d in view.quote.lines:  # type: ignore[attr-defined]
        if "quantity.more_than_returnable" in d.rules:
            raise MoreThanReturnable(d.explanation["zh_CN"], d.explanation["en"])


def quote(request: ReturnRequest, url: str | None = None, now: datetime | None = None) -> QuoteView:
    """What the policy allows for this request, with amounts and reasons; writes nothing."""
    with session_scope(url, write=False) as s:
        view, _ = _quote_in(s, request, now or utcnow(), current_policy())
        return view


def _verify_approver(approval: Approval, clerk: UserView, url: str | None) -> UserView:
    """Checks the supervisor's PIN in its own transaction, before the return's write lock is taken,
    so a wrong try is counted even though the return itself is not written."""
    if approval.reason not in OVERRIDE_REASONS:
        raise InvalidInput("请选择审批原因：goodwill / store_error / quality_dispute / other。",
                           "Pick an approval reason: goodwill, store_error, quality_dispute or other.")
    if approval.supervisor == clerk.username:
        raise NotAllowed("主管不能审批自己经手的退货。", "A supervisor cannot approve their own transaction.")
    approver = verify_pin(approval.supervisor, approval.pin, "approval", url)
    if ROLE_RANK[approver.role] < ROLE_RANK["supervisor"]:
        raise NotAllowed(f"{approver.username} 不是主管，不能审批。", f"{approver.username} is not a supervisor.")
    return approver


def complete(request: ReturnRequest, clerk: UserView, approval: Approval | None = None,
             url: str | None = None, now: datetime | None = None) -> CompletedReturn:
    """Writes the return in one transaction; quantities and amounts are re-decided under the write lock."""
    now = now or utcnow()
    policy = current_policy()
    approver = _verify_approver(approval, clerk, url) if approval is not None else None
    with session_scope(url) as s:
        view, ctx = _quote_in(s, request, now, policy, lock=True)
        check_returnable(view)
        q = view.quote
        accepted = [d for d in q.lines if d.outcome in ("refund", "exchange_only", "store_credit_only", "repair_only")]
        if not accepted:
            raise RefusedByPolicy("按退换货政策，这些商品都不能退换。" + _why(q, "zh_CN"),
                                  "Under the return policy none of these items can be taken back. " + _why(q, "en"),
                                  view)
        if view.needs_supervisor and approver is None:
            raise NeedsSupervisor(view.supervisor_reasons)
        supervisor = s.get(User, approver.id) if view.needs_supervisor and approver else None
        started = min(request.started_at or now, now)
        sale = ctx["sale"]
        settlement = ctx["settlement"]
        difference = ctx["difference"]
        # A member can lose no more points than they have; the return records what was really taken.
        member = s.get(Member, ctx["member_id"]) if ctx["member_id"] else None
        points = min(view.points_reversed, member.points) if member else 0
        ret = Return(
            number=next_number(s, "RT", now), kind="exchange" if view.exchange_lines else "return",
            status="completed", sale_id=sale.id if sale else None, member_id=ctx["member_id"],
            clerk_id=clerk.id, supervisor_id=supervisor.id if supervisor else None,
            override_reason=approval.reason if supervisor and approval else None,
            override_note=approval.note if supervisor and approval else "",
            supervisor_reasons=",".join(view.supervisor_reasons), policy_version=q.policy_version,
            refund_total=view.money_back,
            withheld_coupon_share=q.withheld_coupon_share + difference.withheld_coupon_share,
            points_reversed=points, exchange_total=view.exchange_total,
            price_difference=view.price_difference,
            difference_paid_by=request.difference_paid_by if view.price_difference > 0 else None,
            trace=json.dumps(quote_to_json(q), ensure_ascii=False), started_at=started,
            approved_at=now if supervisor else None, completed_at=now)
        s.add(ret)
        s.flush()
        _write_lines(s, ret, request, view, ctx)
        tenders = cover_cash_from_drawer(ctx["tenders"], request.cash_in_drawer)
        # Without a sale there are no tenders to refund an unused exchange credit to: it stays credit.
        voucher_value = settlement.leftover_credit if sale is None else 0
        for method, amount in tenders:
            s.add(ReturnTender(return_id=ret.id, method=method, amount=amount))
            if method == "store_credit":  # paid by store credit: refunded as a new store-credit voucher
                voucher_value += amount
        voucher = _issue(s, ret, "store_credit", voucher_value, 0, now, timedelta(days=STORE_CREDIT_DAYS),
                         "exchange" if settlement.leftover_credit else "refund", clerk) if voucher_value else None
        coupon = None
        if q.goodwill_coupon is not None:
            g = q.goodwill_coupon
            coupon = _issue(s, ret, "coupon", g.value, g.min_spend, now, timedelta(days=g.days_valid),
                            "goodwill", clerk)
        if member is not None and points:
            member.points -= points
        audit(s, "return_completed", clerk.id, ret.number, refund=ret.refund_total, kind=ret.kind,
              policy=q.policy_version, price_difference=ret.price_difference)
        if supervisor:
            audit(s, "return_approved", supervisor.id, ret.number, reason=ret.override_reason,
                  note=ret.override_note, reasons=view.supervisor_reasons, refund=ret.refund_total)
        s.flush()
        return completed_view(s, ret, view, coupon.code if coupon else None, voucher.code if voucher else None)


def _why(q, lang: str) -> str:  # type: ignore[no-untyped-def]
    return " ".join(d.explanation[lang] for d in q.lines)


def _write_lines(s: Session, ret: Return, request: ReturnRequest, view: QuoteView, ctx: dict[str, object]) -> None:
    receipt = view.receipt
    sale_lines = {ln.line_no: ln for ln in receipt.lines} if receipt else {}
    ids = ({ln.line_no: ln.id for ln in ctx["sale"].lines} if ctx["sale"] else {})  # type: ignore[union-attr]
    items = request.items or request.no_receipt_items
    for index, (item, decision) in enumerate(zip(items, view.quote.lines, strict=True), start=1):
        if decision.outcome in ("refused", "refused_overridable"):
            continue  # not taken back; the decision stays in the return's trace
        line_no = getattr(item, "line_no", None)
        if line_no is not None:
            sold = sale_lines[line_no]
            sku, name = sold.sku, sold.name_zh
        else:
            product = ctx["products"][normalise_code(item.sku)]  # type: ignore[index]
            sku, name = product.sku, product.name_zh
        disposition = ("restock" if item.condition == "unopened" and item.reason == "changed_mind"
                       else "return_to_supplier" if item.reason != "changed_mind" else "damaged")
        s.add(ReturnLine(return_id=ret.id, sale_line_id=ids.get(line_no) if line_no else None, sku=sku,
                         name=name, qty=item.qty, reason=item.reason, condition=item.condition,
                         disposition="repair" if decision.outcome == "repair_only" else disposition,
                         outcome=decision.outcome, value=decision.value, refund=decision.refund,
                         rules=",".join(decision.rules), explanation_zh=decision.explanation["zh_CN"],
                         explanation_en=decision.explanation["en"]))
        if decision.outcome == "repair_only":
            s.add(RepairTicket(number=next_number(s, "WX", ret.completed_at), return_id=ret.id,
                               sale_line_id=ids.get(line_no), sku=sku, fault=item.reason, created_at=ret.started_at,
                               promised_at=ret.started_at + timedelta(hours=72)))
    for line in view.exchange_lines:
        s.add(ExchangeLine(return_id=ret.id, sku=line.sku, name=line.name_zh, qty=line.qty,
                           unit_price=line.unit_price, amount=line.amount))


def _issue(s: Session, ret: Return, kind: str, value: int, min_spend: int, now: datetime, valid: timedelta,
           reason: str, clerk: UserView) -> Coupon:
    coupon = Coupon(code=random_code("CP" if kind == "coupon" else "SC"), kind=kind, value=value,
                    min_spend=min_spend, valid_from=now, valid_until=_end_of_day(now + valid), reason=reason,
                    status="issued", member_id=ret.member_id, return_id=ret.id, issued_by_id=clerk.id,
                    issued_at=now)
    s.add(coupon)
    s.flush()
    return coupon


def _end_of_day(when: datetime) -> datetime:
    local = when.astimezone(SHOP_TZ)
    return local.replace(hour=23, minute=59, second=59, microsecond=0)


def completed_view(s: Session, ret: Return, view: QuoteView | None = None, coupon_code: str | None = None,
                   voucher_code: str | None = None) -> CompletedReturn:
    """A completed (or voided) return as plain data, for the screen, the slip and the command line."""
    if coupon_code is None or voucher_code is None:
        for c in s.scalars(select(Coupon).where(Coupon.return_id == ret.id)):
            if c.kind == "coupon":
                coupon_code = coupon_code or c.code
            else:
                voucher_code = voucher_code or c.code
    clerk = s.get(User, ret.clerk_id)
    supervisor = s.get(User, ret.supervisor_id) if ret.supervisor_id else None
    return CompletedReturn(
        number=ret.number, kind=ret.kind, status=ret.status, quote=view,  # type: ignore[arg-type]
        refund_total=ret.refund_total,
        tenders=tuple(TenderView(m, a) for m, a in s.execute(
            select(ReturnTender.method, ReturnTender.amount).where(ReturnTender.return_id == ret.id)
            .order_by(ReturnTender.id))),
        points_reversed=ret.points_reversed, coupon_code=coupon_code, voucher_code=voucher_code,
        clerk=clerk.username if clerk else "", supervisor=supervisor.username if supervisor else None,
        created_at=ret.completed_at or ret.started_at, withheld_coupon_share=ret.withheld_coupon_share)


def void(number: str, supervisor: str, pin: str, clerk: UserView, url: str | None = None,
         now: datetime | None = None) -> CompletedReturn:
    """Reverses a completed return of today: quantities come back, points are restored, codes are voided."""
    now = now or utcnow()
    approver = verify_pin(supervisor, pin, "void", url)
    if ROLE_RANK[approver.role] < ROLE_RANK["supervisor"]:
        raise NotAllowed(f"{approver.username} 不是主管，不能作废。", f"{approver.username} is not a supervisor.")
    with session_scope(url) as s:
        ret = s.scalar(select(Return).where(Return.number == normalise_code(number)).with_for_update())
        if ret is None:
            raise NotFound(f"找不到退货单 {number}。", f"No return {number}.")
        if ret.status != "completed":
            raise NotAllowed(f"退货单 {ret.number} 已作废。", f"Return {ret.number} is already void.")
        if ret.clerk_id == approver.id:
            raise NotAllowed("主管不能作废自己经手的退货。", "A supervisor cannot void their own transaction.")
        if (ret.completed_at or now).astimezone(SHOP_TZ).date() != now.astimezone(SHOP_TZ).date():
            raise NotAllowed("只能作废当天的退货单。", "Only a return completed today can be voided.")
        codes = list(s.scalars(select(Coupon).where(Coupon.return_id == ret.id)))
        used = [c.code for c in codes if c.status == "redeemed"]
        if used:
            raise NotAllowed(f"券 {', '.join(used)} 已被使用，不能作废。",
                             f"Code {', '.join(used)} was already redeemed; the return cannot be voided.")
        for c in codes:
            c.status = "void"
        if ret.member_id and ret.points_reversed:
            s.get(Member, ret.member_id).points += ret.points_reversed
        for ticket in s.scalars(select(RepairTicket).where(RepairTicket.return_id == ret.id)):
            ticket.status = "void"
        ret.status, ret.voided_at, ret.voided_by_id = "voided", now, approver.id
        audit(s, "return_voided", approver.id, ret.number, refund=ret.refund_total, clerk=clerk.username)
        s.flush()
        return completed_view(s, ret)

