"""The embedded CJK font and line wrapping by measured width (Chinese breaks between characters)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import DeskError

FONT = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"

# A Latin "word" (kept whole when it fits): letters, digits and the marks that stay glued to them.
_WORD = r"[0-9A-Za-z\u00C0-\u024F\u2013_.,:;!?%@#&*+=/\\'\"()\[\]<>¥$~^|-]+"
# A word, a run of spaces, or any other single character (CJK).
_TOKEN = re.compile(_WORD + r"|[ \t]+|.", re.DOTALL)
# Characters a Chinese line must not start with (避头点); the character before comes down with them.
_NO_LINE_START = set("，。、；：！？）》」』】〕％,.;:!?)]%…—")
# Opening brackets never end a line (避尾): they go down with what they open.
_NO_LINE_END = set("（《「『【〔")


# Where the shipped fonts are: resources/ beside the app package (as in a frozen build), unless the
# program hands in another folder with use_fonts() before the first document is drawn.
_fonts = {"dir": Path(__file__).resolve().parents[2] / "resources" / "fonts"}


def use_fonts(directory: Path) -> None:
    """Print with the fonts in `directory` (the settings' resources folder, handed in by the caller)."""
    if font_name.cache_info().currsize and directory != _fonts["dir"]:
        raise RuntimeError("the printing font is already registered; hand in its folder before printing")
    _fonts["dir"] = directory


def font_path() -> Path:
    return _fonts["dir"] / FONT_FILE


@functools.cache
def font_name() -> str:
    """Register the shipped TrueType face once; reportlab embeds a subset of it in every PDF."""
    path = font_path()
    if not path.exists():
        raise DeskError(f"缺少打印字体文件：{path}", f"The printing font is missing: {path}")
    # Face 0 of the collection is the proportional "Micro Hei"; TrueType outlines, so it embeds.
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


_UNIT_WIDTHS: dict[str, float] = {}     # advance of each character at 1 pt, filled as met


def _unit_width(text: str) -> float:
    """Sum of cached per-character advances: reportlab's own TTF measure is pure Python per call."""
    widths = _UNIT_WIDTHS
    total = 0.0
    for ch in text:
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = pdfmetrics.stringWidth(ch, font_name(), 1.0)
        total += w
    return total


def width(text: str, size: float) -> float:
    """Width in points of `text` set in the shipped font at `size`."""
    return _unit_width(text) * size


def wrap(text: str, size: float, max_width: float) -> list[str]:
    """Break `text` into lines no wider than `max_width` points.

    Latin words stay whole unless a word alone is too wide; Chinese breaks between any two
    characters, except that closing punctuation never starts a line. Newlines are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max_width / size))
    return lines


def _wrap_paragraph(text: str, room: float) -> list[str]:
    """Greedy fill, measured at 1 pt against `room` (the width divided by the font size)."""
    lines: list[str] = []
    cur, cur_w = "", 0.0
    space = _unit_width(" ")
    for tok in _TOKEN.findall(text):
        if tok.isspace():
            if cur and not cur.endswith(" "):
                cur, cur_w = cur + " ", cur_w + space
            continue
        tok_w = _unit_width(tok)
        if cur_w + tok_w <= room:
            cur, cur_w = cur + tok, cur_w + tok_w
            continue
        if len(tok) == 1 and tok in _NO_LINE_START and not cur.endswith(" "):
            cut = _carry_point(cur)
            if cut > 0:
                # Carry the last word or character down with the punctuation rather than start a
                # line with it (and never a closing bracket followed by its full stop: "）。").
                lines.append(cur[:cut].rstrip())
                cur = cur[cut:] + tok
                cur_w = _unit_width(cur)
                continue
        if len(cur.rstrip()) > 1 and cur[-1] in _NO_LINE_END and _unit_width(cur[-1]) + tok_w <= room:
            lines.append(cur[:-1].rstrip())
            cur, cur_w = cur[-1] + tok, _unit_width(cur[-1]) + tok_w
            continue
        if cur.strip():
            lines.append(cur.rstrip())
        cur, cur_w = "", 0.0
        if tok_w <= room:
            cur, cur_w = tok, tok_w
            continue
        for ch in tok:  # a code or word longer than the line: cut it by character
            ch_w = _unit_width(ch)
            if cur and cur_w + ch_w > room:
                lines.append(cur)
                cur, cur_w = "", 0.0
            cur, cur_w = cur + ch, cur_w + ch_w
    if cur.strip() or not lines:
        lines.append(cur.rstrip())
    return lines


_LATIN = re.compile(_WORD + "$")


def _carry_point(line: str) -> int:
    """Where to cut `line` so that what moves down starts with neither a space nor closing punctuation.

    Moves the last Latin word whole (10%) or the last Chinese character, plus any closing marks
    before it; 0 when that would leave nothing on the line.
    """
    cut = len(line)
    while cut > 0:
        word = _LATIN.search(line[:cut])
        cut = word.start() if word else cut - 1
        if cut > 0 and line[cut] not in _NO_LINE_START:
            return cut
    return 0


def fit(text: str, size: float, max_width: float, ellipsis: str = "…") -> str:
    """Cut `text` to one line with an ellipsis: for table cells where a second line would mislead."""
    if width(text, size) <= max_width:
        return text
    while text and width(text + ellipsis, size) > max_width:
        text = text[:-1]
    return text + ellipsis
