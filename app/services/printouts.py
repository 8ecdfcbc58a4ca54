"""Everything the counter prints, as PDF bytes: a completed return's papers from one read, codes, reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.db import session_scope
from app.errors import InvalidInput
from app.printing import (
    render_coupon,
    render_end_of_day,
    render_policy_notice,
    render_return_slip,
    render_voucher,
)
from app.printing.data import CouponData, ShopInfo, SlipData, VoucherData
from app.printing.spool import save_pdf  # noqa: F401 — the one atomic PDF save, for the screens too
from app.services import documents
from app.services.end_of_day import day_of, end_of_day_data
from app.services.shop import paper_of, settings_in

DOCUMENTS = ("slip", "coupon", "voucher", "eod", "policy")


@dataclass(frozen=True)
class Printout:
    key: str          # slip / coupon / voucher / eod / policy
    code: str         # return number, coupon / voucher code, the report's day, the policy version
    pdf: bytes
    shop_pdf: bytes | None = None   # a slip's shop copy (with the signature line), printed on request
    # What the paper says (SlipData / CouponData / VoucherData): a raw ESC/POS roll printer prints from it.
    data: SlipData | CouponData | VoucherData | None = None


@dataclass(frozen=True)
class ReturnPrintouts:
    """A completed return's papers, and the slip's data they were built from (the screen shows it too)."""

    slip: SlipData
    printouts: tuple[Printout, ...]


def for_return(number: str, lang: str, reprint: bool = False, url: str | None = None) -> ReturnPrintouts:
    """The slip (customer and shop copy), then the goodwill coupon and the store-credit voucher when the
    return issued them — all read in one transaction, after the completing write."""
    with session_scope(url, write=False) as s:
        cfg = settings_in(s)
        slip = documents.slip_in(s, number, reprint=reprint)
        coupon = documents.coupon_in(s, slip.coupon_code) if slip.coupon_code else None
        voucher = documents.voucher_in(s, slip.voucher_code) if slip.voucher_code else None
    shop, size = documents.shop_info_of(cfg), paper_of(cfg)
    out = [_slip(slip, shop, size, lang)]
    if coupon is not None:
        out.append(Printout("coupon", coupon.code, render_coupon(coupon, shop, size, lang), data=coupon))
    if voucher is not None:
        out.append(Printout("voucher", voucher.code, render_voucher(voucher, shop, size, lang), data=voucher))
    return ReturnPrintouts(slip, tuple(out))


def reprint(number: str, lang: str, url: str | None = None) -> ReturnPrintouts:
    """The same papers again, marked as a reprint."""
    return for_return(number, lang, reprint=True, url=url)


def _slip(data: SlipData, shop: ShopInfo, size: str, lang: str) -> Printout:
    return Printout("slip", data.number, render_return_slip(data, shop, size, lang, "customer"),
                    render_return_slip(data, shop, size, lang, "shop"), data)


def coupon(code: str, lang: str, url: str | None = None, paper: str | None = None) -> Printout:
    with session_scope(url, write=False) as s:
        cfg, data = settings_in(s), documents.coupon_in(s, code)
    return Printout("coupon", data.code, render_coupon(data, documents.shop_info_of(cfg), paper or paper_of(cfg),
                                                       lang), data=data)


def voucher(code: str, lang: str, url: str | None = None, paper: str | None = None) -> Printout:
    with session_scope(url, write=False) as s:
        cfg, data = settings_in(s), documents.voucher_in(s, code)
    return Printout("voucher", data.code, render_voucher(data, documents.shop_info_of(cfg), paper or paper_of(cfg),
                                                         lang), data=data)


def end_of_day(day: date | None, lang: str, url: str | None = None, paper: str | None = None) -> Printout:
    """The day's report (today's by default, in the shop's time zone), on the shop's paper unless told."""
    data = end_of_day_data(day or documents.today(), url)
    cfg = _settings(url)
    return Printout("eod", data.day.isoformat(), render_end_of_day(data, documents.shop_info_of(cfg),
                                                                   paper or paper_of(cfg), lang))


def policy_notice(lang: str, url: str | None = None, paper: str | None = None) -> Printout:
    data = documents.policy_notice_data()
    cfg = _settings(url)
    return Printout("policy", data.version, render_policy_notice(data, documents.shop_info_of(cfg),
                                                                 paper or paper_of(cfg), lang))


def _settings(url: str | None) -> dict[str, str]:
    with session_scope(url, write=False) as s:
        return settings_in(s)


def document_pdf(document: str, key: str | None = None, *, paper: str | None = None, lang: str = "zh_CN",
                 copy: str = "customer", reprint: bool = False, url: str | None = None) -> bytes:
    """The PDF of one document from the database, as `returns-desk print` saves or sends it.

    document: slip / coupon / voucher / eod / policy; key: slip number, code, or ISO date (eod).
    paper None = the shop's print.paper setting (A4 for eod and policy).
    """
    if document not in DOCUMENTS:
        raise InvalidInput(f"未知的单据：{document}", f"Unknown document: {document}")
    if document in ("eod", "policy"):
        size = paper or "a4"
        return (end_of_day(day_of(key), lang, url, size) if document == "eod"
                else policy_notice(lang, url, size)).pdf
    if not key:
        raise InvalidInput("请给出单号或券码。", f"Which {document}? Give its number or code.")
    if document == "slip":
        with session_scope(url, write=False) as s:
            cfg, data = settings_in(s), documents.slip_in(s, key, reprint=reprint)
        return render_return_slip(data, documents.shop_info_of(cfg), paper or paper_of(cfg), lang, copy)
    # coupon or voucher: print what the code really is, whichever word the clerk typed.
    make = coupon if documents.code_kind(key, url) == "coupon" else voucher
    return make(key, lang, url, paper).pdf


def repair_ticket(number: str, lang: str, url: str | None = None, paper: str | None = None) -> tuple[Printout, ...]:
    """A repair ticket twice: the customer's copy to collect with, and the tag that goes with the item."""
    from app.printing.repair_ticket import COPIES, render_repair_ticket
    from app.services import repair_papers

    with session_scope(url, write=False) as s:
        cfg, data = settings_in(s), repair_papers.ticket_data(s, number)
    shop, size = documents.shop_info_of(cfg), paper or paper_of(cfg)
    return tuple(Printout("repair" if copy == "customer" else "repair_tag", data.number,
                          render_repair_ticket(data, shop, size, lang, copy)) for copy in COPIES)


def supplier_claim(supplier: str, lang: str, url: str | None = None, paper: str | None = None) -> Printout:
    """The return-to-supplier claim sheet of one supplier (A4 unless told)."""
    from app.printing.claim_sheet import render_claim_sheet
    from app.services import repair_papers

    data = repair_papers.claim_data(supplier, url)
    cfg = _settings(url)
    return Printout("claim", data.code, render_claim_sheet(data, documents.shop_info_of(cfg), paper or "a4", lang))
