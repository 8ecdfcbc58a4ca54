"""Gathers what the rule engine needs from the database: the sale, earlier returns, the customer's history."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, func, or_, select
from sqlalchemy.orm import Session

from app.domain import facts as f
from app.domain.codes import checked_code
from app.errors import InvalidInput, NotFound
from app.models import Member, Product, Return, ReturnLine, ReturnTender, Sale, SaleLine
from app.services import price_lows, repair_history, seen_receipt, shop
from app.services.prepared import PreparedSelect
from app.services.receipts import REPAIR_ONLY, load_receipt
from app.services.sale_rows import normalise_code
from app.services.views import ReceiptView, ReturnItem, ReturnRequest


def find_member(session: Session, card_or_phone: str) -> Member:
    code = normalise_code(card_or_phone)
    member = session.scalar(select(Member).where(or_(Member.card_no == code, Member.phone == code)))
    if member is None:
        raise NotFound(f"找不到会员 {code}（卡号或手机号）。", f"No member {code} (card number or phone).")
    return member


def product_by_code(session: Session, code: str) -> Product:
    sku = normalise_code(code)
    product = session.scalar(select(Product).where(Product.sku == sku))
    if product is None:
        raise NotFound(f"商品目录里没有条码 {sku}。", f"No product with barcode {sku} in the catalogue.")
    return product


_ret, _rline, _rtender, _sline = (Return.__table__.c, ReturnLine.__table__.c, ReturnTender.__table__.c,
                                 SaleLine.__table__.c)
# Core statements compiled once (services/prepared.py): a quote runs on every pick at the counter, and an
# ORM query costs several times the indexed read behind it.
_RETURNS_30D = PreparedSelect(select(func.count()).select_from(Return.__table__).where(
    _ret.member_id == bindparam("member_id"), _ret.status == "completed", _ret.completed_at >= bindparam("since")))
_SALE_KEYS = PreparedSelect(select(Sale.__table__.c.id, Sale.__table__.c.member_id).where(
    Sale.__table__.c.receipt_no == bindparam("key")))
_EARLIER_LINES = PreparedSelect(
    select(_sline.line_no, _rline.qty, _rline.refund)
    .select_from(SaleLine.__table__.join(ReturnLine.__table__, _rline.sale_line_id == _sline.id)
                 .join(Return.__table__, _ret.id == _rline.return_id))
    .where(_sline.sale_id == bindparam("sale_id"), _ret.status == "completed", _rline.outcome != REPAIR_ONLY)
    .order_by(_rline.id))
_REFUNDED = PreparedSelect(
    select(_rtender.method, func.sum(_rtender.amount))
    .select_from(ReturnTender.__table__.join(Return.__table__, _ret.id == _rtender.return_id))
    .where(_ret.sale_id == bindparam("sale_id"), _ret.status == "completed").group_by(_rtender.method))


class SaleKeys(NamedTuple):
    """The sale row's keys, for a quote that writes nothing (a completion locks and loads the ORM row)."""

    id: int
    member_id: int | None


def customer_returns_30d(session: Session, member_id: int | None, now: datetime) -> int:
    if member_id is None:
        return 0
    ((count,),) = _RETURNS_30D.rows(session.connection(), member_id=member_id, since=now - timedelta(days=30))
    return int(count or 0)


def lowest_price_30d(session: Session, sku: str, now: datetime) -> int | None:
    """The lowest net unit price the SKU sold for in the last 30 days (fen, rounded down)."""
    return price_lows.lowest(session.connection(), sku, now)  # the kept hourly lows: ≈ 1 ms at 1 M receipts


def receipt_facts(session: Session, request: ReturnRequest, now: datetime,
                  lock: bool = False) -> tuple[ReceiptView, Sale | SaleKeys, f.ReturnFacts]:
    """Facts for a receipted return. With lock=True the sale row is locked (PostgreSQL's FOR UPDATE;
    SQLite already holds the write lock from BEGIN IMMEDIATE) so two tills cannot both take the last unit."""
    assert request.receipt_no is not None
    code = checked_code(request.receipt_no, "小票号", "receipt number")
    conn = session.connection()
    if lock:
        sale: Sale | SaleKeys | None = session.scalar(select(Sale).where(Sale.receipt_no == code).with_for_update())
    else:
        found = _SALE_KEYS.rows(conn, key=code)
        sale = SaleKeys(*found[0]) if found else None
    if sale is None:
        raise NotFound(f"找不到小票 {code}。", f"No receipt {code}.")
    receipt = load_receipt(conn, sale_id=sale.id)
    assert receipt is not None
    return receipt, sale, _facts(conn, request, now, receipt, sale,
                                 customer_returns_30d(session, sale.member_id, now),
                                 repair_history.for_sale_on(conn, sale.id))


def seen_receipt_facts(conn: Connection, request: ReturnRequest, now: datetime, seen: ReceiptView
                       ) -> tuple[seen_receipt.Rechecked, f.ReturnFacts] | None:
    """receipt_facts reusing the receipt the counter already shows, once re-checked (seen_receipt.py);
    None when the request is for another receipt. The facts' region is the shop's (shop.region_of the
    setting read along). Reads only; the completing write reads everything again."""
    assert request.receipt_no is not None
    if checked_code(request.receipt_no, "小票号", "receipt number") != seen.receipt_no:
        return None
    found = seen_receipt.recheck(conn, seen, now)
    if found is None:
        raise NotFound(f"找不到小票 {seen.receipt_no}。", f"No receipt {seen.receipt_no}.")
    sale = SaleKeys(found.sale_id, found.member_id)
    region = shop.region_of({"shop.region": found.region} if found.region else {})
    return found, _facts(conn, request, now, found.receipt, sale, found.returns_30d, found.repairs, region)


def _facts(conn: Connection, request: ReturnRequest, now: datetime, receipt: ReceiptView,
           sale: Sale | SaleKeys, returns_30d: int, repairs: tuple[f.RepairHistory, ...],
           region: str | None = None) -> f.ReturnFacts:
    """The engine's facts from a receipt as it stands now and the request."""
    code = receipt.receipt_no
    by_no = {line.line_no: line for line in receipt.lines}
    for item in request.items:
        if item.line_no not in by_no:
            raise InvalidInput(f"小票 {code} 没有第 {item.line_no} 行。", f"Receipt {code} has no line {item.line_no}.")
        if item.qty <= 0:
            raise InvalidInput("退货数量必须大于零。", "The quantity to return must be more than zero.")
    tier = receipt.member.tier if receipt.member else "standard"
    sale_facts = f.Sale(
        sold_at=receipt.sold_at,
        lines=tuple(f.SaleLine(line=ln.line_no, sku=ln.sku, policy_class=ln.policy_class, qty=ln.qty_sold,
                               unit_price=ln.unit_price, discount=ln.line_discount, promo_group=ln.promo_group,
                               final_sale=ln.final_sale, warranty_months=ln.warranty_months,
                               # the net stored at import: a sale keeps the money it was sold with
                               net=ln.net_paid, food=ln.food, stored_value=ln.stored_value)
                    for ln in receipt.lines),
        tenders=tuple(f.Tender(t.method, t.amount) for t in receipt.tenders),
        receipt_discount=receipt.receipt_discount, points_earned=receipt.points_earned, member_tier=tier)
    earlier: list[tuple[int, int, int]] = []
    refunded: dict[str, int] = {}
    if any(line.qty_returned for line in receipt.lines):  # as load_receipt: a completed return takes a unit
        earlier = [(int(n), int(q), int(v)) for n, q, v in _EARLIER_LINES.rows(conn, sale_id=sale.id)]
        refunded = {m: int(a) for m, a in _REFUNDED.rows(conn, sale_id=sale.id)}
    return f.ReturnFacts(
        today=now, sale=sale_facts,
        request=tuple(f.RequestItem(qty=i.qty, reason=i.reason, condition=i.condition, line=i.line_no,
                                    remedy=i.remedy, evidence=_evidence(i))
                      for i in request.items),
        already_returned=tuple(f.EarlierReturn(line, qty, value) for line, qty, value in earlier),
        already_refunded_by_tender={m: int(a) for m, a in refunded.items()},
        customer_returns_30d=returns_30d,
        customer_identified=sale.member_id is not None,
        overridden_lines=request.overrides, repair_history=repairs, region=region)


def _evidence(item: ReturnItem) -> f.ClaimEvidence | None:
    if not (item.expiry or item.batch or item.note):
        return None
    return f.ClaimEvidence(item.expiry or None, item.batch or None, item.note or None)


def no_receipt_facts(session: Session, request: ReturnRequest, now: datetime
                     ) -> tuple[Member | None, dict[str, Product], f.ReturnFacts]:
    member = find_member(session, request.member_card) if request.member_card else None
    products: dict[str, Product] = {}
    items = []
    for item in request.no_receipt_items:
        product = product_by_code(session, item.sku)
        if item.qty <= 0:
            raise InvalidInput("退货数量必须大于零。", "The quantity to return must be more than zero.")
        sku = product.sku
        products[sku] = product
        items.append(f.RequestItem(qty=item.qty, reason=item.reason, condition=item.condition, sku=sku,
                                   policy_class=product.policy_class,
                                   lowest_price_30d=lowest_price_30d(session, sku, now),
                                   catalogue_price=product.price))
    facts = f.ReturnFacts(
        today=now, sale=None, request=tuple(items),
        customer_returns_30d=customer_returns_30d(session, member.id if member else None, now),
        customer_identified=member is not None, overridden_lines=request.overrides)
    return member, products, facts
