"""`returns-desk backup [DIR]`, `restore FILE`, `check`: copies of the shop, bringing one back, and a health check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands import ask_pin
from app.errors import NotAllowed
from app.services import backups
from app.services.audit import parse_anchor
from app.services.views import UserView


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    made = sub.add_parser("backup", help="copy the database (verified; the last N kept)",
                          description="Copy the shop's database into DIR (default: the shop's backup folder), "
                                      "check the copy, keep the newest N and write the audit anchor beside it.")
    made.add_argument("dir", nargs="?", type=Path, help="folder for the copy, e.g. a USB stick")
    made.add_argument("--keep", type=int, help="how many copies to keep there (default: the shop's setting, 14)")
    made.set_defaults(func=run_backup)
    back = sub.add_parser("restore", help="bring the database back from a backup (checked first)",
                          description="Check FILE, keep the current database aside, put FILE in its place. "
                                      "An admin signs in (--user, PIN in RETURNS_DESK_PIN) unless the current "
                                      "database is missing or damaged.")
    back.add_argument("file", type=Path)
    back.add_argument("--user", help="an admin user name")
    back.set_defaults(func=run_restore)
    check = sub.add_parser("check", help="integrity, foreign keys and the audit trail against its anchor",
                           description="Read-only: SQLite's integrity_check, foreign keys, and the audit chain "
                                       "checked against the newest anchor (or the one printed on a report).")
    check.add_argument("--anchor", type=parse_anchor, help="ID:HASH as printed on an end-of-day report")
    check.set_defaults(func=run_check)


def run_backup(args: argparse.Namespace) -> int:
    made = backups.backup(folder=args.dir, keep=args.keep)
    en = args.lang == "en"
    anchor = made.anchor.printable() if made.anchor else "-"
    print(f"Backup {made.path} ({made.size:,} bytes), checked: ok; audit anchor {anchor}" if en
          else f"已备份到 {made.path}（{made.size:,} 字节），检查通过；审计锚点 {anchor}")
    for old in made.removed:
        print(f"  removed old backup {old.name}" if en else f"  已删除旧备份 {old.name}")
    return 0


def _admin(args: argparse.Namespace) -> UserView | None:
    """The signed-in admin, or None when the current database cannot be read (then nobody could sign in)."""
    from app.services.users import sign_in

    if not backups.needs_admin():
        return None
    if not args.user:
        raise NotAllowed("恢复备份需要店长登录：--user 用户名（PIN 放在 RETURNS_DESK_PIN）。",
                         "Restoring needs an admin: --user NAME (PIN in RETURNS_DESK_PIN).")
    return sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))


def run_restore(args: argparse.Namespace) -> int:
    backups.check_backup_file(args.file)  # a bad file is refused before anyone is asked for a PIN
    done = backups.restore(args.file, user=_admin(args))
    en = args.lang == "en"
    print(f"Restored from {done.restored_from}" if en else f"已从 {done.restored_from} 恢复")
    if done.kept_aside:
        print(f"  the database it replaced is kept at {done.kept_aside}" if en
              else f"  被替换的数据库保存在 {done.kept_aside}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    report = backups.check(anchor=args.anchor)
    en = args.lang == "en"
    pick = (lambda pair: pair[1]) if en else (lambda pair: f"{pair[0]} ({pair[1]})")
    if report.chain is not None:
        head = report.chain.head.printable() if report.chain.head else "-"
        print(f"Audit trail: {report.chain.count} entries, head {head}" if en
              else f"审计记录：{report.chain.count} 条，链头 {head}")
    if report.anchor:
        where = report.anchor[1]
        print(f"  checked against anchor {report.anchor[0].printable()} ({where})" if en
              else f"  已对照锚点 {report.anchor[0].printable()}（{where}）")
    for warning in report.warnings:
        print(("Warning: " if en else "警告：") + pick(warning), file=sys.stderr)
    for problem in report.problems:
        print(("Problem: " if en else "问题：") + pick(problem), file=sys.stderr)
    print(("OK" if en else "正常") if report.ok else ("FAILED" if en else "有问题"))
    return 0 if report.ok else 3
