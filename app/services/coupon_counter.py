"""Coupons at the counter: checked by scanning, redeemed against a purchase, store credit spent in parts, voided."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.check_digit import is_valid, looks_like_digit_code
from app.domain.codes import checked_code
from app.domain.money import format_fen
from app.errors import InvalidInput, NotAllowed, NotFound
from app.models import Coupon, CouponRedemption, User, utcnow
from app.services.coupons import status_of
from app.services.loop_views import RedemptionView
from app.services.sale_rows import normalise_code
from app.services.users import audit, require_role
from app.services.views import CodeStatusView, UserView

STATE_WORDS = {"redeemed": ("已使用", "already redeemed"), "expired": ("已过期", "expired"),
               "void": ("已作废", "void")}


def mistyped(code: str) -> InvalidInput:
    return InvalidInput(f"券码 {code} 校验位不对：可能输错了一位，请重新扫描或核对。",
                        f"Code {code} has a wrong check digit: probably mistyped. Scan again or check it.")


def find_code(s: Session, code: str, *, lock: bool = False) -> Coupon:
    """The coupon of a code; a mistyped digit code (bad check digit) is told apart from an unknown one.

    lock=True holds the row to the end of the transaction (FOR UPDATE): on PostgreSQL two tills redeeming
    one code at once otherwise both read it unused, and both take it off (SQLite's BEGIN IMMEDIATE already
    serialises them)."""
    if not normalise_code(code):
        raise InvalidInput("请扫描或输入券码。", "Scan or type the coupon code.")
    code = checked_code(code, "券码", "Coupon code")   # junk, pasted text or a bidi mark: named, escaped
    if looks_like_digit_code(code) and not is_valid(code):
        raise mistyped(code)
    query = select(Coupon).where(Coupon.code == code)
    coupon = s.scalar(query.with_for_update() if lock else query)
    if coupon is None:
        raise NotFound(f"券码 {code} 不是本店发出的券。", f"Code {code} was not issued by this shop.")
    return coupon


def issued_here(code: str, url: str | None = None) -> bool:
    """Whether a scanned code is one of this shop's coupons: a card terminal's 12-digit reference is not."""
    code = normalise_code(code)
    if not is_valid(code):
        return False
    with session_scope(url, write=False) as s:
        return s.scalar(select(Coupon.id).where(Coupon.code == code)) is not None


def check(code: str, *, now: datetime | None = None, url: str | None = None) -> CodeStatusView:
    with session_scope(url, write=False) as s:
        return status_of(s, find_code(s, code), now)


def redeem(code: str, purchase: int, user: UserView, *, now: datetime | None = None,
           url: str | None = None) -> RedemptionView:
    """Uses a code against a purchase of `purchase` fen at the counter, in one transaction.

    A coupon takes its value (or percent) off once the purchase reaches its minimum spend; store credit
    pays up to its balance and keeps the rest. A code already used is refused and flagged to the supervisor.
    """
    require_role(user, "clerk", url)
    now = now or utcnow()
    if purchase <= 0:
        raise InvalidInput("请输入购物金额（大于 0）。", "Enter the purchase amount (more than 0).")
    refused: NotAllowed | None = None
    with session_scope(url) as s:
        coupon = find_code(s, code)
        state = status_of(s, coupon, now)
        if state.status != "issued":
            refused = _refuse(s, coupon, state, purchase, user, now)
    if refused is not None:   # raised after the block, so the flagged attempt is kept
        raise refused
    with session_scope(url) as s:
        coupon = find_code(s, code, lock=True)
        if status_of(s, coupon, now).status != "issued":   # used at another till a moment ago
            raise NotAllowed(f"券码 {coupon.code} 刚刚已被使用。", f"Code {coupon.code} was just used elsewhere.")
        taken = _taken_off(coupon, purchase)
        place = f"柜台 counter · {user.display_name}"
        s.add(CouponRedemption(coupon_id=coupon.id, at=now, amount=taken, purchase=purchase, place=place,
                               source="counter", user_id=user.id))
        coupon.spent += taken
        if coupon.kind == "coupon" or coupon.spent >= coupon.value:
            coupon.status, coupon.redeemed_at = "redeemed", now
        balance = coupon.value - coupon.spent if coupon.kind == "store_credit" else None
        audit(s, "code_redeemed", user.id, coupon.code, amount=taken, purchase=purchase, balance=balance)
        return RedemptionView(coupon.code, coupon.kind, taken, purchase - taken, balance)


def _taken_off(coupon: Coupon, purchase: int) -> int:
    if coupon.kind == "store_credit":
        return min(coupon.value - coupon.spent, purchase)
    if purchase < coupon.min_spend:
        raise InvalidInput(f"未达到使用门槛：满 {format_fen(coupon.min_spend)} 可用，本次 {format_fen(purchase)}。",
                           f"Below the minimum spend: {format_fen(coupon.min_spend)} needed, "
                           f"this purchase is {format_fen(purchase)}.")
    off = purchase * coupon.percent // 100 if coupon.percent else coupon.value
    return min(off, purchase)


def _refuse(s: Session, coupon: Coupon, state: CodeStatusView, purchase: int, user: UserView,
            now: datetime) -> NotAllowed:
    """Refuses a used, expired or void code; a second redemption is recorded flagged for the supervisor."""
    zh, en = STATE_WORDS[state.status]
    when = f"（{state.used_at:%Y-%m-%d %H:%M} {state.used_where}）" if state.used_at else ""
    when_en = f" ({state.used_at:%Y-%m-%d %H:%M} {state.used_where})" if state.used_at else ""
    if state.status == "redeemed":
        s.add(CouponRedemption(coupon_id=coupon.id, at=now, amount=0, purchase=purchase, source="counter",
                               place=f"柜台 counter · {user.display_name}", user_id=user.id, flagged=True))
        audit(s, "code_redeemed_twice", user.id, coupon.code, first=str(state.used_at), where=state.used_where)
    return NotAllowed(f"券码 {coupon.code} {zh}{when}，不能使用。",
                     f"Code {coupon.code} is {en}{when_en}; it cannot be used.")


def void(code: str, user: UserView, *, note: str = "", now: datetime | None = None,
         url: str | None = None) -> CodeStatusView:
    """A supervisor voids a code (a store credit's unspent balance goes with it); a used coupon stays used."""
    require_role(user, "supervisor", url)
    now = now or utcnow()
    with session_scope(url) as s:
        coupon = find_code(s, code, lock=True)
        if coupon.status in ("redeemed", "void"):
            zh, en = STATE_WORDS[coupon.status]
            raise NotAllowed(f"券码 {coupon.code} {zh}，不能作废。", f"Code {coupon.code} is {en}; it cannot be voided.")
        coupon.status, coupon.voided_at, coupon.voided_by_id = "void", now, user.id
        audit(s, "code_voided", user.id, coupon.code, note=note.strip(), balance=coupon.value - coupon.spent)
        return status_of(s, coupon, now)


def flagged(url: str | None = None) -> list[tuple[str, datetime, str, str]]:
    """Codes used more than once: (code, when, where, who) for the supervisor."""
    with session_scope(url, write=False) as s:
        rows = s.execute(select(Coupon.code, CouponRedemption.at, CouponRedemption.place, User.display_name)
                         .join(Coupon, Coupon.id == CouponRedemption.coupon_id)
                         .outerjoin(User, User.id == CouponRedemption.user_id)
                         .where(CouponRedemption.flagged.is_(True)).order_by(CouponRedemption.id))
        return [(c, at, place, who or "") for c, at, place, who in rows]
