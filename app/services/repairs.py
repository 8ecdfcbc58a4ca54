"""Repair tickets (维修单): taken in → sent to the supplier → back → collected (or replaced / refunded)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.codes import shown
from app.domain.limits import checked_words
from app.domain.vocabulary import REASONS
from app.errors import InvalidInput, NotFound
from app.models import (
    Member,
    Product,
    RepairHistoryEntry,
    RepairTicket,
    Return,
    Sale,
    SaleLine,
    utcnow,
)
from app.services.loop_views import RepairTicketView
from app.services.numbers import next_number
from app.services.receipts import member_view
from app.services.sale_rows import normalise_code
from app.services.shop import settings_in
from app.services.users import acting_user, audit, require_role
from app.services.views import UserView

PROMISE_SETTING = "repair.promise_hours"   # the shop's promise; 72 h by the service standards
PROMISE_HOURS = 72
OPEN = ("taken_in", "sent")                # still with the shop or the supplier: these can run late
# status → the statuses it may move to; "back" needs how it came back (fixed / failed)
NEXT = {"taken_in": ("sent", "back", "replaced", "refunded"), "sent": ("back", "replaced", "refunded"),
        "back": ("collected", "sent", "replaced", "refunded")}
FINAL = ("collected", "replaced", "refunded")
FIELD_ZH = {"serial": "序列号", "fault": "故障", "accessories": "配件"}


def promise_hours(s: Session) -> int:
    text = settings_in(s).get(PROMISE_SETTING, "")
    return int(text) if text.isdigit() and int(text) > 0 else PROMISE_HOURS


def _text(value: str, field: str, limit: int, *, symbols: bool = True) -> str:
    """Words for the ticket (field is "中文 english"): printed on paper, so no control or invisible marks."""
    zh, _, en = field.partition(" ")
    return checked_words(value, zh, en or zh, limit, symbols=symbols, lines=False)


def walk_in(user: UserView, *, sku: str, fault: str, serial: str = "", accessories: str = "",
            member_card: str | None = None, phone: str = "", receipt_no: str | None = None,
            call_agreed: bool | None = None, now: datetime | None = None, url: str | None = None) -> RepairTicketView:
    """A warranty repair brought in without a return: the product, its serial and what is wrong; `call_agreed`
    is the customer's answer to "may we call after you collect it?" (None: not asked, no call)."""
    require_role(user, "clerk", url)
    now = now or utcnow()
    if not fault.strip():
        raise InvalidInput("请填写故障描述。", "Describe the fault.")
    with session_scope(url) as s:
        product = s.scalar(select(Product).where(Product.sku == normalise_code(sku)))
        if product is None:
            raise NotFound(f"找不到商品 {sku}。", f"No product {sku}.")
        member = _member(s, member_card)
        ticket = RepairTicket(number=next_number(s, "WX", now), kind="walk_in", sku=product.sku,
                              product_name=product.name_zh, serial=_text(serial, "序列号 serial", 60, symbols=False),
                              fault=_text(fault, "故障 fault", 500), accessories=_text(accessories, "配件 accessories", 300),
                              supplier=product.supplier, member_id=member.id if member else None,
                              phone=_phone(phone), sale_line_id=_sold_line(s, receipt_no, product.sku),
                              status="taken_in", created_at=now, created_by_id=user.id, call_agreed=call_agreed,
                              promised_at=now + timedelta(hours=promise_hours(s)))
        s.add(ticket)
        s.flush()
        audit(s, "repair_taken_in", user.id, ticket.number, sku=product.sku, serial=ticket.serial, kind="walk_in")
        return view_of(s, ticket, now)


def _phone(typed: str) -> str:
    """The number to call when it is back: digits (full-width folded), 7 to 15 of them, or nothing."""
    phone = normalise_code(typed or "").replace("-", "")
    if phone and not (phone.isascii() and phone.isdigit() and 7 <= len(phone) <= 15):
        raise InvalidInput(f"电话号码不对：{shown(typed)}（7–15 位数字）",
                           f"Not a phone number: {shown(typed)} (7 to 15 digits)")
    return phone


def _member(s: Session, card: str | None) -> Member | None:
    if not card:
        return None
    member = s.scalar(select(Member).where(Member.card_no == normalise_code(card)))
    if member is None:
        raise NotFound(f"找不到会员卡 {card}。", f"No member card {card}.")
    return member


def _sold_line(s: Session, receipt_no: str | None, sku: str) -> int | None:
    if not receipt_no:
        return None
    line = s.scalar(select(SaleLine.id).join(Sale, Sale.id == SaleLine.sale_id)
                    .where(Sale.receipt_no == normalise_code(receipt_no), SaleLine.sku == sku))
    if line is None:
        raise NotFound(f"小票 {receipt_no} 上没有这件商品。", f"Receipt {receipt_no} has no line for {sku}.")
    return line


def fill_in(number: str, user: UserView, *, serial: str | None = None, fault: str | None = None,
            accessories: str | None = None, phone: str | None = None, url: str | None = None) -> RepairTicketView:
    """What the clerk writes on a ticket a return made (serial, fault in words, accessories taken in)."""
    with session_scope(url) as s:
        acting_user(s, user, "clerk")
        ticket = _find(s, number)
        changes = {k: v for k, v in (("serial", serial), ("fault", fault), ("accessories", accessories),
                                     ("phone", phone)) if v is not None}
        for key, value in changes.items():
            setattr(ticket, key, _phone(value) if key == "phone" else
                    _text(value, f"{FIELD_ZH[key]} {key}", 60 if key == "serial" else 500, symbols=key != "serial"))
        audit(s, "repair_details", user.id, ticket.number, **changes)
        return view_of(s, ticket)


def _find(s: Session, number: str, *, lock: bool = False) -> RepairTicket:
    """lock=True: held FOR UPDATE, so two clerks on PostgreSQL cannot both move it on (two follow-up calls)."""
    query = select(RepairTicket).where(RepairTicket.number == normalise_code(number))
    ticket = s.scalar(query.with_for_update() if lock else query)
    if ticket is None:
        raise NotFound(f"找不到维修单 {number}。", f"No repair ticket {number}.")
    return ticket


def find_in(s: Session, number: str) -> RepairTicket | None:
    return s.scalar(select(RepairTicket).where(RepairTicket.number == normalise_code(number)))


def ticket(number: str, url: str | None = None) -> RepairTicketView:
    with session_scope(url, write=False) as s:
        return view_of(s, _find(s, number))


def for_return(return_number: str, url: str | None = None) -> list[RepairTicketView]:
    """The tickets a completed return's repair-only lines made."""
    with session_scope(url, write=False) as s:
        rows = s.scalars(select(RepairTicket).join(Return, Return.id == RepairTicket.return_id)
                         .where(Return.number == normalise_code(return_number)).order_by(RepairTicket.id))
        return [view_of(s, t) for t in rows]


def overdue(now: datetime | None = None, url: str | None = None) -> list[RepairTicketView]:
    """Tickets past their promised date and not back yet, the latest promise first in line."""
    now = now or utcnow()
    with session_scope(url, write=False) as s:
        rows = s.scalars(select(RepairTicket).where(RepairTicket.status.in_(OPEN), RepairTicket.promised_at < now)
                         .order_by(RepairTicket.promised_at))
        return [view_of(s, t, now) for t in rows]


def open_tickets(now: datetime | None = None, url: str | None = None) -> list[RepairTicketView]:
    """Every ticket not closed yet, by promised date (the repairs page's list)."""
    now = now or utcnow()
    with session_scope(url, write=False) as s:
        rows = s.scalars(select(RepairTicket).where(RepairTicket.status.not_in(FINAL))
                         .order_by(RepairTicket.promised_at))
        return [view_of(s, t, now) for t in rows]


def earlier_repairs(s: Session, ticket: RepairTicket) -> int:
    """Repairs of the same sold unit recorded before this ticket was taken in: the one repair history
    (repair_history, which the legal floor reads), by sale line, or by serial for the same product."""
    if ticket.sale_line_id:
        same = RepairHistoryEntry.sale_line_id == ticket.sale_line_id
    elif ticket.serial:
        same = and_(RepairHistoryEntry.serial == ticket.serial, SaleLine.sku == ticket.sku)
    else:
        return 0
    return s.scalar(select(func.count()).select_from(RepairHistoryEntry)
                    .join(SaleLine, SaleLine.id == RepairHistoryEntry.sale_line_id)
                    .where(same, RepairHistoryEntry.at < ticket.created_at)) or 0


def view_of(s: Session, t: RepairTicket, now: datetime | None = None) -> RepairTicketView:
    member = s.get(Member, t.member_id) if t.member_id else None
    ret = s.get(Return, t.return_id) if t.return_id else None
    if member is None and ret is not None and ret.member_id:
        member = s.get(Member, ret.member_id)
    product = s.scalar(select(Product).where(Product.sku == t.sku))
    line = s.get(SaleLine, t.sale_line_id) if t.sale_line_id else None
    receipt = s.get(Sale, line.sale_id).receipt_no if line else None
    shown = member_view(member) if member else None
    phone = shown.phone_masked if shown else (t.phone[:3] + "****" + t.phone[-4:] if len(t.phone) >= 8 else t.phone)
    return RepairTicketView(
        t.number, t.kind, t.status, t.sku, t.product_name or (product.name_zh if product else t.sku), t.serial,
        REASONS[t.fault][0] if t.fault in REASONS else t.fault, t.accessories, t.supplier or (product.supplier if product else ""),
        member.card_no if member else None, phone, t.created_at, t.promised_at, t.outcome, t.told_at, t.closed_at,
        receipt, ret.number if ret else None, earlier_repairs(s, t),
        t.status in OPEN and t.promised_at < (now or utcnow()))
