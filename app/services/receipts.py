"""Reads a sale into a plain ReceiptView: lines with what was already returned, tenders with what was paid back."""

from __future__ import annotations

from calendar import monthrange
from datetime import datetime

from sqlalchemy import Connection, and_, bindparam, func, select

from app.models import Member, Product, Return, ReturnLine, ReturnTender, Sale, SaleLine, SaleTender
from app.services.prepared import PreparedSelect
from app.services.views import MemberView, ReceiptLineView, ReceiptView, TenderView

# Refused lines are never stored; a repair ticket's line hands the goods back after the repair, so it is
# the one stored outcome that does not count as taken back.
REPAIR_ONLY = "repair_only"

# Core statements on plain table columns, built once with bind parameters: the look-up runs on every
# scan, and ORM-annotated columns or a fresh WHERE clause per call cost more than the queries themselves.
_sale, _member, _line, _product = Sale.__table__.c, Member.__table__.c, SaleLine.__table__.c, Product.__table__.c
_ret, _rline, _rtender, _tender = Return.__table__.c, ReturnLine.__table__.c, ReturnTender.__table__.c, SaleTender.__table__.c
_HEAD = (select(_sale.id, _sale.receipt_no, _sale.sold_at, _sale.till, _sale.cashier, _sale.receipt_discount,
                _sale.points_earned, _sale.total, _member.card_no, _member.name, _member.phone, _member.tier,
                _member.points, _member.special_needs, _sale.invoice)
         .select_from(Sale.__table__.outerjoin(Member.__table__, _member.id == _sale.member_id)))
_SALE_BY_NUMBER = PreparedSelect(_HEAD.where(_sale.receipt_no == bindparam("key")))
_SALE_BY_ID = PreparedSelect(_HEAD.where(_sale.id == bindparam("key")))
returned_by_line = (select(_rline.sale_line_id, func.sum(_rline.qty).label("qty"))
             .select_from(ReturnLine.__table__.join(
                 Return.__table__, and_(_ret.id == _rline.return_id, _ret.status == "completed")))
             .where(_ret.sale_id == bindparam("sale_id"), _rline.outcome != REPAIR_ONLY)
             .group_by(_rline.sale_line_id).subquery())
_LINES = PreparedSelect(select(_line.line_no, _line.sku, _line.name, _product.name_en, _line.policy_class, _line.qty,
                 func.coalesce(returned_by_line.c.qty, 0), _line.unit_price, _line.discount, _line.net,
                 _line.promo_group, _line.final_sale, _line.warranty_months,
                 _line.food, _line.stored_value, _product.food, _product.stored_value)
          .select_from(SaleLine.__table__.outerjoin(Product.__table__, _product.sku == _line.sku)
                       .outerjoin(returned_by_line, returned_by_line.c.sale_line_id == _line.id))
          .where(_line.sale_id == bindparam("sale_id")).order_by(_line.line_no))
_TENDERS = PreparedSelect(select(_tender.method, _tender.amount, _tender.reference)
            .where(_tender.sale_id == bindparam("sale_id")).order_by(_tender.seq))
_REFUNDED = PreparedSelect(select(_rtender.method, func.sum(_rtender.amount))
             .select_from(ReturnTender.__table__.join(Return.__table__, _ret.id == _rtender.return_id))
             .where(_ret.sale_id == bindparam("sale_id"), _ret.status == "completed")
             .group_by(_rtender.method))
_EARLIER = PreparedSelect(select(_ret.number).where(_ret.sale_id == bindparam("sale_id"), _ret.status == "completed")
            .order_by(_ret.id))


def mask_phone(phone: str) -> str:
    """138****5678: the full number is never shown or printed."""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"


def member_view(member: Member) -> MemberView:
    return MemberView(member.card_no, member.name, mask_phone(member.phone), member.tier, member.points,
                      member.special_needs, tuple(t for t in (member.allergens or "").split(",") if t))


def add_months(when: datetime, months: int) -> datetime:
    year, month = divmod(when.month - 1 + months, 12)
    year += when.year
    day = min(when.day, monthrange(year, month + 1)[1])
    return when.replace(year=year, month=month + 1, day=day)


def lines_of(conn: Connection, sale_id: int, sold_at: datetime) -> tuple[ReceiptLineView, ...]:
    """The sale's lines as they stand now: what is still returnable, and the catalogue's flags."""
    # Food and card flags: as copied at import, or as the catalogue says now (a flag set later counts).
    return tuple(
        ReceiptLineView(no, sku, name, name_en or "", cls, qty, int(back), price, disc, net, promo,
                        bool(final), months, add_months(sold_at, months) if months else None,
                        bool(food or p_food), bool(card or p_card))
        for (no, sku, name, name_en, cls, qty, back, price, disc, net, promo, final, months,
             food, card, p_food, p_card) in _LINES.rows(conn, sale_id=sale_id))


def earlier_returns_of(conn: Connection, sale_id: int) -> tuple[str, ...]:
    """The numbers of the sale's completed returns, oldest first."""
    return tuple(number for (number,) in _EARLIER.rows(conn, sale_id=sale_id))


def load_receipt(conn: Connection, *, receipt_no: str | None = None, sale_id: int | None = None
                 ) -> ReceiptView | None:
    """The receipt as the counter sees it now, read inside the caller's transaction."""
    found = (_SALE_BY_NUMBER.rows(conn, key=receipt_no) if receipt_no is not None
             else _SALE_BY_ID.rows(conn, key=sale_id))
    if not found:
        return None
    (sid, number, sold_at, till, cashier, receipt_discount, points_earned, total,
     card_no, member_name, phone, tier, points, special_needs, invoice) = found[0]
    lines = lines_of(conn, sid, sold_at)
    refunded: dict[str, int] = {}
    earlier: tuple[str, ...] = ()
    if any(line.qty_returned for line in lines):  # every completed return takes back at least one unit
        refunded = {m: int(a) for m, a in _REFUNDED.rows(conn, sale_id=sid)}
        earlier = earlier_returns_of(conn, sid)
    tenders = []
    for method, amount, reference in _TENDERS.rows(conn, sale_id=sid):
        # A method's refunds fill its tenders in order, so each tender shows what it has left.
        back = min(refunded.get(method, 0), amount)
        refunded[method] = refunded.get(method, 0) - back
        tenders.append(TenderView(method, amount, back, reference))
    member = None
    if card_no is not None:
        member = MemberView(card_no, member_name, mask_phone(phone), tier, points, special_needs)
    return ReceiptView(
        receipt_no=number, sold_at=sold_at, till=till, cashier=cashier, member=member, lines=lines,
        tenders=tuple(tenders), receipt_discount=receipt_discount, points_earned=points_earned,
        total_paid=total, earlier_returns=earlier, invoice=invoice)
