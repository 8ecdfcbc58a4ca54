"""`returns-desk watch`: import what the till drops into the shop's drop folder, as a service would."""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from app.commands import ask_pin
from app.errors import InvalidInput
from app.services import drop_folder
from app.services.startup import open_shop
from app.services.users import sign_in


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("watch", help="import the till's exports from the drop folder (a service loop)",
                            description="Check the shop's drop folder every few seconds; each file is imported "
                                        "as the shop's till-import account (no PIN: the owner named it), audited "
                                        "and moved to done/ or rejected/. --set FOLDER (the owner only, --user "
                                        "with the PIN in RETURNS_DESK_PIN or a prompt) chooses the folder, the "
                                        "mapping and the account. With --user and no --set it runs as that user.")
    parser.add_argument("--set", type=Path, metavar="FOLDER", help="choose the drop folder (owner only)")
    parser.add_argument("--mapping", type=Path, help="column mapping for the till's CSV (with --set)")
    parser.add_argument("--account", default=drop_folder.TILL_ACCOUNT,
                        help=f"the account the files are imported as (with --set; default {drop_folder.TILL_ACCOUNT})")
    parser.add_argument("--user", help="an admin (owner) user name, to --set; or to run the watcher as yourself")
    parser.add_argument("--once", action="store_true", help="check once and exit (for a scheduled task)")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between checks (default 10)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_shop()
    en = args.lang == "en"
    user = sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user)) if args.user else None
    if args.set is not None:
        drop_folder.set_folder(user, args.set, args.mapping, args.account)
        print(f"Drop folder: {args.set}, imported as {args.account}" if en
              else f"导入文件夹：{args.set}，导入账户：{args.account}")
        return 0
    folder, mapping = drop_folder.configured()
    if folder is None:
        raise InvalidInput("还没有设置导入文件夹：returns-desk watch --set 文件夹 --user 店长",
                           "no drop folder set yet: returns-desk watch --set FOLDER --user OWNER")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    while True:
        for f in drop_folder.check(folder, mapping, by=user):
            r = f.report
            print(f"{f.name}: {r.imported} imported, {r.unchanged} unchanged, {len(r.rejected)} rejected → "
                  f"{f.moved_to.parent.name}/" if en else
                  f"{f.name}：导入 {r.imported}，未变 {r.unchanged}，拒绝 {len(r.rejected)} → {f.moved_to.parent.name}/",
                  flush=True)
        if args.once:
            return 0
        time.sleep(args.every)
