"""Eight tills taking the day's first return number at once: each gets its own, none fails (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from app.db import session_scope
from app.services.numbers import next_number

DAY = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)  # a day no counter row exists for yet


def test_eight_tills_on_the_days_first_number_all_succeed(db_url):
    start = threading.Barrier(8)
    got: list[str] = []
    errors: list[BaseException] = []

    def till() -> None:
        try:
            start.wait()
            with session_scope(db_url) as s:
                got.append(next_number(s, "RT", DAY))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    for _round in range(3):
        threads = [threading.Thread(target=till) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        start.reset()
    assert errors == [], f"{len(errors)} of 24 tills failed: {errors[:1]}"
    assert sorted(got) == [f"RT261122{n:04d}" for n in range(1, 25)]
