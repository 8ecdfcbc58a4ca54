"""What every customer document shares: the shop's heading, the title block and the closing lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.printing.data import Bilingual, ShopInfo
from app.printing.labels import LABELS, one
from app.printing.layout import Cell, Sheet, paper
from app.printing.text import width

DEMO_MARK = "演示 DEMO"


def is_en(lang: str) -> bool:
    return lang.startswith("en")


def check_lang(lang: str) -> str:
    if lang not in ("zh_CN", "en"):
        from app.errors import InvalidInput

        raise InvalidInput(f"不支持的语言：{lang}", f"Unknown language: {lang} (choose zh_CN or en)")
    return lang


def new_sheet(paper_name: str, title: str, scale: float = 1.0) -> Sheet:
    """A sheet on the named paper; `scale` enlarges the text (a poster is read from a distance)."""
    chosen = paper(paper_name)
    if scale != 1.0:
        chosen = replace(chosen, size=chosen.size * scale)
    return Sheet(chosen, title)


def shop_heading(sheet: Sheet, shop: ShopInfo, lang: str) -> None:
    s = sheet.size
    if shop.demo:
        sheet.text(DEMO_MARK, s * 1.6, bold=True, align="center")
    if is_en(lang) and shop.name_en:
        sheet.text(shop.name_en, s * 1.35, bold=True, align="center")
    else:
        sheet.text(shop.name, s * 1.35, bold=True, align="center")
        if shop.name_en:
            sheet.text(shop.name_en, s * 0.9, align="center")
    sheet.text(shop.address, s * 0.9, align="center", grey=True)
    sheet.text(("Tel " if is_en(lang) else "电话 ") + shop.phone, s * 0.9, align="center", grey=True)
    sheet.rule(heavy=True)


def title(sheet: Sheet, key: str, lang: str, *marks: str) -> None:
    """The document's name large and centred, then its marks (customer copy, REPRINT, VOID)."""
    zh, en = LABELS[key]
    s = sheet.size
    if is_en(lang):
        sheet.text(en, s * 1.4, bold=True, align="center")
    else:
        sheet.text(zh, s * 1.6, bold=True, align="center")
        sheet.text(en, s * 0.9, align="center")
    shown = [one(m, lang) if is_en(lang) else f"{LABELS[m][0]} {LABELS[m][1]}" for m in marks]
    if shown:
        sheet.text("  ·  ".join(shown), s, align="center")


def banner(sheet: Sheet, key: str, lang: str) -> None:
    """A line nobody can miss (VOID): large, bold, framed by heavy rules."""
    zh, en = LABELS[key]
    sheet.rule(heavy=True)
    sheet.text(en if is_en(lang) else f"{zh} {en}", sheet.size * 2, bold=True, align="center")
    sheet.rule(heavy=True)


def section(sheet: Sheet, key: str, lang: str) -> None:
    zh, en = LABELS[key]
    sheet.text(en if is_en(lang) else f"{zh} {en}", bold=True, keep_with_next=True)


def words(sheet: Sheet, text: Bilingual, lang: str, *, bullet: str = "· ", size: float | None = None) -> None:
    """Customer-facing wording: Chinese with the English under it, or English alone."""
    size = size or sheet.size
    indent = width(bullet, size) if bullet else 0
    first = text.en if is_en(lang) else text.zh
    sheet.text(bullet + first if bullet else first, size, hang=indent, keep_with_next=not is_en(lang))
    if not is_en(lang) and text.en:
        sheet.text(text.en, size * 0.85, indent=indent, grey=True)


def feedback(sheet: Sheet, shop: ShopInfo, lang: str) -> None:
    line = (shop.feedback_en or shop.feedback) if is_en(lang) else shop.feedback
    sheet.space(sheet.size * 0.4)
    sheet.text(line, sheet.size * 0.9, align="center")
    if not is_en(lang) and shop.feedback_en:
        sheet.text(shop.feedback_en, sheet.size * 0.8, align="center", grey=True)


def table(sheet: Sheet, columns: list[tuple[str, str, float, str]], rows: Sequence[Sequence[str | Cell]],
          lang: str, size: float | None = None, *, ruled: bool = False) -> None:
    """A table whose header repeats on each new page. columns: (zh, en, width fraction, align).

    A value may be a ready Cell (for a bold name with a grey second part); `ruled` draws a thin
    line between rows, for tables whose rows run to several lines.
    """
    size = size or sheet.size
    head = [Cell(en, w, a) if is_en(lang) else Cell(zh, w, a, sub=en) for zh, en, w, a in columns]
    header = sheet.table_header(head, size)
    if not rows:
        sheet.text("无" if not is_en(lang) else "None", size, grey=True)
    for i, values in enumerate(rows):
        if ruled and i:
            sheet.rule(solid=True, thin=True)
        cells = [v if isinstance(v, Cell) else Cell(v, w, a)
                 for v, (_, _, w, a) in zip(values, columns, strict=True)]
        sheet.row(cells, size, header=header, pad=size * 0.2 if ruled else 0)
    sheet.keep_last(0)      # the closing rule stays with the last row, never alone atop a page
    sheet.rule(solid=True)
