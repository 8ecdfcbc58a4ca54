"""Return and exchange slips: the customer's copy (with the feedback line) and the shop's (signed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from app.errors import InvalidInput
from app.printing import frame
from app.printing.data import ExchangeLine, ReturnedLine, ShopInfo, SlipData
from app.printing.labels import money, one, zh_en
from app.printing.layout import Sheet
from app.printing.slip_facts import slip_facts


def render_return_slip(slip: SlipData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN",
                       copy: str = "customer") -> bytes:
    """PDF bytes of a return or exchange slip; an exchange lists the goods going out first."""
    frame.check_lang(lang)
    if copy not in ("customer", "shop"):
        raise InvalidInput(f"未知的联次：{copy}", f"Unknown copy: {copy} (customer or shop)")
    key = "exchange_slip" if slip.kind == "exchange" else "return_slip"
    sheet = frame.new_sheet(paper, f"{slip.number}")
    frame.shop_heading(sheet, shop, lang)
    marks = ["customer_copy" if copy == "customer" else "shop_copy"]
    if slip.reprint:
        marks.append("reprint")
    frame.title(sheet, key, lang, *marks)
    if slip.status == "voided":
        frame.banner(sheet, "voided", lang)
    sheet.space(sheet.size * 0.5)
    sheet.barcode(slip.number)
    sheet.rule()
    _facts(sheet, slip, shop.tz, lang)
    if slip.kind == "exchange":
        _exchanged(sheet, slip, lang)
        _returned(sheet, slip, lang)
    else:
        _returned(sheet, slip, lang)
        _exchanged(sheet, slip, lang)
    _money_back(sheet, slip, lang)
    _law(sheet, slip, lang, copy)
    _explanations(sheet, slip, lang)
    if copy == "shop":
        sheet.signature(zh_en("signature", lang) + ":")
    else:
        frame.feedback(sheet, shop, lang)
    return sheet.render(_footer(slip.number, lang))


# An exchange slip is the same document; the name says which one the caller meant.
render_exchange_slip = render_return_slip


def _footer(number: str, lang: str) -> Callable[[int, int], str]:
    def footer(n: int, total: int) -> str:
        return f"{number} · Page {n}/{total}" if frame.is_en(lang) else f"{number} · 第 {n}/{total} 页"

    return footer


def _facts(sheet: Sheet, slip: SlipData, tz: tzinfo, lang: str) -> None:
    for label, value in slip_facts(slip, tz, lang):
        sheet.pair(label, value)
    sheet.rule()


def _name(sheet: Sheet, zh: str, en: str, lang: str) -> None:
    if frame.is_en(lang):
        sheet.text(en or zh, keep_with_next=True)
    else:
        sheet.text(zh, keep_with_next=True)
        if en and en != zh:
            sheet.text(en, sheet.size * 0.85, grey=True, keep_with_next=True)


def _returned(sheet: Sheet, slip: SlipData, lang: str) -> None:
    if not slip.returned:
        return
    frame.section(sheet, "returned_goods", lang)
    line: ReturnedLine
    for line in slip.returned:
        _name(sheet, line.name_zh, line.name_en, lang)
        # On a 58 mm roll the reason in both languages would push the amount onto a second line.
        reason = zh_en(line.reason, lang) if sheet.paper.content_width > 150 else one(line.reason, lang)
        detail = f"{line.qty} × {reason} · {one(line.outcome, lang)}"
        sheet.pair(detail, money(line.refund), indent=sheet.size)
    sheet.rule()


def _exchanged(sheet: Sheet, slip: SlipData, lang: str) -> None:
    if not slip.exchanged:
        return
    frame.section(sheet, "exchanged_goods", lang)
    line: ExchangeLine
    for line in slip.exchanged:
        _name(sheet, line.name_zh, line.name_en, lang)
        sheet.pair(f"{line.qty} × {money(line.unit_price)}", money(line.amount), indent=sheet.size)
    sheet.rule()


def _minus(fen: int) -> str:
    return f"−{money(fen)}"


def _settlement(sheet: Sheet, slip: SlipData, lang: str) -> None:
    """How the lines above come to the money below: every amount the customer is told adds up.

    Return: goods returned − coupon share kept = refund. Exchange: goods returned − coupon share
    kept − goods out = difference refunded (or, negative, the difference the customer paid).
    """
    share = slip.coupon_share
    if slip.exchanged:
        sheet.pair(zh_en("returned_total", lang), money(slip.returned_total))
        if share:
            sheet.pair(zh_en("coupon_share_kept", lang), _minus(share))
            sheet.pair(zh_en("credit_for_returned", lang), money(slip.returned_total - share))
        sheet.pair(zh_en("exchanged_total", lang), _minus(slip.exchanged_total))
        if slip.price_difference:
            key = "price_difference_paid" if slip.price_difference > 0 else "price_difference_refunded"
            sheet.pair(zh_en(key, lang), money(abs(slip.price_difference)), bold=True)
        sheet.rule()
    elif share:
        sheet.pair(zh_en("returned_total", lang), money(slip.returned_total))
        sheet.pair(zh_en("coupon_share_kept", lang), _minus(share))


def _money_back(sheet: Sheet, slip: SlipData, lang: str) -> None:
    _settlement(sheet, slip, lang)
    if slip.refunds or slip.kind == "return":
        sheet.pair(zh_en("refund_total", lang), money(slip.refund_total), sheet.size * 1.2, bold=True)
        for tender in slip.refunds:
            sheet.pair(zh_en(tender.method, lang), money(tender.amount), indent=sheet.size)
    if slip.points_reversed:
        sheet.pair(zh_en("points_reversed", lang), f"{slip.points_reversed:,}")
    if slip.points_balance is not None:
        sheet.pair(zh_en("points_balance", lang), f"{slip.points_balance:,}")
    if slip.coupon_code:
        sheet.pair(zh_en("goodwill_coupon", lang), slip.coupon_code)
    if slip.voucher_code:
        sheet.pair(zh_en("store_credit_issued", lang), slip.voucher_code)
    sheet.rule()


def _explanations(sheet: Sheet, slip: SlipData, lang: str) -> None:
    if not slip.explanations:
        return
    frame.section(sheet, "why", lang)
    for text in slip.explanations:
        frame.words(sheet, text, lang, size=sheet.size * 0.9)
    sheet.rule()


def _law(sheet: Sheet, slip: SlipData, lang: str, copy: str) -> None:
    """Compensation paid apart from the refund; on the shop's copy, the red-letter invoice to issue."""
    red = copy == "shop" and slip.red_invoice > 0
    if not slip.compensation and not red:
        return
    if slip.compensation:
        sheet.pair(zh_en("food_compensation", lang), money(slip.compensation), bold=True)
        sheet.pair(zh_en(slip.compensation_method, lang), money(slip.compensation), indent=sheet.size)
        if slip.compensation_evidence:
            sheet.text(f"{zh_en('compensation_evidence', lang)}: {slip.compensation_evidence}",
                       sheet.size * 0.85, indent=sheet.size)
    if red:
        sheet.pair(zh_en("red_invoice_due", lang), money(slip.red_invoice), bold=True)
        if slip.invoice and slip.invoice != "yes":
            sheet.pair(zh_en("invoice_no", lang), slip.invoice, indent=sheet.size)
    sheet.rule()
