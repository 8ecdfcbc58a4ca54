"""`returns-desk complaint new|note|resolve|reopen|list`: the complaint register without a screen."""

from __future__ import annotations

import argparse
import json

from app.commands import ask_pin
from app.domain.vocabulary import CHANNELS, COMPLAINT_TYPES, RESOLUTION_CATEGORIES, SEVERITIES
from app.services import complaints, standards
from app.services.complaints import Compensation
from app.services.loop_views import ComplaintView
from app.services.startup import open_shop
from app.services.users import sign_in
from app.services.views import UserView
from app.settings import SHOP_TZ

USER_HELP = "acting user name (PIN from RETURNS_DESK_PIN or a prompt)"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("complaint", help="log, note, resolve, reopen and list complaints (投诉)")
    cmds = parser.add_subparsers(dest="complaint_command", metavar="ACTION", required=True)
    new = cmds.add_parser("new", help="log a complaint")
    new.add_argument("description")
    new.add_argument("--channel", choices=list(CHANNELS), default="counter")
    new.add_argument("--type", choices=list(COMPLAINT_TYPES), default="quality")
    new.add_argument("--severity", choices=list(SEVERITIES), default="normal")
    new.add_argument("--related", help="receipt or return slip number")
    new.add_argument("--member", help="member card or phone")
    new.add_argument("--phone", default="", help="a non-member's phone number")
    new.add_argument("--call", choices=("yes", "no"), help="the customer agrees to a follow-up call")
    note = cmds.add_parser("note", help="add a progress note (the first one is the response)")
    note.add_argument("number")
    note.add_argument("text")
    resolve = cmds.add_parser("resolve", help="resolve with a category (compensation: supervisor)")
    resolve.add_argument("number")
    resolve.add_argument("--category", choices=list(RESOLUTION_CATEGORIES), required=True)
    resolve.add_argument("--resolution", required=True, help="what was done")
    resolve.add_argument("--coupon", type=int, metavar="FEN", help="compensation coupon value in fen")
    resolve.add_argument("--store-credit", type=int, metavar="FEN", help="compensation store credit in fen")
    resolve.add_argument("--call", choices=("yes", "no"), help="the customer agrees to a follow-up call")
    reopen = cmds.add_parser("reopen", help="the customer came back (a second contact)")
    reopen.add_argument("number")
    reopen.add_argument("why")
    listing = cmds.add_parser("list", help="the work list: what falls due next first")
    listing.add_argument("--all", action="store_true", help="resolved ones too")
    std = cmds.add_parser("standards", help="show or (owner) set the service standards: deadlines, opening days")
    std.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                     help=f"one of {', '.join(standards.KEYS)}; e.g. shop.open_days=123456, "
                          "shop.holidays=2026-10-01,2026-10-02, service.respond_hours=12")
    for p in (new, note, resolve, reopen, listing, std):
        p.add_argument("--user", required=True, help=USER_HELP)
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.set_defaults(func=run)


def _agreed(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def run(args: argparse.Namespace) -> int:
    open_shop()
    user = sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))
    action = args.complaint_command
    if action == "standards":
        return _standards(user, args)
    if action == "list":
        rows = complaints.work_list(user, include_resolved=args.all)
        print(json.dumps([complaint_json(c) for c in rows], ensure_ascii=False, indent=2) if args.json
              else "\n".join(line(c, args.lang) for c in rows) or ("No complaints." if args.lang == "en" else "没有投诉。"))
        return 0
    if action == "new":
        done = complaints.log(user, description=args.description, channel=args.channel, type=args.type,
                              severity=args.severity, related=args.related, member_card=args.member,
                              phone=args.phone, call_agreed=_agreed(args.call))
    elif action == "note":
        done = complaints.note(user, args.number, args.text)
    elif action == "resolve":
        comp = (Compensation("coupon", args.coupon) if args.coupon else
                Compensation("store_credit", args.store_credit) if args.store_credit else None)
        done = complaints.resolve(user, args.number, args.category, args.resolution, compensation=comp,
                                  call_agreed=_agreed(args.call))
    else:
        done = complaints.reopen(user, args.number, args.why)
    print(json.dumps(complaint_json(done), ensure_ascii=False, indent=2) if args.json else line(done, args.lang))
    return 0


def _local(when: object) -> str | None:
    return when.astimezone(SHOP_TZ).isoformat() if when is not None else None  # type: ignore[attr-defined]


def complaint_json(c: ComplaintView) -> dict[str, object]:
    return {"number": c.number, "status": c.status, "channel": c.channel, "type": c.type, "severity": c.severity,
            "description": c.description, "member": c.member_card, "phone": c.phone_masked,
            "receipt": c.receipt_no, "return": c.return_no, "owner": c.owner, "created_at": _local(c.created_at),
            "respond_by": _local(c.respond_by), "resolve_by": _local(c.resolve_by),
            "next_due": _local(c.next_due), "overdue": c.overdue, "escalated": c.escalated,
            "contacts": c.contacts, "category": c.category, "resolution": c.resolution,
            "notes": [{"at": _local(n.at), "by": n.author, "text": n.text} for n in c.notes]}


def line(c: ComplaintView, lang: str) -> str:
    en = lang == "en"
    due = c.next_due.astimezone(SHOP_TZ).strftime("%m-%d %H:%M") if c.next_due else "-"
    flag = (" OVERDUE" if en else " 已逾期") if c.overdue else ""
    flag += (" [owner told]" if en else " [已报店长]") if c.escalated else ""
    return (f"{c.number}  {c.status}  {c.severity}  {c.type}  {'due' if en else '期限'} {due}{flag}  "
            f"x{c.contacts}  {c.description}")


def _standards(user: UserView, args: argparse.Namespace) -> int:
    if args.set:
        pairs = [item.partition("=") for item in args.set]
        std = standards.set_standards(user, {k.strip(): v.strip() for k, _, v in pairs})
    else:
        std = standards.current()
    shown = {"respond_hours": std.respond_hours, "resolve_hours": std.resolve_hours,
             "urgent_respond_hours": std.urgent_respond_hours, "urgent_resolve_hours": std.urgent_resolve_hours,
             "followup_days": std.followup_days, "open_days": "".join(str(d) for d in sorted(std.open_weekdays)),
             "holidays": [d.isoformat() for d in sorted(std.holidays)], "opens": std.opens.strftime("%H:%M")}
    print(json.dumps(shown, ensure_ascii=False, indent=2) if args.json
          else "\n".join(f"{k}: {v}" for k, v in shown.items()))
    return 0
