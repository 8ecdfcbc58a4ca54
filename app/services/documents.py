"""What to print, read from the database: a slip by number, a code, a day's report, the policy notice."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.policy import Policy
from app.errors import InvalidInput, NotFound
from app.models import (
    Complaint,
    Coupon,
    Member,
    Product,
    Return,
    ReturnLine,
    ReturnTender,
    Sale,
    User,
    utcnow,
)
from app.printing import (
    render_coupon,
    render_end_of_day,
    render_policy_notice,
    render_return_slip,
    render_voucher,
)
from app.printing.data import (
    Bilingual,
    CouponData,
    EndOfDayData,
    EodClerkRow,
    EodIssuedRow,
    EodOverrideRow,
    EodReturnRow,
    ExchangeLine,
    PolicyNoticeData,
    ReturnedLine,
    ShopInfo,
    SlipData,
    TenderAmount,
    VoucherData,
)
from app.printing.policy_words import notice_from_policy
from app.services.policy import current_policy
from app.services.sale_rows import normalise_code
from app.services.shop import get_settings
from app.services.shop import paper as shop_paper
from app.settings import SHOP_TZ

__all__ = ["DOCUMENTS", "code_kind", "coupon_data", "document_pdf", "end_of_day_data", "policy_notice_data",
           "shop_info", "slip_data", "today", "voucher_data"]

DOCUMENTS = ("slip", "coupon", "voucher", "eod", "policy")


def document_pdf(document: str, key: str | None = None, *, paper: str | None = None, lang: str = "zh_CN",
                 copy: str = "customer", reprint: bool = False, url: str | None = None) -> bytes:
    """The PDF of one document from the database: what the screens preview and the CLI saves.

    document: slip / coupon / voucher / eod / policy; key: slip number, code, or ISO date (eod).
    paper None = the shop's print.paper setting (A4 for eod and policy).
    """
    if document not in DOCUMENTS:
        raise InvalidInput(f"未知的单据：{document}", f"Unknown document: {document}")
    shop = shop_info(url)
    if paper is None:
        paper = "a4" if document in ("eod", "policy") else shop_paper(url)
    if document in ("eod", "policy"):
        return (render_end_of_day(end_of_day_data(_day(key), url), shop, paper, lang) if document == "eod"
                else render_policy_notice(policy_notice_data(), shop, paper, lang))
    if not key:
        raise InvalidInput("请给出单号或券码。", f"Which {document}? Give its number or code.")
    if document == "slip":
        return render_return_slip(slip_data(key, url, reprint=reprint), shop, paper, lang, copy)
    # coupon or voucher: print what the code really is, whichever word the clerk typed.
    if code_kind(key, url) == "coupon":
        return render_coupon(coupon_data(key, url), shop, paper, lang)
    return render_voucher(voucher_data(key, url), shop, paper, lang)


def today() -> date:
    """Today in the shop's time zone: the day an end-of-day report is for unless told otherwise."""
    return datetime.now(SHOP_TZ).date()


def _day(key: str | None) -> date:
    if not key:
        return today()
    try:
        return date.fromisoformat(key)
    except ValueError:
        raise InvalidInput(f"日期格式应为 YYYY-MM-DD：{key}", f"The date must look like 2026-11-22: {key}") from None


def shop_info(url: str | None = None) -> ShopInfo:
    """The shop's heading from its settings; optional English keys shop.name_en / shop.feedback_en."""
    cfg = get_settings(url)
    feedback, feedback_en = cfg["shop.feedback"], cfg.get("shop.feedback_en", "")
    if not feedback_en and " / " in feedback and feedback.rsplit(" / ", 1)[1].isascii():
        # One setting holding "中文 / English" (as the demo shop has it): each print takes its half.
        feedback, feedback_en = feedback.rsplit(" / ", 1)
    return ShopInfo(name=cfg["shop.name"], address=cfg["shop.address"], phone=cfg["shop.phone"],
                    feedback=feedback, name_en=cfg.get("shop.name_en", ""), feedback_en=feedback_en, tz=SHOP_TZ)


def slip_data(number: str, url: str | None = None, *, reprint: bool = False) -> SlipData:
    with session_scope(url, write=False) as s:
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
        codes = {c.kind: c.code for c in s.scalars(select(Coupon).where(Coupon.return_id == ret.id)
                                                     .order_by(Coupon.id))}
        override = _approval_reason(ret)
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
            override_reason=override, status=ret.status, reprint=reprint)


def _line_amount(ret: Return, line: ReturnLine) -> int:
    """What a returned line counts for on the slip, so that the slip adds up.

    A refund line: its refund (the coupon share is taken off the total, on its own line). In an
    exchange an exchange-only line's worth pays for the new goods; a repair line counts nothing.
    """
    return line.value if ret.kind == "exchange" and line.outcome == "exchange_only" else line.refund


def _code(s: Session, code: str) -> Coupon:
    row = s.scalar(select(Coupon).where(Coupon.code == normalise_code(code)))
    if row is None:
        raise NotFound(f"找不到券码 {code}。", f"No coupon or store credit with code {code}.")
    return row


def _issued_for(s: Session, c: Coupon) -> str | None:
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
        return _code(s, code).kind


def coupon_data(code: str, url: str | None = None) -> CouponData:
    with session_scope(url, write=False) as s:
        c = _code(s, code)
        return CouponData(code=c.code, valid_from=_local_day(c.valid_from), valid_to=_local_day(c.valid_until),
                          value=0 if c.percent else c.value, percent=c.percent, min_spend=c.min_spend,
                          reason=c.reason, member_phone=_phone(s, c.member_id), issued_for=_issued_for(s, c))


def voucher_data(code: str, url: str | None = None) -> VoucherData:
    with session_scope(url, write=False) as s:
        c = _code(s, code)
        return VoucherData(code=c.code, amount=c.value, expires=_local_day(c.valid_until),
                           issued_at=c.issued_at, member_phone=_phone(s, c.member_id),
                           issued_for=_issued_for(s, c))


def end_of_day_data(day: date, url: str | None = None) -> EndOfDayData:
    """Everything completed in the shop's calendar day `day` (voided returns listed, not counted)."""
    start = datetime.combine(day, time(0), SHOP_TZ)
    end = start + timedelta(days=1)
    with session_scope(url, write=False) as s:
        returns = list(s.scalars(select(Return).where(Return.completed_at >= start, Return.completed_at < end,
                                                     Return.status.in_(("completed", "voided")))
                                 .order_by(Return.completed_at, Return.id)))
        people = {u.id: u.display_name or u.username for u in s.scalars(select(User))}
        receipts = dict(s.execute(select(Sale.id, Sale.receipt_no).where(
            Sale.id.in_([r.sale_id for r in returns if r.sale_id]))).all())
        done = [r for r in returns if r.status == "completed"]
        by_tender: dict[str, int] = defaultdict(int)
        for method, amount in s.execute(select(ReturnTender.method, ReturnTender.amount).where(
                ReturnTender.return_id.in_([r.id for r in done])).order_by(ReturnTender.id)):
            by_tender[method] += amount
        collected: dict[str, int] = defaultdict(int)
        for r in done:
            if r.kind == "exchange" and r.price_difference > 0:
                # returns completed before the counter recorded how a difference was paid say so
                collected[r.difference_paid_by or "unrecorded"] += r.price_difference
        issued = list(s.scalars(select(Coupon).where(Coupon.issued_at >= start, Coupon.issued_at < end)
                                .order_by(Coupon.issued_at, Coupon.id)))
        numbers = {r.id: r.number for r in returns}
        clerks: dict[str, list[int]] = {}
        for r in done:
            row = clerks.setdefault(people.get(r.clerk_id, "?"), [0, 0, 0, 0])
            row[0 if r.kind == "return" else 1] += 1
            row[2] += r.refund_total
            row[3] += 1 if r.supervisor_id else 0
        return EndOfDayData(
            day=day, generated_at=utcnow(),
            returns=tuple(EodReturnRow(r.number, r.completed_at or r.started_at, r.kind, people.get(r.clerk_id, "?"),
                                       receipts.get(r.sale_id) if r.sale_id else None, r.refund_total, r.status,
                                       collected=max(r.price_difference, 0) if r.kind == "exchange" else 0)
                          for r in returns),
            refunds_by_tender=tuple(TenderAmount(m, a) for m, a in _tender_order(by_tender)),
            collected_by_tender=tuple(TenderAmount(m, a) for m, a in _tender_order(collected)),
            issued=tuple(EodIssuedRow(c.code, c.kind, 0 if c.percent else c.value, c.percent,
                                      numbers.get(c.return_id or 0) or _issued_for(s, c)) for c in issued),
            overrides=tuple(EodOverrideRow(r.number, people.get(r.clerk_id, "?"), people.get(r.supervisor_id or 0, "?"),
                                           _approval_reason(r) or "", r.refund_total)
                            for r in done if r.supervisor_id),
            clerks=tuple(EodClerkRow(name, *figures) for name, figures in sorted(clerks.items())))


def _tender_order(totals: dict[str, int]) -> list[tuple[str, int]]:
    """Cash first (the drawer is what gets counted), then the usual order of the till."""
    order = ["cash", "wechat", "alipay", "card", "store_credit", "coupon"]
    return sorted(totals.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))


def policy_notice_data(policy: Policy | None = None, printed: date | None = None) -> PolicyNoticeData:
    """The notice for `policy`, or for the policy the engine is using now, dated today."""
    notice = notice_from_policy(policy or current_policy())
    return replace(notice, printed=printed or today())


def _approval_reason(ret: Return) -> str | None:
    """Why a supervisor signed: the override reason with its note, else what called for them."""
    if ret.override_reason:
        return f"{ret.override_reason}: {ret.override_note}" if ret.override_note else ret.override_reason
    return ret.supervisor_reasons.split(",")[0] if ret.supervisor_id and ret.supervisor_reasons else None


def _person(s: Session, user_id: int | None) -> str:
    user = s.get(User, user_id) if user_id else None
    return (user.display_name or user.username) if user else ""


def _local_day(moment: datetime) -> date:
    return moment.astimezone(SHOP_TZ).date()
