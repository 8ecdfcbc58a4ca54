"""`returns-desk print slip|coupon|voucher|eod|policy`: reprint a document to a PDF file or a printer."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from app.db import init_database
from app.errors import InvalidInput
from app.printing import (
    PAPERS,
    render_coupon,
    render_end_of_day,
    render_policy_notice,
    render_return_slip,
    render_voucher,
)
from app.printing.spool import save_pdf, send_to_printer
from app.services import documents
from app.services.shop import get_settings
from app.settings import SHOP_TZ

DOCUMENTS = ("slip", "coupon", "voucher", "eod", "policy")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("print", help="print or save a slip, coupon, voucher, end-of-day report or policy notice",
                            description="Reprint a document. Without --out it goes to the printer (lp).")
    parser.add_argument("document", choices=DOCUMENTS)
    parser.add_argument("key", nargs="?", metavar="NUMBER_OR_DATE",
                        help="slip number (RT…), coupon/voucher code, or the report's date YYYY-MM-DD "
                             "(default today); not used for policy")
    parser.add_argument("--out", metavar="FILE.pdf", help="save as PDF here instead of printing")
    parser.add_argument("--paper", choices=tuple(PAPERS), help="default: the shop's print.paper setting "
                        "(80mm); A4 for eod and policy")
    # Its own dest: the top-level --lang (screens and messages) must not be reset by this one.
    parser.add_argument("--lang", dest="print_lang", choices=("zh_CN", "en"),
                        help="language of the document (default: as the command's --lang, else zh_CN)")
    parser.add_argument("--copy", choices=("customer", "shop"), default="customer", help="slip copy")
    parser.add_argument("--printer", help="printer name for lp (default: the system's default printer)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    init_database()
    lang = args.print_lang or args.lang or "zh_CN"
    pdf = render(args.document, args.key, paper=args.paper, lang=lang, copy=args.copy)
    if args.out:
        path = save_pdf(pdf, args.out)
        print(f"{path} ({len(pdf):,} bytes)")
    else:
        print(send_to_printer(pdf, args.printer, title=f"{args.document} {args.key or ''}".strip()))
    return 0


def render(document: str, key: str | None, *, paper: str | None = None, lang: str = "zh_CN",
           copy: str = "customer") -> bytes:
    """The PDF of one document from the database, as the counter would print it."""
    shop = documents.shop_info()
    if paper is None:
        paper = "a4" if document in ("eod", "policy") else get_settings().get("print.paper", "80mm")
    if document in ("slip", "coupon", "voucher") and not key:
        raise InvalidInput("请给出单号或券码。", f"Which {document}? Give its number or code.")
    if document == "slip":
        return render_return_slip(documents.slip_data(key, reprint=True), shop, paper, lang, copy)
    if document in ("coupon", "voucher"):
        # Print what the code really is, whichever word the clerk typed.
        if documents.code_kind(key) == "coupon":
            return render_coupon(documents.coupon_data(key), shop, paper, lang)
        return render_voucher(documents.voucher_data(key), shop, paper, lang)
    if document == "eod":
        return render_end_of_day(documents.end_of_day_data(_day(key)), shop, paper, lang)
    return render_policy_notice(documents.policy_notice_data(), shop, paper, lang)


def _day(key: str | None) -> date:
    if not key:
        return datetime.now(SHOP_TZ).date()
    try:
        return date.fromisoformat(key)
    except ValueError:
        raise InvalidInput(f"日期格式应为 YYYY-MM-DD：{key}", f"The date must look like 2026-11-22: {key}") from None
