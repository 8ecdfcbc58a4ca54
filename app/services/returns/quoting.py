"""Quoting a return or exchange: what the policy allows and what changes hands; writes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.db import read_connection, session_scope
from app.domain.engine import evaluate
from app.domain.exchange import (
    DifferenceRefund,
    ExchangeSettlement,
    refund_difference,
    settle_exchange,
    take_back_from_tenders,
)
from app.domain.facts import ReturnFacts
from app.domain.policy import Policy
from app.domain.quote import ReturnQuote
from app.domain.vocabulary import (
    CONDITIONS,
    COUPON_METHODS,
    REASONS,
    SUPERVISOR_REASONS,
    TENDER_METHODS,
    label,
)
from app.errors import DeskError, InvalidInput
from app.models import Product, Sale, utcnow
from app.services import return_facts, shop
from app.services.policy import current_floor, policy_in_force, policy_of
from app.services.views import (
    ExchangeLineView,
    NoReceiptItem,
    QuoteView,
    ReceiptView,
    ReturnItem,
    ReturnRequest,
    TenderView,
)

# How a customer may pay an exchange's price difference: any tender but a coupon.
DIFFERENCE_METHODS = tuple(m for m in TENDER_METHODS if m not in COUPON_METHODS)


class NeedsSupervisor(DeskError):
    """The quote needs a supervisor's approval before it can be completed."""

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


@dataclass(frozen=True)
class QuoteContext:
    """What the completing write needs besides the quote: the rows and money splits behind it."""

    sale: Sale | None
    member_id: int | None
    settlement: ExchangeSettlement
    difference: DifferenceRefund
    tenders: list[tuple[str, int]]
    products: dict[str, Product] = field(default_factory=dict)   # without a receipt: code → product


def _exchange_lines(session: Session, request: ReturnRequest) -> tuple[ExchangeLineView, ...]:
    out = []
    for item in request.exchange_items:
        product = return_facts.product_by_code(session, item.sku)
        if item.qty <= 0:
            raise InvalidInput("换货数量必须大于零。", "The exchange quantity must be more than zero.")
        out.append(ExchangeLineView(product.sku, product.name_zh, product.name_en, item.qty, product.price,
                                    product.price * item.qty))
    return tuple(out)


def _like_for_like(quote: ReturnQuote, receipt: ReceiptView | None) -> tuple[ExchangeLineView, ...]:
    """With no replacement scanned, an exchange-only line is swapped for the same item: no difference to pay."""
    if receipt is None:
        return ()
    sold = {line.line_no: line for line in receipt.lines}
    return tuple(ExchangeLineView(sold[d.line].sku, sold[d.line].name_zh, sold[d.line].name_en, d.qty,
                                  d.value // d.qty, d.value)
                 for d in quote.lines if d.outcome == "exchange_only")


def quote_in(session: Session, request: ReturnRequest, now: datetime, policy: Policy, lock: bool = False
             ) -> tuple[QuoteView, QuoteContext]:
    """The quote inside the caller's transaction (the completing write re-quotes under its lock)."""
    _check_request(request)
    products: dict[str, Product] = {}
    sale: Sale | None = None
    receipt: ReceiptView | None = None
    if request.receipt_no:
        receipt, sale, facts = return_facts.receipt_facts(session, request, now, lock=lock)
        member_id = sale.member_id
    else:
        member, products, facts = return_facts.no_receipt_facts(session, request, now)
        member_id = member.id if member else None
    region = shop.region_of(shop.settings_in(session))
    quote = evaluate(policy, replace(facts, region=region), current_floor(region))
    exchange = _exchange_lines(session, request) or _like_for_like(quote, receipt)
    view, settlement, difference, tenders = _priced(facts, quote, receipt, exchange, request)
    return view, QuoteContext(sale, member_id, settlement, difference, tenders, products)


def _check_request(request: ReturnRequest) -> None:
    if not request.items and not request.no_receipt_items:
        raise InvalidInput("请先选择要退的商品。", "Pick at least one item to return.")
    _check_items(request)
    if request.difference_paid_by not in DIFFERENCE_METHODS:
        raise InvalidInput(f"未知的收款方式 {request.difference_paid_by!r}",
                           f"Unknown way to pay the difference: {request.difference_paid_by!r}")


def _priced(facts: ReturnFacts, quote: ReturnQuote, receipt: ReceiptView | None,
            exchange: tuple[ExchangeLineView, ...], request: ReturnRequest
            ) -> tuple[QuoteView, ExchangeSettlement, DifferenceRefund, list[tuple[str, int]]]:
    """What changes hands under the engine's decision: the exchange settled, the tenders paid back."""
    exchange_total = sum(line.amount for line in exchange)
    credit = sum(d.value for d in quote.lines if d.outcome == "exchange_only")
    settlement = settle_exchange(exchange_total, credit, quote.refund_total)
    paid_now = [(t.method, t.amount) for t in quote.tenders]
    difference = refund_difference(facts, quote.refund_value, dict(paid_now), settlement.leftover_credit)
    tenders = _merged(take_back_from_tenders(paid_now, settlement.refund_used), difference.tenders)
    reasons = list(quote.supervisor_reasons)
    refused = {d.line for d in quote.lines if d.outcome == "refused"}   # no supervisor may lift these
    if request.overrides - refused and "override" not in reasons:
        reasons.append("override")
    money_back = sum(a for _m, a in tenders) + (settlement.leftover_credit if facts.sale is None else 0)
    view = QuoteView(receipt=receipt, quote=quote, exchange_lines=exchange, exchange_total=exchange_total,
                     exchange_credit=credit,
                     # what actually changes hands: paid in by the customer, or paid back (after the coupon share)
                     price_difference=settlement.customer_pays or -money_back,
                     needs_supervisor=bool(reasons), supervisor_reasons=tuple(reasons),
                     money_back=money_back,
                     refund_tenders=tuple(TenderView(m, a) for m, a in tenders),
                     points_reversed=quote.points_reversed + difference.points_reversed)
    return view, settlement, difference, tenders


def _merged(*splits: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    out: dict[str, int] = {}
    for split in splits:
        for method, amount in split:
            out[method] = out.get(method, 0) + amount
    return [(m, a) for m, a in out.items() if a > 0]


def _check_items(request: ReturnRequest) -> None:
    """Reasons and conditions are fixed words: anything else is a typing mistake, never stored."""
    items: tuple[ReturnItem | NoReceiptItem, ...] = (*request.items, *request.no_receipt_items)
    for item in items:
        if item.reason not in REASONS:
            raise InvalidInput(f"未知的退货原因 {item.reason!r}（可用：{'、'.join(REASONS)}）",
                               f"Unknown reason {item.reason!r} (use {', '.join(REASONS)}).")
        if item.condition not in CONDITIONS:
            raise InvalidInput(f"未知的商品状态 {item.condition!r}（可用：{'、'.join(CONDITIONS)}）",
                               f"Unknown condition {item.condition!r} (use {', '.join(CONDITIONS)}).")


def check_returnable(view: QuoteView) -> None:
    """Asking for more than is still returnable is a mistake to correct, not a policy decision."""
    for d in view.quote.lines:
        if "quantity.more_than_returnable" in d.rules:
            raise MoreThanReturnable(d.explanation["zh_CN"], d.explanation["en"])


def why(q: ReturnQuote, lang: str) -> str:
    return " ".join(d.explanation[lang] for d in q.lines)


def quote(request: ReturnRequest, url: str | None = None, now: datetime | None = None,
          receipt: ReceiptView | None = None) -> QuoteView:
    """What the policy allows for this request, with amounts and reasons; writes nothing.

    `receipt`: the receipt the counter already shows (from the scan). It is re-checked, not trusted:
    what can change since the scan is read again (seen_receipt.py), and completing reads everything
    again under its lock. Without it, or for another receipt or an exchange, the receipt is read afresh.
    """
    now = now or utcnow()
    if receipt is not None and request.receipt_no and not request.exchange_items:
        _check_request(request)
        with read_connection(url) as conn:
            view = _quote_seen(conn, request, now, receipt)
        if view is not None:
            return view
    with session_scope(url, write=False) as s:
        view, _ = quote_in(s, request, now, policy_in_force(s))
        return view


def _quote_seen(conn: Connection, request: ReturnRequest, now: datetime, seen: ReceiptView) -> QuoteView | None:
    found = return_facts.seen_receipt_facts(conn, request, now, seen)
    if found is None:
        return None
    rechecked, facts = found
    receipt = rechecked.receipt
    assert facts.region is not None
    quote = evaluate(policy_of(conn, *rechecked.policy), facts, current_floor(facts.region))
    view, *_ = _priced(facts, quote, receipt, _like_for_like(quote, receipt), request)
    return view
