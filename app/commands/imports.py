"""`returns-desk import sales|products|members FILE`: the till system's data, checked row by row."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.errors import NotFound
from app.services.imports import (
    ImportReport,
    import_members,
    import_products,
    import_sales,
    read_lines,
)
from app.services.startup import open_shop


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("import", help="import sales (JSON Lines), products or members (CSV)")
    parser.add_argument("kind", choices=("sales", "products", "members"))
    parser.add_argument("file", type=Path)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise NotFound(f"找不到文件 {args.file}", f"file not found: {args.file}")
    open_shop()
    if args.kind == "sales":
        report = import_sales(read_lines(args.file))
    elif args.kind == "products":
        report = import_products(args.file)
    else:
        report = import_members(args.file)
    print_report(report, args.file, args.lang)
    return 0 if report.ok else 1


def print_report(report: ImportReport, file: Path, lang: str) -> None:
    en = lang == "en"
    print(f"{file}: {report.imported} imported, {report.unchanged} unchanged, {len(report.rejected)} rejected"
          if en else f"{file}：导入 {report.imported} 条，未变 {report.unchanged} 条，拒绝 {len(report.rejected)} 条")
    for r in report.rejected:
        reason = r.reason_en if en else f"{r.reason_zh} ({r.reason_en})"
        print(f"  line {r.line_no}: {reason}" if en else f"  第 {r.line_no} 行：{reason}", file=sys.stderr)
