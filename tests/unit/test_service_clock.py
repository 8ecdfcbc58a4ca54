"""Service deadlines: clock hours from the moment logged, and the next day the shop is open in its own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.domain.service_clock import ServiceStandards, deadlines, next_open_day, overdue

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


def test_deadlines_are_clock_hours_in_utc_across_midnight():
    logged = datetime(2026, 11, 6, 23, 30, tzinfo=SHANGHAI)      # Friday night in the shop
    respond, resolve = deadlines(logged, "normal", ServiceStandards())
    assert respond == datetime(2026, 11, 6, 15, 30, tzinfo=UTC) + timedelta(hours=24)
    assert resolve.astimezone(SHANGHAI) == datetime(2026, 11, 8, 23, 30, tzinfo=SHANGHAI)
    assert deadlines(logged, "urgent", ServiceStandards())[0].astimezone(SHANGHAI).hour == 1   # 01:30 Saturday


def test_the_next_open_day_is_the_shops_calendar_day_not_utcs():
    # 00:30 Saturday in Shanghai is still Friday in UTC: the call is due on the shop's next open day
    resolved = datetime(2026, 11, 7, 0, 30, tzinfo=SHANGHAI)
    assert resolved.astimezone(UTC).date() == date(2026, 11, 6)
    closed_sunday = ServiceStandards(open_weekdays=frozenset(range(1, 7)))
    due = next_open_day(resolved, closed_sunday, SHANGHAI)
    assert due.astimezone(SHANGHAI) == datetime(2026, 11, 9, 9, 0, tzinfo=SHANGHAI)   # Monday 09:00
    assert due == datetime(2026, 11, 9, 1, 0, tzinfo=UTC)


def test_holidays_entered_by_the_owner_are_skipped_and_the_delay_counts_open_days():
    std = ServiceStandards(followup_days=2, holidays=frozenset({date(2026, 10, 1), date(2026, 10, 2)}),
                           opens=time(8, 30))
    due = next_open_day(datetime(2026, 9, 30, 20, 0, tzinfo=SHANGHAI), std, SHANGHAI)
    assert due.astimezone(SHANGHAI) == datetime(2026, 10, 4, 8, 30, tzinfo=SHANGHAI)


def test_a_summer_time_change_keeps_the_opening_hour_in_local_time():
    # Berlin leaves summer time on 25 October 2026: 09:00 local is 07:00 UTC before, 08:00 UTC after
    due = next_open_day(datetime(2026, 10, 24, 18, 0, tzinfo=BERLIN), ServiceStandards(), BERLIN)
    assert due == datetime(2026, 10, 25, 8, 0, tzinfo=UTC)


def test_overdue_is_past_the_deadline_and_not_done_in_time():
    due = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)
    assert not overdue(due, None, due) and overdue(due, None, due + timedelta(seconds=1))
    assert overdue(due, due + timedelta(hours=1), due) and not overdue(None, None, due)
