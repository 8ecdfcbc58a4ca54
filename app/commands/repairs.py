"""`returns-desk repair new|status|list|print` and `returns-desk supplier claim SUPPLIER`."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from app.commands import ask_pin
from app.domain.vocabulary import REPAIR_OUTCOMES, REPAIR_STATUSES, label
from app.errors import InvalidInput
from app.printing.spool import media_of, save_pdf, send_to_printer
from app.services import printouts, repair_status, repairs
from app.services.loop_views import RepairTicketView
from app.services.startup import open_shop
from app.services.users import sign_in


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("repair", help="repair tickets (维修单): take in, move on, list, print")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    new = verbs.add_parser("new", help="take in a walk-in warranty repair")
    new.add_argument("--sku", required=True)
    new.add_argument("--fault", required=True, help="the fault as the customer describes it")
    new.add_argument("--serial", default="")
    new.add_argument("--accessories", default="", help="what was handed in with it")
    new.add_argument("--member", help="member card")
    new.add_argument("--phone", default="", help="phone to call when it is back")
    new.add_argument("--receipt", help="the receipt it was bought on (counts toward its repair history)")
    new.add_argument("--call", choices=("yes", "no"), help="the customer's answer: a follow-up call after collecting")
    new.set_defaults(func=run_new)
    status = verbs.add_parser("status", help="show a ticket, or move it on with --to")
    status.add_argument("number")
    status.add_argument("--to", choices=tuple(REPAIR_STATUSES), help="the new status")
    status.add_argument("--outcome", choices=tuple(REPAIR_OUTCOMES), default="", help="with --to back")
    status.add_argument("--told", action="store_true", help="record that the customer was told")
    status.add_argument("--note", default="")
    status.set_defaults(func=run_status)
    listing = verbs.add_parser("list", help="open tickets (or --overdue only)")
    listing.add_argument("--overdue", action="store_true")
    listing.set_defaults(func=run_list)
    printing = verbs.add_parser("print", help="print the customer's ticket and the item tag")
    printing.add_argument("number")
    printing.add_argument("--out", metavar="PREFIX", help="save PREFIX-repair.pdf and PREFIX-repair_tag.pdf")
    printing.add_argument("--printer", help="CUPS queue (default: the system's); each paper's own size goes with it")
    printing.set_defaults(func=run_print)
    for verb, needed in ((new, True), (status, False)):
        verb.add_argument("--user", required=needed, help="acting user (PIN from RETURNS_DESK_PIN or a prompt)")
    for verb in (new, status, listing):
        verb.add_argument("--json", action="store_true")
    supplier = sub.add_parser("supplier", help="supplier quality: the return-to-supplier claim sheet")
    claim = supplier.add_subparsers(dest="verb", metavar="VERB", required=True).add_parser(
        "claim", help="print the claim sheet of the faulty units set aside for SUPPLIER")
    claim.add_argument("supplier")
    claim.add_argument("--out", metavar="FILE.pdf")
    claim.add_argument("--printer", help="CUPS queue (default: the system's)")
    claim.set_defaults(func=run_claim)


def _user(args: argparse.Namespace):
    if not args.user:
        raise InvalidInput("请用 --user 说明是谁在操作。", "Give --user: who is doing this.")
    return sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))


def _show(ticket: RepairTicketView, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(asdict(ticket), ensure_ascii=False, default=str, indent=2))
        return
    lang = args.lang or "zh_CN"
    late = " !" if ticket.overdue else ""
    print(f"{ticket.number}  {label(REPAIR_STATUSES, ticket.status, lang)}{late}  {ticket.product_name}  "
          f"{ticket.serial}  {ticket.promised_at:%Y-%m-%d %H:%M}  {ticket.fault}")


def run_new(args: argparse.Namespace) -> int:
    open_shop()
    _show(repairs.walk_in(_user(args), sku=args.sku, fault=args.fault, serial=args.serial,
                          accessories=args.accessories, member_card=args.member, phone=args.phone,
                          receipt_no=args.receipt, call_agreed=None if args.call is None else args.call == "yes"),
          args)
    return 0


def run_status(args: argparse.Namespace) -> int:
    open_shop()
    ticket = repairs.ticket(args.number)
    if args.to or args.told:
        user = _user(args)
        if args.to:
            ticket = repair_status.advance(args.number, args.to, user, outcome=args.outcome, note=args.note)
        if args.told:
            ticket = repair_status.tell_customer(args.number, user)
    _show(ticket, args)
    return 0


def run_list(args: argparse.Namespace) -> int:
    open_shop()
    tickets = repairs.overdue() if args.overdue else repairs.open_tickets()
    if args.json:
        print(json.dumps([asdict(t) for t in tickets], ensure_ascii=False, default=str, indent=2))
    for t in [] if args.json else tickets:
        _show(t, args)
    return 0


def run_print(args: argparse.Namespace) -> int:
    open_shop()
    for doc in printouts.repair_ticket(args.number, args.lang or "zh_CN"):
        if args.out:
            print(save_pdf(doc.pdf, f"{args.out}-{doc.key}.pdf"))
        else:
            # the paper's own size: without it CUPS centres a roll ticket on the queue's A4
            print(send_to_printer(doc.pdf, args.printer, title=f"{doc.key} {doc.code}", media=media_of(doc.pdf)))
    return 0


def run_claim(args: argparse.Namespace) -> int:
    open_shop()
    doc = printouts.supplier_claim(args.supplier, args.lang or "zh_CN")
    print(save_pdf(doc.pdf, args.out) if args.out else
          send_to_printer(doc.pdf, args.printer, title=f"claim {doc.code}", media=media_of(doc.pdf)))
    return 0
