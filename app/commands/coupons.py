"""`returns-desk coupon check|redeem|void|birthday|flagged`: coupons and store credit without a screen."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date

from app.commands import ask_pin
from app.domain.money import format_fen
from app.services import coupon_counter, coupon_issue
from app.services.startup import open_shop
from app.services.users import sign_in
from app.services.views import CodeStatusView


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("coupon", help="coupons and store credit: check, redeem, void, birthday coupons")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    check = verbs.add_parser("check", help="what a code is worth and whether it can be used")
    check.add_argument("code")
    check.set_defaults(func=run_check)
    redeem = verbs.add_parser("redeem", help="use a code against a purchase")
    redeem.add_argument("code")
    redeem.add_argument("--purchase", type=int, required=True, metavar="FEN", help="the purchase amount in fen")
    redeem.set_defaults(func=run_redeem)
    void = verbs.add_parser("void", help="void a code (supervisor)")
    void.add_argument("code")
    void.add_argument("--note", default="")
    void.set_defaults(func=run_void)
    birthday = verbs.add_parser("birthday", help="issue birthday coupons for this week's birthdays (supervisor)")
    birthday.add_argument("--day", type=date.fromisoformat, help="a day of the week (default today)")
    birthday.add_argument("--value", type=int, default=500, metavar="FEN")
    birthday.add_argument("--min-spend", type=int, default=3000, metavar="FEN")
    birthday.set_defaults(func=run_birthday)
    flagged = verbs.add_parser("flagged", help="codes used more than once (for the supervisor)")
    flagged.set_defaults(func=run_flagged)
    for verb in (redeem, void, birthday):
        verb.add_argument("--user", required=True, help="acting user (PIN from RETURNS_DESK_PIN or a prompt)")
    for verb in (check, redeem, void, birthday):
        verb.add_argument("--json", action="store_true")


def _user(args: argparse.Namespace):
    return sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))


def _show(code: CodeStatusView, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(asdict(code), ensure_ascii=False, default=str))
        return
    left = f"  balance {format_fen(code.balance)}" if code.balance is not None else ""
    used = f"  {code.used_at:%Y-%m-%d %H:%M} {code.used_where}" if code.used_at else ""
    print(f"{code.code}  {code.kind}  {code.status}  {format_fen(code.value)}{left}{used}")


def run_check(args: argparse.Namespace) -> int:
    open_shop()
    _show(coupon_counter.check(args.code), args)
    return 0


def run_redeem(args: argparse.Namespace) -> int:
    open_shop()
    done = coupon_counter.redeem(args.code, args.purchase, _user(args))
    if args.json:
        print(json.dumps(asdict(done)))
    else:
        left = f", balance {format_fen(done.balance)}" if done.balance is not None else ""
        print(f"{done.code}: {format_fen(done.taken_off)} off, to pay {format_fen(done.to_pay)}{left}")
    return 0


def run_void(args: argparse.Namespace) -> int:
    open_shop()
    _show(coupon_counter.void(args.code, _user(args), note=args.note), args)
    return 0


def run_birthday(args: argparse.Namespace) -> int:
    open_shop()
    for code in coupon_issue.birthday_coupons(_user(args), day=args.day, value=args.value, min_spend=args.min_spend):
        _show(code, args)
    return 0


def run_flagged(args: argparse.Namespace) -> int:
    open_shop()
    for code, at, where, who in coupon_counter.flagged():
        print(f"{code}  {at:%Y-%m-%d %H:%M}  {where}  {who}")
    return 0
