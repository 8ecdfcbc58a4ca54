"""What a slip, coupon, voucher or policy notice says, gathered from the database (no PDF built here)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.policy import Policy
from app.errors import NotFound
from app.models import (
    Complaint,
    Coupon,
    Member,
    Product,
    Return,
    ReturnCompensation,
    ReturnLine,
    Sale,
    User,
)
from app.printing.data import (
    Bilingual,
    CouponData,
    ExchangeLine,
    PolicyNoticeData,
    ReturnedLine,
    ShopInfo,
    SlipData,
    TenderAmount,
    VoucherData,
)
from app.printing.policy_words import notice_from_policy
from app.services import coupons
from app.services.policy import current_policy
from app.services.sale_rows import normalise_code
from app.services.shop import get_settings, settings_in
from app.settings import SHOP_TZ

__all__ = ["code_kind", "coupon_data", "coupon_in", "policy_notice_data", "shop_info", "shop_info_in", "slip_data",
           "slip_in", "today", "voucher_data", "voucher_in"]

def today() -> date:
    """Today in the shop's time zone: the day an end-of-day report is for unless told otherwise."""
    return datetime.now(SHOP_TZ).date()


def shop_info(url: str | None = None) -> ShopInfo:
    """The shop's heading from its settings; optional English keys shop.name_en / shop.feedback_en."""
    return shop_info_of(get_settings(url))


def shop_info_in(s: Session) -> ShopInfo:
    return shop_info_of(settings_in(s))


def shop_info_of(cfg: dict[str, str]) -> ShopInfo:
    feedback, feedback_en = cfg["shop.feedback"], cfg.get("shop.feedback_en", "")
    if not feedback_en and " / " in feedback and feedback.rsplit(" / ", 1)[1].isascii():
        # One setting holding "中文 / English" (as the demo shop has it): each print takes its half.
        feedback, feedback_en = feedback.rsplit(" / ", 1)
    return ShopInfo(name=cfg["shop.name"], address=cfg["shop.address"], phone=cfg["shop.phone"],
                    feedback=feedback, name_en=cfg.get("shop.name_en", ""), feedback_en=feedback_en, tz=SHOP_TZ,
                    demo=cfg.get("shop.demo") == "1")


def slip_data(number: str, url: str | None = None, *, reprint: bool = False) -> SlipData:
    with session_scope(url, write=False) as s:
        return slip_in(s, number, reprint=reprint)


def slip_in(s: Session, number: str, *, reprint: bool = False) -> SlipData:
    """The slip of a completed (or voided) return, read in the caller's transaction."""
    ret = s.scalar(select(Return).where(Return.number == normalise_code(number)))
    if ret is None or ret.status not in ("completed", "voided"):
        raise NotFound(f"找不到已完成的退货单 {number}。", f"No completed return {number}.")
    names_en = dict(s.execute(select(Product.sku, Product.name_en).where(
        Product.sku.in_([ln.sku for ln in ret.lines] + [ln.sku for ln in ret.exchange_lines]))).all())
    explanations: list[Bilingual] = []
    for line in ret.lines:
        text = Bilingual(line.explanation_zh, line.explanation_en)
        if (text.zh or text.en) and text not in explanations:
            explanations.append(text)
    member = s.get(Member, ret.member_id) if ret.member_id else None
    sale = s.get(Sale, ret.sale_id) if ret.sale_id else None
    codes = coupons.codes_of_return(s, ret.id)
    override = approval_reason(ret)
    paid = s.scalars(select(ReturnCompensation).where(ReturnCompensation.return_id == ret.id,
                                                      ReturnCompensation.voided_at.is_(None))).first()
    return SlipData(
        number=ret.number, kind=ret.kind, time=ret.completed_at or ret.started_at,
        clerk=_person(s, ret.clerk_id), original_receipt=sale.receipt_no if sale else None,
        returned=tuple(ReturnedLine(ln.name, names_en.get(ln.sku, ""), ln.qty, ln.reason,
                                    _line_amount(ret, ln), ln.outcome)
                       for ln in ret.lines),
        exchanged=tuple(ExchangeLine(ln.name, names_en.get(ln.sku, ""), ln.qty, ln.unit_price, ln.amount)
                        for ln in ret.exchange_lines),
        price_difference=ret.price_difference,
        refunds=tuple(TenderAmount(t.method, t.amount) for t in ret.tenders),
        coupon_share=ret.withheld_coupon_share,
        points_reversed=ret.points_reversed, points_balance=member.points if member else None,
        coupon_code=codes.get("coupon"), voucher_code=codes.get("store_credit"),
        explanations=tuple(explanations), member_phone=member.phone if member else None,
        supervisor=_person(s, ret.supervisor_id) if ret.supervisor_id else None,
        override_reason=override, status=ret.status, reprint=reprint,
        compensation=paid.amount if paid else 0, compensation_method=paid.method if paid else "",
        compensation_evidence=" · ".join(x for x in (paid.expiry, paid.batch, paid.note) if x) if paid else "",
        red_invoice=max(ret.refund_total, 0) if sale is not None and sale.invoice else 0,
        invoice=sale.invoice if sale else None)


def _line_amount(ret: Return, line: ReturnLine) -> int:
    """What a returned line counts for on the slip, so that the slip adds up.

    A refund line: its refund (the coupon share is taken off the total, on its own line). In an
    exchange an exchange-only line's worth pays for the new goods; a repair line counts nothing.
    """
    return line.value if ret.kind == "exchange" and line.outcome == "exchange_only" else line.refund


def issued_for(s: Session, c: Coupon) -> str | None:
    if c.return_id:
        return s.scalar(select(Return.number).where(Return.id == c.return_id))
    if c.complaint_id:
        return s.scalar(select(Complaint.number).where(Complaint.id == c.complaint_id))
    return None


def _phone(s: Session, member_id: int | None) -> str | None:
    return s.scalar(select(Member.phone).where(Member.id == member_id)) if member_id else None


def code_kind(code: str, url: str | None = None) -> str:
    """'coupon' or 'store_credit': lets `print coupon` and `print voucher` each print the right one."""
    with session_scope(url, write=False) as s:
        return coupons.find(s, code).kind


def coupon_data(code: str, url: str | None = None) -> CouponData:
    with session_scope(url, write=False) as s:
        return coupon_in(s, code)


def coupon_in(s: Session, code: str) -> CouponData:
    c = coupons.find(s, code)
    return CouponData(code=c.code, valid_from=_local_day(c.valid_from), valid_to=_local_day(c.valid_until),
                      value=0 if c.percent else c.value, percent=c.percent, min_spend=c.min_spend,
                      reason=c.reason, member_phone=_phone(s, c.member_id), issued_for=issued_for(s, c))


def voucher_data(code: str, url: str | None = None) -> VoucherData:
    with session_scope(url, write=False) as s:
        return voucher_in(s, code)


def voucher_in(s: Session, code: str) -> VoucherData:
    c = coupons.find(s, code)
    return VoucherData(code=c.code, amount=c.value, expires=_local_day(c.valid_until),
                       issued_at=c.issued_at, member_phone=_phone(s, c.member_id),
                       issued_for=issued_for(s, c))


def policy_notice_data(policy: Policy | None = None, printed: date | None = None) -> PolicyNoticeData:
    """The notice for `policy`, or for the policy the engine is using now, dated today."""
    notice = notice_from_policy(policy or current_policy())
    return replace(notice, printed=printed or today())


def approval_reason(ret: Return) -> str | None:
    """Why a supervisor signed: the override reason with its note, else what called for them."""
    if ret.override_reason:
        return f"{ret.override_reason}: {ret.override_note}" if ret.override_note else ret.override_reason
    return ret.supervisor_reasons.split(",")[0] if ret.supervisor_id and ret.supervisor_reasons else None


def _person(s: Session, user_id: int | None) -> str:
    user = s.get(User, user_id) if user_id else None
    return (user.display_name or user.username) if user else ""


def _local_day(moment: datetime) -> date:
    return moment.astimezone(SHOP_TZ).date()
