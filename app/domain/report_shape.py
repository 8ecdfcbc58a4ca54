"""The shape of a report: headline figures and tables of plain values, the same for screen, CLI, CSV and PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# What a column holds, so every face formats it the same way.
KINDS = ("text", "term", "count", "fen", "rate", "minutes", "hours", "score")


@dataclass(frozen=True)
class Rate:
    """A share kept as its two counts, so a test can check 2 of 3 exactly; None when nothing was counted."""

    num: int
    den: int

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def percent(self) -> str:
        v = self.value
        return "—" if v is None else f"{v * 100:.1f}%"


@dataclass(frozen=True)
class Term:
    """A stored id (a reason, a tender, a clerk) with its words in both languages."""

    id: str
    zh: str
    en: str

    def words(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


Value = int | float | str | None | Rate | Term


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: str = "count"


@dataclass(frozen=True)
class Table:
    """One table; `chart` names the value column drawn as bars against the first column.

    `drill` says what a row stands for when the owner asks for the returns (or complaints) behind it:
    the first column's id is the key (e.g. drill "reason", key "quality_fault").
    """

    key: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    chart: str | None = None
    drill: str | None = None

    def column(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)

    def cell(self, first: str, key: str) -> Value:
        """The value in column `key` of the row whose first cell is (or has the id) `first`."""
        i = self.column(key)
        for row in self.rows:
            head = row[0]
            if (head.id if isinstance(head, Term) else head) == first:
                return row[i]
        raise KeyError(first)


@dataclass(frozen=True)
class Figure:
    key: str
    zh: str
    en: str
    value: Value
    kind: str = "count"


@dataclass(frozen=True)
class Report:
    name: str
    zh: str
    en: str
    start: date          # first shop day, inclusive
    end: date            # last shop day, inclusive
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[tuple[str, str], ...] = field(default=())   # (zh, en) said under the figures

    def figure(self, key: str) -> Value:
        return next(f.value for f in self.figures if f.key == key)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def title(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


def text_of(value: Value, kind: str, lang: str, money: object = None) -> str:
    """A value as text (CSV, PDF, screen); `money` formats fen (the caller's, e.g. ¥12.50)."""
    if value is None:
        return "—"
    if isinstance(value, Rate):
        return value.percent()
    if isinstance(value, Term):
        return value.words(lang)
    if kind == "fen" and isinstance(value, int):
        return money(value) if callable(money) else f"{value / 100:.2f}"
    if kind in ("minutes", "hours", "score") and isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def to_json(report: Report) -> dict[str, object]:
    """The report as JSON-ready data: rates as {num, den}, terms as their id (words beside)."""

    def plain(v: Value) -> object:
        if isinstance(v, Rate):
            return {"num": v.num, "den": v.den, "value": v.value}
        if isinstance(v, Term):
            return {"id": v.id, "zh": v.zh, "en": v.en}
        return v

    return {"report": report.name, "from": report.start.isoformat(), "to": report.end.isoformat(),
            "figures": {f.key: plain(f.value) for f in report.figures},
            "tables": {t.key: [{c.key: plain(v) for c, v in zip(t.columns, row, strict=True)} for row in t.rows]
                       for t in report.tables}}


@dataclass(frozen=True)
class BehindRow:
    """One return behind a bar the owner clicked: enough to find the slip and read why."""

    number: str
    at: object          # completed, aware UTC datetime
    kind: str           # return / exchange / refusal (refused as a whole: nothing taken back)
    clerk: str
    receipt: str        # "" for a return without a receipt
    refund: int
    reasons: tuple[Term, ...]


@dataclass(frozen=True)
class ComplaintBehind:
    """One complaint behind a bar: its number, when it was opened, who, where it stands and how long it took."""

    number: str
    opened: object              # created, aware UTC datetime
    customer: str               # member's name and masked phone, or "" when nobody left a name
    status: Term
    owner: str
    response_hours: float | None
    resolution_hours: float | None
    on_time: bool               # resolved by its deadline
    reopened: bool
