"""`returns-desk user add|disable|enable|reset-pin|unlock|change-pin|card|list` and `unlock` with the recovery code."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import ask_pin
from app.errors import InvalidInput
from app.services import staff, staff_cards
from app.services.setup import unlock_with_recovery
from app.services.startup import open_shop
from app.services.users import sign_in
from app.services.views import UserView

ADMIN_HELP = "the admin doing it; the PIN from RETURNS_DESK_PIN or a prompt"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("user", help="the shop's users: add, disable, enable, reset or change a PIN, cards")
    what = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = what.add_parser("add", help="add a user (they change the PIN at their first sign-in)")
    add.add_argument("username")
    add.add_argument("--role", choices=("clerk", "supervisor", "admin"), required=True)
    add.add_argument("--name", default="", help="the name shown on screen")
    for name, helptext in (("disable", "stop a user signing in"), ("enable", "let a disabled user in again"),
                           ("reset-pin", "give a new PIN, to be changed at next sign-in"),
                           ("unlock", "unlock a user locked after wrong PINs"),
                           ("card", "print the user's staff card (Code 128 PDF)")):
        one = what.add_parser(name, help=helptext)
        one.add_argument("username")
        if name == "card":
            one.add_argument("--out", type=Path, help="PDF file (default USERNAME-card.pdf)")
    for one in [p for n, p in what.choices.items()]:
        one.add_argument("--user", required=True, help=ADMIN_HELP)
    what.add_parser("list", help="every user, role and state").add_argument("--user", required=True, help=ADMIN_HELP)
    change = what.add_parser("change-pin", help="change your own PIN (old PIN in RETURNS_DESK_PIN, new in "
                                                "RETURNS_DESK_NEW_PIN, or prompts)")
    change.add_argument("username")
    parser.set_defaults(func=run)
    unlock = sub.add_parser("unlock", help="unlock the owner's account with the recovery code from setup")
    unlock.add_argument("username")
    unlock.add_argument("--recovery-code", required=True)
    unlock.set_defaults(func=run_recovery)


def _admin(args: argparse.Namespace) -> UserView:
    return sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))


def _new_pin(who: str) -> str:
    return ask_pin("RETURNS_DESK_NEW_PIN", f"{who}, new")


def run(args: argparse.Namespace) -> int:
    open_shop()
    en, action = args.lang == "en", args.action
    if action == "change-pin":
        staff.change_pin(args.username, ask_pin("RETURNS_DESK_PIN", args.username), _new_pin(args.username))
        print("PIN changed." if en else "PIN 已更改。")
        return 0
    admin = _admin(args)
    if action == "list":
        for row in staff.rows(admin):
            state = ("disabled" if not row.active else "locked" if row.locked else
                     "must change PIN" if row.must_change_pin else "ok")
            print(f"{row.username:<16} {row.role:<10} {state:<16} {row.staff_code:<14} {row.display_name}")
        return 0
    if action == "add":
        staff.add_user(admin, args.username, args.name, args.role, _new_pin(args.username))
    elif action in ("disable", "enable"):
        staff.set_active(admin, args.username, action == "enable")
    elif action == "reset-pin":
        staff.reset_pin(admin, args.username, _new_pin(args.username))
    elif action == "unlock":
        staff.unlock(admin, args.username)
    else:
        out = args.out or Path(f"{args.username.strip()}-card.pdf")
        staff_cards.save(out, staff_cards.card_pdf(admin, args.username))
        print(str(out))
        return 0
    print(f"{action}: {args.username} done" if en else f"{action}：{args.username} 已完成")
    return 0


def run_recovery(args: argparse.Namespace) -> int:
    open_shop()
    if not args.recovery_code.strip():
        raise InvalidInput("请提供恢复码。", "Give the recovery code.")
    fresh = unlock_with_recovery(args.username, args.recovery_code)
    en = args.lang == "en"
    print(f"{args.username} unlocked. The old recovery code is spent; the new one (shown once):" if en
          else f"{args.username} 已解锁。旧恢复码已作废，新恢复码（只显示这一次）：")
    print(f"    {fresh}")
    return 0


