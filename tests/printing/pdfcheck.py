"""Look at a rendered PDF the way a printer and a scanner would: rasterise, decode, extract text."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image

from app.printing.barcode import DPI


def rasterise(pdf: bytes, dpi: int = DPI, first_page_only: bool = True) -> list[Image.Image]:
    """pdftoppm at the printer's resolution, grey, as a thermal printer's driver would."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        args = ["pdftoppm", "-r", str(dpi), "-gray", "-png"]
        if first_page_only:
            args += ["-f", "1", "-l", "1"]
        subprocess.run([*args, str(src), str(Path(tmp) / "page")], check=True)
        pages = sorted(Path(tmp).glob("page*.png"))
        return [Image.open(p).copy() for p in pages]


def barcodes(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def text(pdf: bytes, *, page: int | None = None, layout: bool = False) -> str:
    """The text poppler reads; `layout` keeps each printed line together (label and amount)."""
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else [])]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def fonts(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdffonts", f.name], capture_output=True, check=True).stdout.decode()


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    x_max: float
    page_width: float


_PAGE = re.compile(r'<page width="([\d.]+)"')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def words(pdf: bytes) -> list[Word]:
    """Every word poppler finds, with where it starts and ends across the page (in points)."""
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()
    out: list[Word] = []
    for chunk in html.split("<page ")[1:]:
        width = float(_PAGE.search("<page " + chunk).group(1))
        out += [Word(t, float(a), float(b), width) for a, b, t in _WORD.findall(chunk)]
    return out


def ink_columns(image: Image.Image, threshold: int = 200) -> tuple[int, int]:
    """The leftmost and rightmost pixel columns with anything printed on them."""
    inverted = image.convert("L").point(lambda v: 255 if v < threshold else 0)
    box = inverted.getbbox()
    assert box is not None, "the page is blank"
    return box[0], box[2]


def lines(pdf: bytes, *, page: int | None = None) -> list[str]:
    """Each printed line as one string with single spaces: 'Coupon share kept −¥1.17'."""
    return [" ".join(line.split()) for line in text(pdf, page=page, layout=True).splitlines() if line.strip()]
