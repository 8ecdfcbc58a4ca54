"""PDF bytes of what the counter prints (slip, coupon, voucher, end-of-day report, policy notice),
via the documents service and printing, on the paper chosen in settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.i18n import current_language
from app.printing import (
    render_coupon,
    render_end_of_day,
    render_policy_notice,
    render_return_slip,
    render_voucher,
)
from app.services import documents
from app.services import shop as shop_settings


@dataclass(frozen=True)
class Printout:
    key: str          # slip / coupon / voucher / eod / policy
    code: str         # return number, coupon / voucher code, the report's day, the policy version
    pdf: bytes
    shop_pdf: bytes | None = None   # a slip's shop copy (with the signature line), printed on request


def paper() -> str:
    return shop_settings.paper()


def slip(number: str, reprint: bool = False, lang: str | None = None) -> Printout:
    """The customer's copy, with the shop's copy (to be signed) alongside it."""
    data = documents.slip_data(number, reprint=reprint)
    shop, size, lang = documents.shop_info(), paper(), lang or current_language()
    return Printout("slip", number, render_return_slip(data, shop, size, lang, "customer"),
                    render_return_slip(data, shop, size, lang, "shop"))


def coupon(code: str, lang: str | None = None) -> Printout:
    return Printout("coupon", code, render_coupon(documents.coupon_data(code), documents.shop_info(), paper(),
                                                  lang or current_language()))


def voucher(code: str, lang: str | None = None) -> Printout:
    return Printout("voucher", code, render_voucher(documents.voucher_data(code), documents.shop_info(), paper(),
                                                    lang or current_language()))


def end_of_day(day: date | None = None, lang: str | None = None) -> Printout:
    """The day's report (today's by default, in the shop's time zone)."""
    data = documents.end_of_day_data(day or documents.today())
    return Printout("eod", data.day.isoformat(), render_end_of_day(data, documents.shop_info(), paper(),
                                                                   lang or current_language()))


def policy_notice(lang: str | None = None) -> Printout:
    data = documents.policy_notice_data()
    return Printout("policy", data.version, render_policy_notice(data, documents.shop_info(), paper(),
                                                                 lang or current_language()))


def for_return(number: str, coupon_code: str | None, voucher_code: str | None,
               reprint: bool = False) -> list[Printout]:
    """The slip, then the goodwill coupon and the store-credit voucher when the return issued them."""
    out = [slip(number, reprint)]
    if coupon_code:
        out.append(coupon(coupon_code))
    if voucher_code:
        out.append(voucher(voucher_code))
    return out
