"""Service deadlines: complaint response and resolution times, and the next day the shop is open."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True)
class ServiceStandards:
    """The shop's service standards (owner-editable settings); the defaults are this product's."""

    respond_hours: int = 24
    resolve_hours: int = 48
    urgent_respond_hours: int = 2
    urgent_resolve_hours: int = 24
    followup_days: int = 1                            # the call is due this many open days after
    open_weekdays: frozenset[int] = frozenset(range(1, 8))  # ISO weekdays 1 = Monday … 7 = Sunday
    holidays: frozenset[date] = field(default_factory=frozenset)
    opens: time = time(9, 0)                          # when the calls may start on an open day

    def is_open(self, day: date) -> bool:
        return day.isoweekday() in self.open_weekdays and day not in self.holidays


def deadlines(created: datetime, severity: str, std: ServiceStandards) -> tuple[datetime, datetime]:
    """(respond by, resolve by) in UTC: clock hours from the moment it was logged (urgent and major: faster)."""
    created = created.astimezone(UTC)
    if severity in ("urgent", "major"):
        return (created + timedelta(hours=std.urgent_respond_hours),
                created + timedelta(hours=std.urgent_resolve_hours))
    return created + timedelta(hours=std.respond_hours), created + timedelta(hours=std.resolve_hours)


def next_open_day(after: datetime, std: ServiceStandards, tz: tzinfo) -> datetime:
    """The opening time, `followup_days` open days after `after`'s day in the shop's zone, as UTC.

    The day is the shop's calendar day, not UTC's: a case resolved at 00:30 in Shanghai is that
    morning's day even though UTC still says yesterday.
    """
    if not std.open_weekdays:
        raise ValueError("the shop is never open")
    day = after.astimezone(tz).date()
    left = max(1, std.followup_days)
    for _ in range(3660):  # ten years of holidays is a typing mistake, not a calendar
        day += timedelta(days=1)
        if std.is_open(day):
            left -= 1
            if left == 0:
                return datetime.combine(day, std.opens, tzinfo=tz).astimezone(UTC)
    raise ValueError("no open day within ten years")


def overdue(due: datetime | None, done: datetime | None, now: datetime) -> bool:
    """Past its deadline and not done (a done one is late if it was done after the deadline)."""
    if due is None:
        return False
    return (done or now) > due
