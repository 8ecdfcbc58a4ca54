"""Date ranges of the reports in shop time: the presets, a custom range, and their UTC bounds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property

from app.errors import InvalidInput
from app.settings import SHOP_TZ

PRESETS = ("today", "this_week", "this_month", "last_month", "this_quarter", "last_quarter", "custom")


@dataclass(frozen=True)
class Period:
    """Whole shop days from `start` to `end`, both included."""

    start: date
    end: date

    @cached_property
    def since(self) -> datetime:
        return shop_midnight(self.start)

    @cached_property
    def until(self) -> datetime:
        """The first moment after the period (exclusive bound), in UTC."""
        return shop_midnight(self.end + timedelta(days=1))

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]


def shop_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), SHOP_TZ).astimezone(UTC)


def shop_day(moment: datetime) -> date:
    return moment.astimezone(SHOP_TZ).date()


def shop_today() -> date:
    return datetime.now(SHOP_TZ).date()


def _quarter_start(d: date) -> date:
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


def preset(name: str, today: date | None = None) -> Period:
    """A preset up to and including today: this week starts on Monday, a quarter is Jan/Apr/Jul/Oct."""
    today = today or shop_today()
    first = today.replace(day=1)
    if name == "today":
        return Period(today, today)
    if name == "this_week":
        return Period(today - timedelta(days=today.weekday()), today)
    if name == "this_month":
        return Period(first, today)
    if name == "last_month":
        end = first - timedelta(days=1)
        return Period(end.replace(day=1), end)
    if name == "this_quarter":
        return Period(_quarter_start(today), today)
    if name == "last_quarter":
        end = _quarter_start(today) - timedelta(days=1)
        return Period(_quarter_start(end), end)
    raise InvalidInput(f"未知的时间范围：{name}（可选 {', '.join(PRESETS[:-1])}）",
                       f"unknown date range: {name} (choose {', '.join(PRESETS[:-1])})")


def custom(start: str | date, end: str | date) -> Period:
    """A range typed by a person (YYYY-MM-DD); the field's name is in the message when it is wrong."""
    first, last = _day(start, "--from"), _day(end, "--to")
    if last < first:
        raise InvalidInput(f"结束日期 {last} 早于开始日期 {first}。", f"The end date {last} is before the start {first}.")
    return Period(first, last)


def _day(value: str | date, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"{field} 日期格式应为 YYYY-MM-DD：{value}",
                           f"{field}: the date must look like 2026-11-22: {value}") from None
