"""`returns-desk report NAME --from DATE --to DATE [--csv FILE | --pdf FILE | --json]`: the page's numbers, in a shell."""

from __future__ import annotations

import argparse
import sys

from app.commands import ask_pin
from app.domain.money import format_fen
from app.domain.report_shape import Report, text_of
from app.errors import InvalidInput
from app.services import reports
from app.services.reports import export
from app.services.reports.drill import COMPLAINT_DRILLS, DRILLS, complaints_behind, returns_behind
from app.services.startup import open_shop
from app.services.users import sign_in


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("report", help="a report (returns, money, service, loyalty, policy, staff) for a date "
                            "range, as text, CSV, PDF or JSON", description="Reports for the owner and supervisors.")
    parser.add_argument("name", choices=reports.NAMES)
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first shop day (with --to)")
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last shop day, included")
    parser.add_argument("--range", choices=reports.PRESETS[:-1], help="a preset instead of --from/--to")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--csv", metavar="FILE", help="save as CSV (UTF-8 with BOM, opens in Excel)")
    out.add_argument("--pdf", metavar="FILE", help="save as A4 PDF")
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--drill", nargs=2, metavar=("BY", "KEY"),
                     help=f"list the returns (or complaints) behind one row instead "
                          f"({', '.join(DRILLS + COMPLAINT_DRILLS)})")
    parser.add_argument("--versions", help="policy report: the versions to set side by side, comma-separated")
    parser.add_argument("--user", required=True, help="the owner or a supervisor; the PIN from RETURNS_DESK_PIN "
                        "or a prompt")
    parser.set_defaults(func=run)


def period_of(args: argparse.Namespace) -> reports.Period:
    if args.range:
        if args.start or args.end:
            raise InvalidInput("--range 与 --from/--to 只能选一种。", "Give either --range or --from/--to, not both.")
        return reports.preset(args.range)
    if not (args.start and args.end):
        raise InvalidInput("请给出 --from 和 --to（YYYY-MM-DD），或 --range。",
                           "Give --from and --to (YYYY-MM-DD), or --range.")
    return reports.custom(args.start, args.end)


def run(args: argparse.Namespace) -> int:
    period = period_of(args)
    open_shop()
    user = sign_in(args.user, ask_pin("RETURNS_DESK_PIN", args.user))
    lang = args.lang or "zh_CN"
    if args.drill and args.drill[0] in COMPLAINT_DRILLS:
        for c in complaints_behind(user, period, *args.drill):
            hours = ["-" if h is None else f"{h:.1f}" for h in (c.response_hours, c.resolution_hours)]
            print("\t".join((c.number, c.status.id, c.customer or "-", c.owner or "-", *hours,
                             "on time" if c.on_time else "late or open", "reopened" if c.reopened else "")))
        return 0
    if args.drill:
        for row in returns_behind(user, period, *args.drill):
            print("\t".join((row.number, row.kind, row.clerk, row.receipt or "-", format_fen(row.refund),
                             ",".join(r.id for r in row.reasons))))
        return 0
    options = {"versions": tuple(v.strip() for v in args.versions.split(",") if v.strip())} if (
        args.versions and args.name == "policy") else {}
    report = reports.run(args.name, user, period, **options)
    if args.csv:
        print(export.save(export.to_csv(report, lang), args.csv))
    elif args.pdf:
        print(export.save(export.to_pdf(report, lang), args.pdf))
    elif args.json:
        print(export.to_json_text(report))
    else:
        print_text(report, lang)
    return 0


def print_text(report: Report, lang: str) -> None:
    en = lang.startswith("en")
    out = sys.stdout
    print(f"{report.title(lang)}  {report.start} – {report.end}", file=out)
    for f in report.figures:
        print(f"  {f.en if en else f.zh}: {text_of(f.value, f.kind, lang, format_fen)}", file=out)
    for t in report.tables:
        print(f"\n{t.en if en else t.zh}", file=out)
        print("\t".join(c.en if en else c.zh for c in t.columns), file=out)
        for row in t.rows:
            print("\t".join(text_of(v, c.kind, lang, format_fen) for c, v in zip(t.columns, row, strict=True)),
                  file=out)
