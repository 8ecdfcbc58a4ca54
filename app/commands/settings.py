"""`returns-desk settings paper|region|backup-folder|backup-keep [VALUE]`: show or change a shop setting."""

from __future__ import annotations

import argparse

from app.commands import ask_pin
from app.services import shop
from app.services.startup import open_shop
from app.services.users import sign_in


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("settings", help="show or change the shop's settings (paper size)",
                            description="Show or change the shop's settings.")
    what = parser.add_subparsers(dest="setting", metavar="SETTING", required=True)
    paper = what.add_parser("paper", help="the paper slips, coupons and reports print on",
                            description="Without SIZE: show the paper in use. With SIZE: change it "
                                        "(the owner only: --user with the PIN in RETURNS_DESK_PIN or a prompt).")
    paper.add_argument("size", nargs="?", choices=shop.PAPER_SIZES, type=str.lower)
    paper.add_argument("--user", help="an admin (owner) user name; needed to change the paper")
    paper.set_defaults(func=run_paper)
    region = what.add_parser("region", help="the shop's region, whose legal floor every quote applies",
                             description="Without NAME: show the region. With NAME (national, shanghai, "
                                         "zhejiang): change it (the owner only, as for the paper).")
    region.add_argument("name", nargs="?", type=str.lower)
    region.add_argument("--user", help="an admin (owner) user name; needed to change the region")
    region.set_defaults(func=run_region)
    for name, key, what_for in (("backup-folder", "backup.folder", "the folder daily backups go to (a USB stick)"),
                                ("backup-keep", "backup.keep", "how many backups are kept"),
                                ("import-account", "import.account", "the user the watched-folder import runs as"),
                                ("paper-language", "print.language",
                                 "the customer's papers' language: zh_CN (Chinese with English) or en"),
                                ("shop-copy", "print.shop_copy", "yes: completing a return prints the shop copy too"),
                                *((f"pin-{role}", f"pin.min_{role}", f"the fewest digits of a {role}'s PIN")
                                  for role in ("clerk", "supervisor", "admin"))):
        one = what.add_parser(name, help=what_for, description=f"Without VALUE: show {what_for}. With VALUE: "
                                                               "change it (the owner only, as for the paper).")
        one.add_argument("value", nargs="?")
        one.add_argument("--user", help="an admin (owner) user name; needed to change it")
        one.set_defaults(func=run_shared, key=key)


def _show_or_change(args: argparse.Namespace, value: str | None, show, change, label: tuple[str, str]) -> int:  # type: ignore[no-untyped-def]
    """Without a value: print the setting. With one: the service changes it for the signed-in user."""
    open_shop()
    if value is None:
        print(show())
        return 0
    # No user, no change: the service refuses anyone who is not signed in as the owner.
    user = sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user)) if args.user else None
    changed = change(user, value)
    print(f"{label[1] if args.lang == 'en' else label[0]}{changed}")
    return 0


def run_paper(args: argparse.Namespace) -> int:
    return _show_or_change(args, args.size, shop.paper, shop.set_paper, ("打印纸：", "Paper: "))


def run_region(args: argparse.Namespace) -> int:
    return _show_or_change(args, args.name, lambda: shop.region_of(shop.get_settings()), shop.set_region,
                           ("地区：", "Region: "))


def run_shared(args: argparse.Namespace) -> int:
    return _show_or_change(args, args.value, lambda: shop.get_settings().get(args.key, "") or "-",
                           lambda user, value: shop.set_setting(user, args.key, value),
                           (f"{args.key}: ", f"{args.key}: "))
