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
from app.services.mapping import load_mapping
from app.services.startup import open_shop


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("import", help="import sales (JSON Lines, or a till CSV with --mapping), products or members (CSV)")
    parser.add_argument("kind", choices=("sales", "products", "members"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--mapping", type=Path, help="sales from a till's CSV export: a column-mapping TOML "
                        "(examples in resources/mappings/)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise NotFound(f"找不到文件 {args.file}", f"file not found: {args.file}")
    open_shop()
    if args.kind == "sales":
        report = _sales(args)
        if report is None:
            return 130  # interrupted: the message said what was committed
    elif args.kind == "products":
        report = import_products(args.file)
    else:
        report = import_members(args.file)
    print_report(report, args.file, args.lang)
    return 0 if report.ok else 1


def _sales(args: argparse.Namespace) -> ImportReport | None:
    from app.commands.progress import Bar
    from app.services import till_import

    bar = Bar(till_import.count_rows(args.file) + (0 if args.mapping else 1), args.lang)
    try:
        if args.mapping:
            mapping = load_mapping(args.mapping)
            return till_import.import_till_csv(args.file, mapping, progress=bar)
        return import_sales(read_lines(args.file), progress=bar)
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
