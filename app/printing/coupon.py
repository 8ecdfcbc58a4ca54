"""Coupons (优惠券) and store-credit vouchers (储值凭证): value, validity, code and plain terms."""

from __future__ import annotations

from datetime import tzinfo

from app.printing import frame
from app.printing.data import Bilingual, CouponData, ShopInfo, VoucherData
from app.printing.labels import LABELS, day, masked_phone, money, reason_words, shop_time, zh_en
from app.printing.layout import Sheet
from app.printing.text import width

# Printed on every coupon whatever the shop adds, so the rules are never hidden (明码标价、规则透明).
COUPON_TERMS = (
    Bilingual("每次购物限用一张，不与其他优惠券同时使用。", "One coupon per purchase; cannot be combined with other coupons."),
    Bilingual("不找零，不兑换现金。", "No change given; cannot be exchanged for cash."),
    Bilingual("退货时，优惠券抵扣的部分不退现金。", "On a return, the part paid by coupon is not refunded as money."),
)
VOUCHER_TERMS = (
    Bilingual("一次性使用：在本店一次购物中按全额抵扣，未用完的余额不保留。",
              "Single use: the full amount goes towards one purchase in this shop; any unused balance is not kept."),
    Bilingual("不兑换现金，不找零。", "Cannot be exchanged for cash; no change given."),
    Bilingual("凭条码使用，遗失不补，请妥善保管。", "Whoever holds the code can use it; a lost voucher cannot be replaced."),
)


def render_coupon(coupon: CouponData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN") -> bytes:
    frame.check_lang(lang)
    sheet = frame.new_sheet(paper, coupon.code)
    frame.shop_heading(sheet, shop, lang)
    frame.title(sheet, "coupon_title", lang)
    sheet.space(sheet.size * 0.3)
    headline = _value(coupon, lang)
    sheet.text(headline, _fitting(headline, sheet.size * 2.6, sheet.paper.content_width), bold=True,
               align="center")
    sheet.text(_min_spend(coupon, lang), sheet.size * 1.1, align="center")
    valid = f"{day(coupon.valid_from, shop.tz)} – {day(coupon.valid_to, shop.tz)}"
    sheet.text(f"{zh_en('valid', lang)}: {valid}", align="center")
    sheet.space(sheet.size * 0.5)
    sheet.barcode(coupon.code)
    sheet.rule()
    if coupon.reason:
        sheet.pair(zh_en("issued_reason", lang), reason_words(coupon.reason, lang))
    if coupon.issued_for:
        sheet.pair(zh_en("issued_for", lang), coupon.issued_for)
    if coupon.member_phone:
        sheet.pair(zh_en("member", lang), masked_phone(coupon.member_phone))
    _terms(sheet, _coupon_rules(coupon, shop.tz) + COUPON_TERMS + coupon.terms, lang)
    frame.feedback(sheet, shop, lang)
    return sheet.render(lambda n, t: f"{coupon.code} · {n}/{t}")


def render_voucher(voucher: VoucherData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN") -> bytes:
    frame.check_lang(lang)
    sheet = frame.new_sheet(paper, voucher.code)
    frame.shop_heading(sheet, shop, lang)
    frame.title(sheet, "voucher_title", lang)
    sheet.space(sheet.size * 0.3)
    sheet.text(money(voucher.amount), sheet.size * 2.6, bold=True, align="center")
    until = day(voucher.expires, shop.tz) if voucher.expires else zh_en("no_expiry", lang)
    sheet.text(f"{zh_en('expires', lang)}: {until}" if voucher.expires else until, align="center")
    sheet.space(sheet.size * 0.5)
    sheet.barcode(voucher.code)
    sheet.rule()
    if voucher.issued_at:
        sheet.pair(zh_en("time", lang), shop_time(voucher.issued_at, shop.tz))
    if voucher.issued_for:
        sheet.pair(zh_en("issued_for", lang), voucher.issued_for)
    if voucher.member_phone:
        sheet.pair(zh_en("member", lang), masked_phone(voucher.member_phone))
    _terms(sheet, VOUCHER_TERMS + voucher.terms, lang)
    frame.feedback(sheet, shop, lang)
    return sheet.render(lambda n, t: f"{voucher.code} · {n}/{t}")


def _off(coupon: CouponData) -> Bilingual:
    """What the coupon takes off, worded once for the headline and the terms alike."""
    if coupon.percent:
        tenths = (100 - coupon.percent) / 10     # 10% off is 九折 ("pay 9 tenths")
        return Bilingual(f"{tenths:g} 折（减 {coupon.percent}%）", f"{coupon.percent}% off")
    return Bilingual(f"立减 {money(coupon.value)}", f"{money(coupon.value)} off")


def _value(coupon: CouponData, lang: str) -> str:
    return _off(coupon).pick(lang)


def _fitting(text: str, size: float, room: float) -> float:
    """The headline's size, made smaller (down to 60%) when it would not fit on one line."""
    return max(size * 0.6, min(size, size * room / max(width(text, size), 1)))


def _min_spend(coupon: CouponData, lang: str) -> str:
    zh, en = LABELS["min_spend"] if coupon.min_spend else LABELS["no_min_spend"]
    zh, en = zh.format(min=money(coupon.min_spend)), en.format(min=money(coupon.min_spend))
    return en if frame.is_en(lang) else f"{zh}  {en}"


def _coupon_rules(coupon: CouponData, tz: tzinfo) -> tuple[Bilingual, ...]:
    """The coupon's own numbers in sentences, so the printed terms and the code agree."""
    off = _off(coupon)
    spend = (Bilingual(f"单笔实付满 {money(coupon.min_spend)} 可用，{off.zh}。",
                       f"{off.en} a single purchase of {money(coupon.min_spend)} or more.")
             if coupon.min_spend else Bilingual(f"无门槛，{off.zh}。", f"{off.en}, no minimum spend."))
    start, end = day(coupon.valid_from, tz), day(coupon.valid_to, tz)
    dates = Bilingual(f"有效期 {start} 至 {end} 营业结束，过期作废。",
                      f"Valid from {start} until closing time on {end}.")
    return spend, dates


def _terms(sheet: Sheet, terms: tuple[Bilingual, ...], lang: str) -> None:
    sheet.rule()
    frame.section(sheet, "terms", lang)
    for term in terms:
        frame.words(sheet, term, lang, size=sheet.size * 0.9)
