"""A small top-to-bottom layout on a reportlab canvas: thermal rolls grow, sheets paginate."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.errors import InvalidInput
from app.printing import barcode
from app.printing.text import font_name, width, wrap


@dataclass(frozen=True)
class Paper:
    name: str
    width: float               # page width in points
    height: float | None       # None: a roll whose page is as long as the document
    margin_x: float            # left = right; on a roll this is the unprinted edge of the paper
    margin_y: float
    size: float                # body text size in points

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def roll(self) -> bool:
        return self.height is None


PAPERS: dict[str, Paper] = {
    # Thermal heads print 72 mm of 80 mm paper and 48 mm of 58 mm paper, centred.
    "80mm": Paper("80mm", 80 * mm, None, 4 * mm, 4 * mm, 8.5),
    "58mm": Paper("58mm", 58 * mm, None, 5 * mm, 4 * mm, 7.5),
    "a4": Paper("a4", A4[0], A4[1], 18 * mm, 16 * mm, 10.5),
    "a5": Paper("a5", A5[0], A5[1], 12 * mm, 12 * mm, 9),
}


def paper(name: str) -> Paper:
    try:
        return PAPERS[name.lower()]
    except KeyError:
        raise InvalidInput(f"不支持的纸张：{name}", f"Unknown paper size: {name} "
                           f"(choose {', '.join(PAPERS)})") from None


Draw = Callable[[Canvas, float], None]   # draws an item whose top edge is at y


@dataclass
class Item:
    height: float
    draw: Draw
    keep_with_next: bool = False
    header: Item | None = None          # table header repeated on a new page before this row
    content: bool = True                # False for blank space and rules: they tie nothing together
    blank: bool = False                 # blank space: dropped where it would open a new page


@dataclass
class Cell:
    text: str
    width: float                        # fraction of the content width (≤ 1), or points when > 1
    align: str = "left"                 # left / right / center
    bold: bool | None = None            # None: as the row says
    sub: str = ""                       # smaller, grey second part (the English, the examples)


@dataclass
class Sheet:
    """Collects items top to bottom, then lays them onto one roll page or several sheets."""

    paper: Paper
    title: str
    items: list[Item] = field(default_factory=list)
    leading: float = 1.32               # line height as a multiple of the font size
    black: bool = True                  # thermal heads dither grey badly: rolls print black only

    def __post_init__(self) -> None:
        self.black = self.paper.roll

    # ---- building -------------------------------------------------------------------------
    @property
    def size(self) -> float:
        return self.paper.size

    def space(self, height: float) -> None:
        self.items.append(Item(height, lambda c, y: None, content=False, blank=True))

    def text(self, text: str, size: float | None = None, *, bold: bool = False, align: str = "left",
             indent: float = 0, hang: float = 0, grey: bool = False, keep_with_next: bool = False) -> None:
        """Wrapped text; `hang` indents every line after the first (a bullet's continuation)."""
        size = size or self.size
        lines = wrap(text, size, self.paper.content_width - indent - hang)
        for i, line in enumerate(lines):
            x0 = indent + (hang if i else 0)
            self.items.append(Item(size * self.leading, self._line(line, size, bold, align, x0, grey),
                                   keep_with_next or i + 1 < len(lines)))

    def row(self, cells: Sequence[Cell], size: float | None = None, *, bold: bool = False,
            grey: bool = False, header: Item | None = None, gap: float | None = None,
            pad: float = 0) -> Item:
        """Cells side by side, each wrapped inside its own column; the row is as tall as its tallest."""
        size = size or self.size
        gap = (2.5 if self.paper.roll else 7.0) if gap is None else gap
        cw = self.paper.content_width
        widths = [c.width * cw if c.width <= 1 else c.width for c in cells]
        x = 0.0
        # (x, box width, align, [(text, size, bold, grey, offset from the row's top)])
        placed: list[tuple[float, float, str, list[tuple[str, float, bool, bool, float]]]] = []
        tallest = 0.0
        for cell, w in zip(cells, widths, strict=True):
            inner = w - (gap if cell is not cells[-1] else 0)
            lines: list[tuple[str, float, bool, bool, float]] = []
            dy = pad
            cell_bold = bold if cell.bold is None else cell.bold
            for text, sz, b, g in ((cell.text, size, cell_bold, grey), (cell.sub, size * 0.85, False, True)):
                if not text:
                    continue
                for line in wrap(text, sz, max(inner, sz)):
                    lines.append((line, sz, b, g, dy))
                    dy += sz * self.leading
            placed.append((x, inner, cell.align, lines))
            tallest = max(tallest, dy + pad)
            x += w
        if x > cw + 0.01:
            raise ValueError(f"row of {x:.1f}pt is wider than the {cw:.1f}pt content width")

        def draw(c: Canvas, y: float) -> None:
            for x0, w, align, lines in placed:
                for text, sz, b, g, dy in lines:
                    self._line(text, sz, b, align, x0, g, w)(c, y - dy)

        item = Item(tallest or size * self.leading, draw, header=header)
        self.items.append(item)
        return item

    def pair(self, left: str, right: str, size: float | None = None, *, bold: bool = False,
             indent: float = 0) -> None:
        """A label on the left and an amount flush right; the label wraps, the amount never does."""
        size = size or self.size
        rw = width(right, size) + 1
        lw = self.paper.content_width - indent - rw
        if lw < self.paper.content_width * 0.35:
            # A value too long to share the line (a long note): label above, value below it.
            self.text(left, size, bold=bold, indent=indent, keep_with_next=True)
            self.text(right, size, bold=bold, align="right", indent=indent)
            return
        cells = [Cell("", indent)] if indent else []
        self.row([*cells, Cell(left, lw), Cell(right, rw, "right")], size, bold=bold)

    def table_header(self, cells: Sequence[Cell], size: float | None = None) -> Item:
        item = self.row(cells, size, bold=True)
        item.keep_with_next = True
        rule = self.rule(solid=True)
        rule.keep_with_next = True      # never a header alone at the foot of a page
        # The header and its rule travel together when repeated on the next page.
        head_draw, rule_draw, h = item.draw, rule.draw, item.height

        def both(c: Canvas, y: float) -> None:
            head_draw(c, y)
            rule_draw(c, y - h)

        return Item(item.height + rule.height, both)

    def rule(self, *, solid: bool = False, heavy: bool = False, thin: bool = False) -> Item:
        h = self.size * (0.4 if thin else 0.9)
        m = self.paper.margin_x
        gray = 0.6 if thin and not self.black else 0

        def draw(c: Canvas, y: float) -> None:
            c.setLineWidth(1.0 if heavy else 0.3 if thin else 0.5)
            c.setStrokeGray(gray)
            c.setDash([] if solid or heavy else [2, 2])
            c.line(m, y - h / 2, m + self.paper.content_width, y - h / 2)
            c.setDash([])
            c.setStrokeGray(0)

        item = Item(h, draw, content=False)
        self.items.append(item)
        return item

    def barcode(self, code: str, height: float | None = None) -> None:
        """Code 128 centred, with the code in text below it for when the scanner gives up."""
        p = self.paper
        placed = barcode.make(code, p.content_width, p.width, height or (11 * mm if p.roll else 13 * mm))
        x = p.margin_x + (p.content_width - placed.width) / 2
        h = placed.symbol.barHeight

        def draw(c: Canvas, y: float) -> None:
            c.setFillGray(0)
            barcode.draw(c, placed, x, y - h)

        self.items.append(Item(h + 2, draw))
        # Printed exactly as encoded (no grouping spaces) so a clerk can type what they read.
        self.text(code, self.size * 1.1, align="center")

    def signature(self, label: str, *, keep_above: float | None = None) -> None:
        """A label and a line to sign on, never alone at the top of a page.

        The signature vouches for what is above it, so it travels to the next page together with
        at least `keep_above` points of the content before it (default: three lines of text), the
        way a heading travels with what follows it.
        """
        size = self.size
        self.keep_last(self.size * self.leading * 3 if keep_above is None else keep_above)
        gap = Item(size * 1.6, lambda c, y: None, keep_with_next=True, content=False, blank=True)
        self.items.append(gap)
        lw = width(label, size) + 4
        m, cw = self.paper.margin_x, self.paper.content_width
        below = cw - lw < cw * 0.5      # a narrow roll: sign on a full-width line under the label
        drop = size * self.leading * 1.6 if below else 0.0

        def draw(c: Canvas, y: float) -> None:
            self._line(label, size, False, "left", 0, False)(c, y)
            c.setLineWidth(0.6)
            c.line(m + (0 if below else lw), y - size * 1.05 - drop, m + cw, y - size * 1.05 - drop)

        self.items.append(Item(size * self.leading + drop, draw))

    def keep_last(self, height: float) -> None:
        """Tie the last items (at least `height` points of them) to whatever is added next."""
        gathered = 0.0
        for item in reversed(self.items):
            item.keep_with_next = True
            if item.content:
                gathered += item.height
            if gathered >= height:
                break

    # ---- output ---------------------------------------------------------------------------
    def _line(self, text: str, size: float, bold: bool, align: str, x0: float, grey: bool,
              box: float | None = None) -> Draw:
        box = self.paper.content_width - x0 if box is None else box
        left = self.paper.margin_x + x0
        tw = width(text, size)
        x = left + (box - tw if align == "right" else (box - tw) / 2 if align == "center" else 0)
        baseline = size * 1.02          # the font's ascent sits just above the em box

        def draw(c: Canvas, y: float) -> None:
            t = c.beginText(x, y - baseline)
            t.setFont(font_name(), size)
            t.setFillGray(0.35 if grey and not self.black else 0)
            if bold:
                # The font has no bold face: stroke the outline as well as filling it. The render
                # mode is graphics state and would outlive the text object, hence save/restore.
                c.saveState()
                c.setLineWidth(size * 0.035)
                t.setTextRenderMode(2)
            t.textOut(text)
            c.drawText(t)
            if bold:
                c.restoreState()

        return draw

    def render(self, footer: Callable[[int, int], str] | None = None) -> bytes:
        p = self.paper
        pages = self._paginate()
        height = p.height or (2 * p.margin_y + sum(i.height for i in pages[0]) + 6 * mm)
        buf = io.BytesIO()
        # initialFontName: otherwise reportlab lists a non-embedded Helvetica in every PDF.
        c = Canvas(buf, pagesize=(p.width, height), pageCompression=1, initialFontName=font_name(),
                   invariant=1)  # same data, same bytes: reprints and docs diff cleanly
        c.setTitle(self.title)
        c.setCreator("Returns Desk")
        for n, page in enumerate(pages, 1):
            y = height - p.margin_y
            for item in page:
                item.draw(c, y)
                y -= item.height
            if footer and not p.roll and len(pages) > 1:   # "page 1 of 1" says nothing
                self._line(footer(n, len(pages)), p.size * 0.8, False, "center", 0, True)(c, p.margin_y * 0.6)
            c.showPage()
        c.save()
        return buf.getvalue()

    def page_count(self) -> int:
        return len(self._paginate())

    def _paginate(self) -> list[list[Item]]:
        p = self.paper
        if p.height is None:
            return [self.items]
        room = p.height - 2 * p.margin_y - p.size * 1.5      # keep the footer line clear
        pages: list[list[Item]] = [[]]
        left = room
        for i, item in enumerate(self.items):
            # A heading, a table header, a wrapped paragraph: everything tied to what follows moves
            # to the next page together with the first item that is not tied.
            need, j = item.height, i
            while self.items[j].keep_with_next and j + 1 < len(self.items):
                j += 1
                need += self.items[j].height
            # A tied group taller than a whole page cannot move as one: it breaks where it must.
            if need > left and pages[-1] and (need <= room or item.height > left):
                pages.append([])
                left = room
                if item.header is not None:
                    pages[-1].append(item.header)
                    left -= item.header.height
            if item.blank and not pages[-1] and len(pages) > 1:
                continue    # a page starts with its first line, not with the gap before it
            pages[-1].append(item)
            left -= item.height
        return pages

