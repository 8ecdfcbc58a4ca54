"""Code 128 sized in whole thermal-printer dots, so every bar prints the same width and scans."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.errors import InvalidInput

DPI = 203                      # 8 dots per mm: the common thermal head (and what tests rasterise at)
DOT = 72.0 / DPI               # one printer dot in points
QUIET_MODULES = 10             # blank space each side, in bar widths (Code 128 asks for ≥ 10)


@dataclass(frozen=True)
class PlacedBarcode:
    symbol: Code128
    bar_dots: int              # width of the narrowest bar in printer dots

    @property
    def width(self) -> float:
        return float(self.symbol.width)

    @property
    def quiet(self) -> float:
        return QUIET_MODULES * self.bar_dots * DOT


def _modules(code: str) -> int:
    return int(Code128(code, barWidth=1, quiet=0).width)


def make(code: str, content_width: float, page_width: float, height: float = 11 * mm) -> PlacedBarcode:
    """The widest whole-dot Code 128 of `code` (3 or 2 dots a bar) that fits the paper.

    The symbol itself must sit inside the printable width; its quiet zones may run into the
    unprinted paper margin, which is blank paper too.
    """
    if not code or not code.isascii() or not code.isprintable():
        raise InvalidInput(f"条码内容无效：{code!r}", f"Cannot print this code as a barcode: {code!r}")
    modules = _modules(code)
    for dots in (3, 2):  # a 1-dot bar prints unevenly on a worn head: refuse rather than misprint
        bar = dots * DOT
        symbol_w = modules * bar
        if symbol_w <= content_width and symbol_w + 2 * QUIET_MODULES * bar <= page_width:
            symbol = Code128(code, barWidth=bar, barHeight=height, quiet=0, humanReadable=False)
            return PlacedBarcode(symbol, dots)
    raise InvalidInput(f"条码太长，纸张放不下：{code}", f"The code is too long for this paper: {code}")


def draw(canvas: Canvas, placed: PlacedBarcode, x: float, y: float) -> None:
    """Draw with the left edge on the printer's dot grid, so bars do not straddle two dots."""
    x = round(x / DOT) * DOT
    placed.symbol.drawOn(canvas, x, y)
