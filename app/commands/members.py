"""`returns-desk member export|erase CARD`: one member's personal data out as JSON, or erased (admin only)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands import ask_pin
from app.services import privacy
from app.services.startup import open_shop
from app.services.users import sign_in


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("member", help="one member's personal data: export (JSON) or erase")
    what = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = what.add_parser("export", help="write everything kept about the member as JSON")
    export.add_argument("card")
    export.add_argument("--out", type=Path, help="JSON file (default: print it)")
    erase = what.add_parser("erase", help="erase the member, their complaints, notes, follow-ups and ratings")
    erase.add_argument("card")
    erase.add_argument("--yes", action="store_true", help="really erase (it cannot be undone)")
    for one in (export, erase):
        one.add_argument("--user", required=True, help="an admin; the PIN from RETURNS_DESK_PIN or a prompt")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_shop()
    en = args.lang == "en"
    admin = sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))
    if args.action == "export":
        text = json.dumps(privacy.export_member(admin, args.card), ensure_ascii=False, indent=2)
        if args.out:
            from app.services.staff_cards import save

            save(args.out, text.encode("utf-8"))
            print(str(args.out))
        else:
            print(text)
        return 0
    if not args.yes:
        print("Add --yes to erase: it cannot be undone." if en else "确认删除请加 --yes：删除后无法恢复。")
        return 1
    counts = privacy.erase_member(admin, args.card)
    print(("Erased; kept anonymous: " if en else "已删除；匿名保留：") + json.dumps(counts, ensure_ascii=False))
    return 0
