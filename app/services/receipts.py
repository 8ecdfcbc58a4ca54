"""Reads a sale into a plain ReceiptView: lines with what was already returned, tenders with what was paid back."""

from __future__ import annotations

from calendar import monthrange
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Member, Product, Return, ReturnLine, ReturnTender, Sale
from app.services.views import MemberView, ReceiptLineView, ReceiptView, TenderView


def mask_phone(phone: str) -> str:
    """138****5678: the full number is never shown or printed."""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"


def member_view(member: Member) -> MemberView:
    return MemberView(member.card_no, member.name, mask_phone(member.phone), member.tier, member.points,
                      member.special_needs)


def add_months(when: datetime, months: int) -> datetime:
    year, month = divmod(when.month - 1 + months, 12)
    year += when.year
    day = min(when.day, monthrange(year, month + 1)[1])
    return when.replace(year=year, month=month + 1, day=day)


def returned_qty_by_line(session: Session, sale_id: int) -> dict[int, int]:
    """Units already taken back per sale line, counting completed returns only (voided ones gave them back)."""
    rows = session.execute(
        select(ReturnLine.sale_line_id, func.sum(ReturnLine.qty))
        .join(Return, Return.id == ReturnLine.return_id)
        .where(Return.sale_id == sale_id, Return.status == "completed", ReturnLine.sale_line_id.is_not(None))
        .group_by(ReturnLine.sale_line_id))
    return {line_id: int(qty) for line_id, qty in rows}


def refunded_by_tender(session: Session, sale_id: int) -> dict[str, int]:
    rows = session.execute(
        select(ReturnTender.method, func.sum(ReturnTender.amount))
        .join(Return, Return.id == ReturnTender.return_id)
        .where(Return.sale_id == sale_id, Return.status == "completed")
        .group_by(ReturnTender.method))
    return {method: int(amount) for method, amount in rows}


def receipt_view(session: Session, sale: Sale) -> ReceiptView:
    returned = returned_qty_by_line(session, sale.id)
    refunded = refunded_by_tender(session, sale.id)
    names = _english_names(session, [line.sku for line in sale.lines])
    lines = tuple(
        ReceiptLineView(
            line_no=line.line_no, sku=line.sku, name_zh=line.name, name_en=names.get(line.sku, ""),
            policy_class=line.policy_class, qty_sold=line.qty, qty_returned=returned.get(line.id, 0),
            unit_price=line.unit_price, line_discount=line.discount, net_paid=line.net,
            promo_group=line.promo_group, final_sale=line.final_sale, warranty_months=line.warranty_months,
            warranty_ends=add_months(sale.sold_at, line.warranty_months) if line.warranty_months else None)
        for line in sale.lines)
    # Refunds per method are spread over that method's tenders in order, so each shows what is left.
    tenders = []
    for tender in sale.tenders:
        back = min(refunded.get(tender.method, 0), tender.amount)
        refunded[tender.method] = refunded.get(tender.method, 0) - back
        tenders.append(TenderView(tender.method, tender.amount, back, tender.reference))
    member = session.get(Member, sale.member_id) if sale.member_id else None
    earlier = session.scalars(
        select(Return.number).where(Return.sale_id == sale.id, Return.status == "completed")
        .order_by(Return.id)).all()
    return ReceiptView(
        receipt_no=sale.receipt_no, sold_at=sale.sold_at, till=sale.till, cashier=sale.cashier,
        member=member_view(member) if member else None, lines=lines, tenders=tuple(tenders),
        receipt_discount=sale.receipt_discount, points_earned=sale.points_earned, total_paid=sale.total,
        earlier_returns=tuple(earlier))


def _english_names(session: Session, skus: list[str]) -> dict[str, str]:
    return dict(session.execute(select(Product.sku, Product.name_en).where(Product.sku.in_(skus))).all())


def find_sale(session: Session, receipt_no: str) -> Sale | None:
    return session.scalar(select(Sale).where(Sale.receipt_no == receipt_no))

