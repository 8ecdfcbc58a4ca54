"""A report on A4 with the embedded font: heading, period, figures, then each table with its bar chart."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from app.domain.report_shape import Report, Table, Term, text_of
from app.printing import frame
from app.printing.data import ShopInfo
from app.printing.layout import Cell, Item, Sheet
from app.printing.text import font_name

MAX_BARS = 20      # a chart of more bars than this shows the largest ones; the table lists them all
BAR_HEIGHT = 11.0


def render_report(report: Report, shop: ShopInfo, lang: str, money: Callable[[int], str]) -> bytes:
    frame.check_lang(lang)
    en = frame.is_en(lang)
    sheet = frame.new_sheet("a4", f"{report.name} {report.start}–{report.end}")
    frame.shop_heading(sheet, shop, lang)
    sheet.text(report.en if en else report.zh, sheet.size * 1.5, bold=True, align="center")
    if not en:
        sheet.text(report.en, sheet.size * 0.9, align="center", grey=True)
    sheet.pair("Period" if en else "期间", f"{report.start.isoformat()} – {report.end.isoformat()}", bold=True)
    for f in report.figures:
        sheet.pair(f.en if en else f.zh, text_of(f.value, f.kind, lang, money))
    for zh, english in report.notes:
        sheet.text(english if en else zh, sheet.size * 0.85, grey=True)
    for table in report.tables:
        _table(sheet, table, lang, money)
    return sheet.render(lambda n, t: f"{report.en} · page {n} of {t}" if en
                        else f"{report.zh} · 第 {n}/{t} 页")


def _table(sheet: Sheet, table: Table, lang: str, money: Callable[[int], str]) -> None:
    en = frame.is_en(lang)
    sheet.space(sheet.size * 0.6)
    sheet.text(table.en if en else table.zh, sheet.size * 1.15, bold=True, keep_with_next=True)
    if table.chart and table.rows:
        _chart(sheet, table, lang)
    n = len(table.columns)
    first = min(0.3, 1.6 / n)
    widths = [first] + [(1 - first) / (n - 1)] * (n - 1) if n > 1 else [1.0]
    columns = [(c.zh, c.en, w, "left" if c.kind in ("text", "term") else "right")
               for c, w in zip(table.columns, widths, strict=True)]
    rows = [[Cell(text_of(v, c.kind, lang, money), w, a) for v, c, (_z, _e, w, a) in
             zip(row, table.columns, columns, strict=True)] for row in table.rows]
    frame.table(sheet, columns, rows, lang, sheet.size * (0.85 if n > 6 else 0.95))


def _chart(sheet: Sheet, table: Table, lang: str) -> None:
    i = table.column(table.chart or "")
    pairs = [(_label(row[0], lang), row[i]) for row in table.rows if isinstance(row[i], (int, float))]
    if table.key != "by_day":
        pairs = sorted(pairs, key=lambda p: -float(p[1]))[:MAX_BARS][::-1]   # largest on top
    else:
        pairs = pairs[-MAX_BARS * 3:][::-1]
    if not pairs or not any(v for _l, v in pairs):
        return
    width = sheet.paper.content_width
    height = len(pairs) * (BAR_HEIGHT if len(pairs) <= MAX_BARS else 5.0) + 24
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = width * 0.3, 14, width * 0.65, height - 20
    chart.data = [[float(v) for _l, v in pairs]]
    chart.bars[0].fillColor = colors.HexColor("#3b6ea5")
    chart.bars.strokeColor = None
    chart.categoryAxis.categoryNames = [label if len(pairs) <= MAX_BARS else "" for label, _v in pairs]
    chart.categoryAxis.labels.fontName = font_name()
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font_name()
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    drawing.add(chart)
    drawing.initialFontName = font_name()   # else the renderer starts in Helvetica, which is not embedded
    sheet.items.append(Item(height, lambda c, y: renderPDF.draw(drawing, c, sheet.paper.margin_x, y - height),
                            keep_with_next=True))


def _label(value: object, lang: str) -> str:
    text = value.words(lang) if isinstance(value, Term) else str(value)
    return text if len(text) <= 18 else text[:17] + "…"
