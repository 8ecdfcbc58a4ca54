"""What a scanned or typed code is: a receipt, a member card, a coupon or store credit, or a return slip."""

from __future__ import annotations

from sqlalchemy import or_, select

from app.db import read_connection, session_scope
from app.domain.check_digit import is_valid, looks_like_digit_code
from app.domain.codes import checked_code
from app.errors import NotFound
from app.models import Coupon, Member, Return
from app.services import coupon_counter, coupons, repairs
from app.services.receipts import load_receipt, member_view
from app.services.returns.completing import record
from app.services.sale_rows import normalise_code
from app.services.views import ReceiptView


def not_found(code: str) -> NotFound:
    return NotFound(f"找不到“{code}”：不是本店的小票、会员卡、券码或退货单号。",
                    f"Nothing found for “{code}”: not a receipt, member card, coupon or return number of this shop.")


def find_receipt(code: str, url: str | None = None) -> ReceiptView:
    code = checked_code(code, "小票号", "receipt number")
    with read_connection(url) as conn:
        receipt = load_receipt(conn, receipt_no=code)
    if receipt is None:
        raise NotFound(f"找不到小票 {code}。请核对小票号，或按无小票退货处理。",
                       f"No receipt {code}. Check the number, or treat it as a return without receipt.")
    return receipt


def find(code: str, url: str | None = None) -> object:
    """ReceiptView | MemberView | CodeStatusView | CompletedReturn for a code; NotFound otherwise."""
    code = normalise_code(code)
    if not code:
        raise not_found(code)
    code = checked_code(code)  # `HX0000000²` is refused, never read as HX00000002
    with session_scope(url, write=False) as s:
        receipt = load_receipt(s.connection(), receipt_no=code)
        if receipt is not None:
            return receipt
        member = s.scalar(select(Member).where(or_(Member.card_no == code, Member.phone == code)))
        if member is not None:
            return member_view(member)
        coupon = s.scalar(select(Coupon).where(Coupon.code == code))
        if coupon is not None:
            return coupons.status_of(s, coupon)
        ret = s.scalar(select(Return).where(Return.number == code))
        if ret is not None:
            return record(s, ret)
        ticket = repairs.find_in(s, code)
        if ticket is not None:
            return repairs.view_of(s, ticket)
    if looks_like_digit_code(code) and not is_valid(code):
        raise coupon_counter.mistyped(code)   # a digit mistyped, not an unknown code
    raise not_found(code)
