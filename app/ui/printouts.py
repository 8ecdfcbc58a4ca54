"""PDF bytes of what the counter prints (slip, coupon, voucher), via the documents service and printing."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import current_language
from app.printing import render_coupon, render_return_slip, render_voucher
from app.services import documents
from app.services.shop import get_settings


@dataclass(frozen=True)
class Printout:
    key: str          # slip / coupon / voucher
    code: str         # return number or coupon / voucher code
    pdf: bytes


def paper() -> str:
    return get_settings().get("print.paper", "80mm")


def slip(number: str, reprint: bool = False, lang: str | None = None) -> Printout:
    data = documents.slip_data(number, reprint=reprint)
    return Printout("slip", number, render_return_slip(data, documents.shop_info(), paper(), lang or current_language()))


def coupon(code: str, lang: str | None = None) -> Printout:
    return Printout("coupon", code, render_coupon(documents.coupon_data(code), documents.shop_info(), paper(),
                                                  lang or current_language()))


def voucher(code: str, lang: str | None = None) -> Printout:
    return Printout("voucher", code, render_voucher(documents.voucher_data(code), documents.shop_info(), paper(),
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
