"""`returns-desk import sales|products|members FILE`: the till system's data, checked row by row."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands import ask_pin
from app.errors import InvalidInput, NotFound
from app.services.imports import ImportReport
from app.services.startup import open_shop
from app.services.till_imports import import_file, may_import
from app.services.users import sign_in
from app.services.views import UserView


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("import", help="import sales (JSON Lines, or a till CSV with --mapping), "
                            "products or members (CSV)")
    parser.add_argument("kind", choices=("sales", "products", "members"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--user", help="an admin (or the till-import account); the PIN from RETURNS_DESK_PIN "
                        "or a prompt")
    parser.add_argument("--mapping", type=Path, help="sales from a till's CSV export: a column-mapping TOML "
                        "(examples in resources/mappings/)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise NotFound(f"找不到文件 {args.file}", f"file not found: {args.file}")
    open_shop()
    if not args.user:
        raise InvalidInput("导入需要店长签名：--user 用户名，PIN 由提示输入或 RETURNS_DESK_PIN 提供。",
                           "An import needs an admin: --user NAME, with the PIN at the prompt or in RETURNS_DESK_PIN.")
    user = sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))
    may_import(user)
    if args.kind == "sales":
        report = _sales(args, user)
        if report is None:
            return 130  # interrupted: the message said what was committed
    else:
        report = import_file(user, args.kind, args.file, mapping=args.mapping)
    print_report(report, args.file, args.lang)
    return 0 if report.ok else 1


def _sales(args: argparse.Namespace, user: UserView) -> ImportReport | None:
    from app.commands.progress import Bar
    from app.services.till_import import count_rows

    bar = Bar(count_rows(args.file) + (0 if args.mapping else 1), args.lang)
    try:
        return import_file(user, "sales", args.file, mapping=args.mapping, progress=bar)
    except KeyboardInterrupt:
        print(bar.interrupted(args.file), file=sys.stderr)
        return None
    finally:
        bar.finish()


def print_report(report: ImportReport, file: Path, lang: str) -> None:
    en = lang == "en"
    print(f"{file}: {report.imported} imported, {report.unchanged} unchanged, {len(report.rejected)} rejected"
          if en else f"{file}：导入 {report.imported} 条，未变 {report.unchanged} 条，拒绝 {len(report.rejected)} 条")
    for r in report.rejected:
        reason = r.reason_en if en else f"{r.reason_zh} ({r.reason_en})"
        print(f"  line {r.line_no}: {reason}" if en else f"  第 {r.line_no} 行：{reason}", file=sys.stderr)
