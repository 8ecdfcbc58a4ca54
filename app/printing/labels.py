"""The words for paper in one table: the shop's ids in the domain's wording, and the documents' headings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo

from app.domain.money import format_fen
from app.domain.vocabulary import (
    CALL_OUTCOMES,
    CHANNELS,
    ISSUE_REASONS,
    KINDS,
    OUTCOMES,
    REASONS,
    RESOLUTION_CATEGORIES,
    SATISFACTION,
    SUPERVISOR_REASONS,
    TENDER_METHODS,
)


def _paper(table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The domain's wording of each id, its English capitalised as a printed label."""
    return {key: (zh, en[:1].upper() + en[1:]) for key, (zh, en) in table.items()}


# The shop's ids print in the domain's own words (one wording on screen, on paper and in the trace);
# only the documents' headings are paper's own. Kept out of Qt translations: printing knows nothing of Qt.
VOCABULARY_TABLES = (TENDER_METHODS, REASONS, OUTCOMES, SUPERVISOR_REASONS, ISSUE_REASONS, KINDS,
                     CHANNELS, RESOLUTION_CATEGORIES, CALL_OUTCOMES, SATISFACTION)

LABELS: dict[str, tuple[str, str]] = {
    **{key: pair for table in VOCABULARY_TABLES for key, pair in _paper(table).items()},
    "unrecorded": ("方式未记录", "Tender not recorded"),
    # documents and headings
    "return_slip": ("退货单", "RETURN SLIP"),
    "exchange_slip": ("换货单", "EXCHANGE SLIP"),
    "customer_copy": ("顾客联", "Customer copy"),
    "shop_copy": ("存根联", "Shop copy"),
    "reprint": ("重印", "REPRINT"),
    "voided": ("已作废", "VOID"),
    "slip_no": ("单号", "Slip no."),
    "receipt_no": ("原小票", "Receipt"),
    "no_receipt": ("无小票", "No receipt"),
    "time": ("时间", "Time"),
    "clerk": ("店员", "Clerk"),
    "supervisor": ("审批主管", "Approved by"),
    "member": ("会员", "Member"),
    "returned_goods": ("退回商品", "Returned"),
    "exchanged_goods": ("换出商品", "Exchanged out"),
    "price_difference_paid": ("顾客补差价", "Difference paid"),
    "price_difference_refunded": ("退还差价", "Difference refunded"),
    "refund_total": ("退款合计", "Total refund"),
    "returned_total": ("退回商品合计", "Goods returned"),
    "coupon_share_kept": ("优惠券部分不退", "Coupon share kept"),
    "credit_for_returned": ("退回商品抵扣", "Credit for goods returned"),
    "exchanged_total": ("换出商品合计", "Goods out"),
    "refund_by_tender": ("退款方式", "Refunded to"),
    "points_reversed": ("扣回积分", "Points reversed"),
    "points_balance": ("积分余额", "Points balance"),
    "goodwill_coupon": ("赠送优惠券", "Goodwill coupon"),
    "store_credit_issued": ("储值凭证", "Store credit"),
    "why": ("处理说明", "Why"),
    "signature": ("顾客签名", "Customer signature"),
    "coupon_title": ("优惠券", "COUPON"),
    "voucher_title": ("储值凭证", "STORE CREDIT"),
    "off": ("减", "off"),
    "min_spend": ("满{min}可用", "on a purchase of {min} or more"),
    "no_min_spend": ("无门槛", "no minimum spend"),
    "valid": ("有效期", "Valid"),
    "expires": ("有效期至", "Expires"),
    "no_expiry": ("长期有效", "Does not expire"),
    "issued_for": ("关联单号", "Issued with"),
    "issued_reason": ("发放原因", "Issued for"),
    "terms": ("使用规则", "Terms"),
    "amount": ("金额", "Amount"),
    "eod_title": ("日结报表", "END-OF-DAY REPORT"),
    "policy_title": ("退换货政策公示", "RETURNS & EXCHANGES POLICY"),
    "food_compensation": ("食品安全赔偿金", "Food-safety compensation"),
    "compensation_evidence": ("索赔凭据", "Claim evidence"),
    "red_invoice_due": ("应开红字发票", "Red-letter credit invoice due"),
    "invoice_no": ("原发票", "Invoice"),
    # the service loop on the end-of-day report
    "complaints_escalated": ("重大投诉（已上报店长）", "Major complaints (escalated to the owner)"),
    "complaints_overdue": ("逾期投诉", "Overdue complaints"),
    "followups_due": ("待回访", "Follow-up calls due"),
    "satisfaction_average": ("满意度（4 = 优秀）", "Satisfaction (4 = excellent)"),
    # repair tickets and the supplier claim sheet (issue 12)
    "repair_ticket": ("维修单", "REPAIR TICKET"),
    "repair_tag": ("维修单 · 随机联", "REPAIR TICKET · ITEM TAG"),
    "repair_no": ("维修单号", "Ticket no."),
    "product": ("商品", "Product"),
    "serial": ("序列号", "Serial no."),
    "fault": ("故障描述", "Fault"),
    "accessories": ("随附配件", "Accessories taken in"),
    "supplier": ("供应商", "Supplier"),
    "taken_in_at": ("接收时间", "Taken in"),
    "promised": ("承诺取件", "Ready by"),
    "earlier_repairs": ("此前维修次数", "Earlier repairs"),
    "repair_terms": ("凭此单取件，请妥善保管；修好后我们会通知您。",
                     "Bring this ticket to collect the item; we will call you when it is back."),
    "claim_title": ("供应商退货索赔单", "RETURN-TO-SUPPLIER CLAIM"),
    "claim_total": ("合计", "Total"),
    "qty": ("数量", "Qty"),
    "value": ("金额", "Value"),
    "reason": ("原因", "Reason"),
    "supplier_signature": ("供应商签收", "Received by the supplier"),
}


def zh_en(key: str, lang: str) -> str:
    """'质量问题 Quality fault' in Chinese mode, 'Quality fault' in English mode."""
    zh, en = LABELS.get(key, (key, key.replace("_", " ")))
    return en if lang.startswith("en") else f"{zh} {en}"


def one(key: str, lang: str) -> str:
    """Only the reader's language: for narrow columns where both would not fit."""
    zh, en = LABELS.get(key, (key, key.replace("_", " ")))
    return en if lang.startswith("en") else zh


def reason_words(code: str | None, lang: str) -> str:
    """A known override/coupon reason code as words; free text from the supervisor as typed."""
    if not code:
        return ""
    head, sep, note = code.partition(": ")   # "other: 老顾客，包装破损" — a code and the supervisor's note
    if head in LABELS:
        return zh_en(head, lang) + (f"：{note}" if sep and not lang.startswith("en") else f": {note}" if sep else "")
    return code


def money(fen: int) -> str:
    return format_fen(fen)


def shop_time(moment: datetime, tz: tzinfo) -> str:
    """Aware times print in the shop's zone `tz`; a naive one is taken to be UTC, as stored."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def day(d: date | datetime, tz: tzinfo) -> str:
    """The calendar day in the shop's zone `tz` (a plain date prints as it is)."""
    if isinstance(d, datetime):
        d = d.astimezone(tz).date() if d.tzinfo else d.date()
    return d.isoformat()


_PHONE = re.compile(r"^(\d{3})\d{4}(\d{4})$")


def masked_phone(phone: str | None) -> str:
    """138****5678: a full number handed to the printer by mistake is still masked on paper."""
    if not phone:
        return ""
    digits = phone.replace(" ", "").replace("-", "")
    m = _PHONE.match(digits)
    return f"{m.group(1)}****{m.group(2)}" if m else phone
