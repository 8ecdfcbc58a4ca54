"""The coupon and store-credit lifecycle in one place: issue, status, redeem, void and expire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import NotAllowed, NotFound
from app.models import Coupon, CouponRedemption, Member, Sale, utcnow
from app.services.numbers import digit_code
from app.services.sale_rows import normalise_code
from app.services.users import audit
from app.services.views import CodeStatusView
from app.settings import SHOP_TZ

STORE_CREDIT_DAYS = 365


def issue(s: Session, kind: str, value: int, *, now: datetime, valid: timedelta, reason: str, issued_by: int,
          min_spend: int = 0, member_id: int | None = None, return_id: int | None = None) -> Coupon:
    """A new coupon or store-credit voucher, valid to the end of the shop's day `valid` from now."""
    coupon = Coupon(code=digit_code(), kind=kind, value=value, min_spend=min_spend, valid_from=now,
                    valid_until=end_of_day(now + valid), reason=reason, status="issued", member_id=member_id,
                    return_id=return_id, issued_by_id=issued_by, issued_at=now)
    s.add(coupon)
    s.flush()
    return coupon


def issue_store_credit(s: Session, value: int, *, now: datetime, reason: str, issued_by: int,
                       member_id: int | None = None, return_id: int | None = None) -> Coupon:
    return issue(s, "store_credit", value, now=now, valid=timedelta(days=STORE_CREDIT_DAYS), reason=reason,
                 issued_by=issued_by, member_id=member_id, return_id=return_id)


def end_of_day(when: datetime) -> datetime:
    local = when.astimezone(SHOP_TZ)
    return local.replace(hour=23, minute=59, second=59, microsecond=0)


def status_of(s: Session, coupon: Coupon, now: datetime | None = None) -> CodeStatusView:
    """What a code is worth and whether it can still be used (expired shows as such before `expire` runs),
    with when and where it was last used or voided."""
    status = coupon.status
    if status == "issued" and coupon.valid_until < (now or utcnow()):
        status = "expired"
    member = s.get(Member, coupon.member_id) if coupon.member_id else None
    last = s.scalar(select(CouponRedemption).where(CouponRedemption.coupon_id == coupon.id)
                    .order_by(CouponRedemption.id.desc()).limit(1))
    balance = coupon.value - coupon.spent if coupon.kind == "store_credit" else None
    used_at = coupon.voided_at if status == "void" else (last.at if last else coupon.redeemed_at)
    where = "" if status == "void" else (last.place if last else "")
    return CodeStatusView(coupon.code, coupon.kind, coupon.value, coupon.percent, coupon.min_spend, status,
                          coupon.valid_until, member.card_no if member else None, balance, used_at, where)


def find(s: Session, code: str) -> Coupon:
    row = s.scalar(select(Coupon).where(Coupon.code == normalise_code(code)))
    if row is None:
        raise NotFound(f"找不到券码 {code}。", f"No coupon or store credit with code {code}.")
    return row


def status(code: str, url: str | None = None) -> CodeStatusView:
    with session_scope(url, write=False) as s:
        return status_of(s, find(s, code))


def codes_of_return(s: Session, return_id: int) -> dict[str, str]:
    """kind → code of what a return issued (the first of each kind)."""
    out: dict[str, str] = {}
    for c in s.scalars(select(Coupon).where(Coupon.return_id == return_id).order_by(Coupon.id)):
        out.setdefault(c.kind, c.code)
    return out


def redeem_at_sale(conn: Connection, sale_id: int, code: str, sold_at: datetime) -> None:
    """A code seen on an imported till sale: an issued code becomes redeemed, once. A counter redemption
    not yet matched is this sale's (it counts once); a code already used elsewhere is flagged."""
    coupon = conn.execute(select(Coupon.id, Coupon.status, Coupon.redeemed_sale_id).where(Coupon.code == code)).first()
    if coupon is None or coupon.redeemed_sale_id == sale_id:
        return
    receipt = conn.scalar(select(Sale.receipt_no).where(Sale.id == sale_id)) or ""
    table = CouponRedemption.__table__
    unmatched = conn.scalar(select(table.c.id).where(table.c.coupon_id == coupon.id, table.c.sale_id.is_(None),
                                                     table.c.source == "counter", table.c.flagged.is_(False))
                            .order_by(table.c.id).limit(1))
    if unmatched is not None:
        conn.execute(update(table).where(table.c.id == unmatched).values(sale_id=sale_id))
        conn.execute(update(Coupon).where(Coupon.id == coupon.id).values(redeemed_sale_id=sale_id))
        return
    used = coupon.status != "issued"
    conn.execute(table.insert().values(coupon_id=coupon.id, at=sold_at.astimezone(UTC), amount=0, purchase=0,
                                       place=receipt, source="import", sale_id=sale_id, flagged=used))
    if not used:
        conn.execute(update(Coupon).where(Coupon.id == coupon.id).values(
            status="redeemed", redeemed_at=sold_at.astimezone(UTC), redeemed_sale_id=sale_id))


def void_for_return(s: Session, return_id: int) -> None:
    """Voids what a return issued; refused when any of it was already spent."""
    codes = list(s.scalars(select(Coupon).where(Coupon.return_id == return_id)))
    used = [c.code for c in codes if c.status == "redeemed"]
    if used:
        raise NotAllowed(f"券 {', '.join(used)} 已被使用，不能作废。",
                         f"Code {', '.join(used)} was already redeemed; the return cannot be voided.")
    for c in codes:
        c.status = "void"


def expire(now: datetime | None = None, url: str | None = None) -> int:
    """Marks every issued code past its last day as expired (the nightly job); returns how many."""
    now = now or utcnow()
    with session_scope(url) as s:
        due = list(s.scalars(select(Coupon).where(Coupon.status == "issued", Coupon.valid_until < now)))
        for c in due:
            c.status = "expired"
        if due:
            audit(s, "codes_expired", None, "", codes=[c.code for c in due])
        return len(due)
