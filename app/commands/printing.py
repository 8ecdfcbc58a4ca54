"""`returns-desk print slip|coupon|voucher|eod|policy`: reprint a document to a PDF file or a printer."""

from __future__ import annotations

import argparse

from app.printing import PAPERS
from app.printing.spool import media_of, save_pdf, send_to_printer
from app.services import printouts
from app.services.startup import open_shop


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("print", help="print or save a slip, coupon, voucher, end-of-day report or policy notice",
                            description="Reprint a document. Without --out it goes to the printer (lp).")
    parser.add_argument("document", choices=printouts.DOCUMENTS)
    parser.add_argument("key", nargs="?", metavar="NUMBER_OR_DATE",
                        help="slip number (RT…), coupon/voucher code, or the report's date YYYY-MM-DD "
                             "(default today); not used for policy")
    parser.add_argument("--out", metavar="FILE.pdf", help="save as PDF here instead of printing")
    parser.add_argument("--paper", choices=tuple(PAPERS), help="default: the shop's paper setting "
                        "(`returns-desk settings paper`, 80mm unless changed); A4 for eod and policy")
    # Its own dest: the top-level --lang (screens and messages) must not be reset by this one.
    parser.add_argument("--lang", dest="print_lang", choices=("zh_CN", "en"),
                        help="language of the document (default: as the command's --lang, else zh_CN)")
    parser.add_argument("--copy", choices=("customer", "shop"), default="customer", help="slip copy")
    parser.add_argument("--printer", help="printer (CUPS queue) name for lp (default: the system's default "
                        "printer); the document's own page size goes with it as -o media=…")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_shop()
    lang = args.print_lang or args.lang or "zh_CN"
    pdf = printouts.document_pdf(args.document, args.key, paper=args.paper, lang=lang, copy=args.copy,
                                 reprint=True)
    if args.out:
        path = save_pdf(pdf, args.out)
        print(f"{path} ({len(pdf):,} bytes)")
    else:
        # The page's own size goes to the queue: without it CUPS centres an 80 mm slip on the driver's A4.
        title = f"{args.document} {args.key or ''}".strip() + (" (shop copy)" if args.copy == "shop" else "")
        print(send_to_printer(pdf, args.printer, title=title, media=media_of(pdf)))
    return 0
