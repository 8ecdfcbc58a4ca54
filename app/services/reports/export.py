"""A report as CSV (UTF-8 with BOM, so Excel opens the Chinese), as JSON, and as the PDF's A4 pages."""

from __future__ import annotations

import csv
import io
import json

from app.domain.money import format_fen
from app.domain.report_shape import Report, text_of, to_json
from app.printing.report_sheet import render_report
from app.printing.spool import save_pdf
from app.services.documents import shop_info


def to_csv(report: Report, lang: str = "zh_CN") -> bytes:
    """Every figure, then each table under its title; money in yuan with two decimals, shares as percent."""
    en = lang.startswith("en")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([report.title(lang), report.start.isoformat(), report.end.isoformat()])
    for f in report.figures:
        w.writerow([f.en if en else f.zh, text_of(f.value, f.kind, lang)])
    for t in report.tables:
        w.writerow([])
        w.writerow([t.en if en else t.zh])
        w.writerow([c.en if en else c.zh for c in t.columns])
        for row in t.rows:
            w.writerow([text_of(value, c.kind, lang) for c, value in zip(t.columns, row, strict=True)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json_text(report: Report) -> str:
    return json.dumps(to_json(report), ensure_ascii=False, indent=2)


def to_pdf(report: Report, lang: str = "zh_CN", url: str | None = None) -> bytes:
    return render_report(report, shop_info(url), lang, money=format_fen)


def save(data: bytes, path: str) -> str:
    """Written beside its final name first, then moved: a crash never leaves half a file."""
    return str(save_pdf(data, path))
