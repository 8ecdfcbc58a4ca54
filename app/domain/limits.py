"""Sane limits for what comes in from files and keyboards: numbers, text and dates a shop can really have."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta

from app.errors import InvalidInput

MAX_QTY = 9_999                      # units on one line
MAX_LINE_FEN = 1_000_000_000         # ¥10,000,000: one line, one tender, one price
MAX_WARRANTY_MONTHS = 120
MAX_POINTS = 100_000_000
MAX_LINES = 500                      # lines on one receipt
MAX_TENDERS = 20
MAX_LINE_NO = 9_999
MAX_ROW_CHARS = 200_000              # one JSON Lines row; a till's biggest receipt is far smaller
EARLIEST_SALE = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)     # a till clock a little ahead is fine; next year is not

# Control characters, invisible format marks (bidi overrides, zero-width), lone surrogates, private
# use and unassigned code points, line and paragraph separators: never part of a name or a code.
_NEVER = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def text_problem(value: str, *, symbols: bool = True) -> tuple[str, str] | None:
    """Why `value` cannot be stored as shop text (zh, en), or None. symbols=False also refuses emoji."""
    for c in value:
        category = unicodedata.category(c)
        if category in _NEVER:
            return (f"含有不可见或控制字符 U+{ord(c):04X}", f"contains an invisible or control character U+{ord(c):04X}")
        if not symbols and (category == "So" or ord(c) > 0xFFFF and category != "Lo"):
            return (f"含有符号或表情 U+{ord(c):04X}", f"contains a symbol or emoji U+{ord(c):04X}")
    return None


def checked_words(value: str, field_zh: str, field_en: str, longest: int, *, symbols: bool = True,
                  lines: bool = True) -> str:
    """Typed words (a complaint, a note, a fault) stripped, or a refusal naming the field in both languages.

    Line breaks may stay in a note (lines=True); any other control or invisible mark is refused, as is
    more than `longest` characters: a pasted page or a bidi override must not reach a printed ticket.
    """
    value = (value or "").strip()
    if len(value) > longest:
        raise InvalidInput(f"{field_zh}太长（{len(value)} 字，最多 {longest} 字）。",
                           f"{field_en} is too long ({len(value)} characters, {longest} at most).")
    problem = text_problem(value.replace("\n", " ") if lines else value, symbols=symbols)
    if problem is not None:
        raise InvalidInput(f"{field_zh}{problem[0]}，请重新输入。", f"{field_en} {problem[1]}; type it again.")
    return value


def sale_time_problem(when: datetime, now: datetime | None = None) -> tuple[str, str] | None:
    """A sale dated before 2000 or more than a day ahead of this PC's clock cannot be real."""
    now = now or datetime.now(UTC)
    if not EARLIEST_SALE.year <= when.year <= now.year + 1:  # before comparing: year 9999 overflows
        return _out_of_window(when)
    if when < EARLIEST_SALE or when > now + FUTURE_SLACK:
        return _out_of_window(when)
    return None


def _out_of_window(when: datetime) -> tuple[str, str]:
    return (f"销售时间 {when.isoformat()} 不在 2000 年至明天之间",
            f"sold_at {when.isoformat()} is not between the year 2000 and tomorrow")
