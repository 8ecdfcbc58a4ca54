"""`returns-desk followup list|record`: the follow-up calls due, and the outcome of one call."""

from __future__ import annotations

import argparse
import json

from app.commands import ask_pin
from app.domain.vocabulary import CALL_OUTCOMES, SATISFACTION
from app.services import followups
from app.services.loop_views import FollowUpView
from app.services.startup import open_shop
from app.services.users import sign_in
from app.settings import SHOP_TZ


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("followup", help="follow-up calls (回访): the queue and each call's outcome")
    cmds = parser.add_subparsers(dest="followup_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help="the open calls, the one due first at the top")
    listing.add_argument("--due", action="store_true", help="only those due by now")
    record = cmds.add_parser("record", help="record one call")
    record.add_argument("id", type=int)
    record.add_argument("--outcome", choices=list(CALL_OUTCOMES), required=True)
    record.add_argument("--solved", choices=("yes", "no"), help="reached: is the problem really solved?")
    record.add_argument("--satisfaction", choices=list(SATISFACTION))
    record.add_argument("--notes", default="")
    for p in (listing, record):
        p.add_argument("--user", required=True, help="acting user name (PIN from RETURNS_DESK_PIN or a prompt)")
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_shop()
    user = sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))
    if args.followup_command == "list":
        rows = followups.queue(user, due_only=args.due)
    else:
        rows = [followups.record(user, args.id, args.outcome, solved=None if args.solved is None else
                                 args.solved == "yes", satisfaction_level=args.satisfaction, notes=args.notes)]
    if args.json:
        print(json.dumps([followup_json(f) for f in rows], ensure_ascii=False, indent=2))
    else:
        print("\n".join(line(f) for f in rows) or ("Nothing to call." if args.lang == "en" else "没有待回访。"))
    return 0


def followup_json(f: FollowUpView) -> dict[str, object]:
    return {"id": f.id, "trigger": f.trigger, "subject": f.subject, "member": f.member_card, "phone": f.phone_masked,
            "status": f.status, "due_at": f.due_at.astimezone(SHOP_TZ).isoformat(), "attempts": f.attempts,
            "last_outcome": f.last_outcome}


def line(f: FollowUpView) -> str:
    due = f.due_at.astimezone(SHOP_TZ).strftime("%m-%d %H:%M")
    return (f"{f.id:>4}  {due}  {f.trigger:<9} {f.subject}  {f.member_card or '-'} {f.phone_masked}  "
            f"{f.status} ({f.attempts}/{followups.MAX_ATTEMPTS})")
