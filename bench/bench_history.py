"""Member history and the end-of-day report on the big store: do they stay the same as history grows?"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from app.db import dispose_engines
from app.services import members
from app.services.end_of_day import end_of_day_data
from bench.store import Store, cached_store, working_copy

LONG_EVERY = 50          # every 50th sale of the store becomes the long member's: 20,000 at 1 M receipts
OLD_COPIES = 50          # the store's returns copied this many times into the years before: 100,000 more
RAW_HISTORY = (
    ("SELECT id, card_no, name, phone, tier, points FROM members WHERE card_no = ?", "card"),
    (("SELECT r.receipt_no, r.sold_at, r.total, (SELECT COUNT(*) FROM sale_lines sl WHERE sl.sale_id = r.id) "
     "FROM (SELECT id, receipt_no, sold_at, total FROM sales WHERE member_id = ? ORDER BY sold_at DESC LIMIT 20) r "
     "ORDER BY r.sold_at DESC"), "id"),
    (("SELECT r.number, r.kind, r.status, r.completed_at, r.refund_total, s.receipt_no FROM returns r "
     "LEFT JOIN sales s ON s.id = r.sale_id WHERE r.member_id = ? ORDER BY r.id DESC LIMIT 20"), "id"),
    (("SELECT number, created_at, type, severity, status FROM complaints WHERE member_id = ? "
     "ORDER BY id DESC LIMIT 20"), "id"),
)


def median_ms(fn: Callable[[], object], times: int) -> float:
    spent = []
    for _ in range(times):
        t0 = time.perf_counter()
        fn()
        spent.append(time.perf_counter() - t0)
    return statistics.median(spent) * 1e3


def raw_history(conn: sqlite3.Connection, card: str) -> tuple:
    (member,) = conn.execute(RAW_HISTORY[0][0], (card,)).fetchall()
    return member, *(conn.execute(sql, (member[0],)).fetchall() for sql, _key in RAW_HISTORY[1:])


def give_a_long_history(path: Path, card: str) -> int:
    """Every LONG_EVERY-th sale of the store made the member's: a regular of many years."""
    conn = sqlite3.connect(path)
    with conn:
        (member_id,) = conn.execute("SELECT id FROM members WHERE card_no = ?", (card,)).fetchone()
        conn.execute("UPDATE sales SET member_id = ? WHERE id % ? = 0", (member_id, LONG_EVERY))
        (count,) = conn.execute("SELECT COUNT(*) FROM sales WHERE member_id = ?", (member_id,)).fetchone()
    conn.close()
    return int(count)


def _shifted(column: str, days: str) -> str:
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC): the date moved back, the fraction kept.
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE datetime({column}, {days}) || substr({column}, 20) END"


def add_old_returns(path: Path) -> int:
    """The store's returns copied OLD_COPIES times into the past (400 days back and more), their card and
    wallet refunds confirmed long ago: years of returns before the day the report is run for."""
    conn = sqlite3.connect(path)
    times = ("started_at", "completed_at", "voided_at", "approved_at")
    with conn:
        for table, key, moved in (("returns", "id", times), ("return_tenders", "id", ("confirmed_at",))):
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            for k in range(1, OLD_COPIES + 1):
                days = f"'-{400 + 8 * k} days'"
                values = []
                for c in columns:
                    if c in (key, "return_id"):
                        values.append(f"{c} + {k * 10_000_000}")
                    elif c == "number":
                        values.append(f"number || 'H{k}'")
                    elif c in moved:
                        values.append(_shifted(c, days))
                    elif c == "terminal_ref":
                        values.append("coalesce(terminal_ref, 'OLD')")
                    else:
                        values.append(c)
                conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {table} "
                             f"WHERE {key} < 10000000")
        (count,) = conn.execute("SELECT COUNT(*) FROM returns").fetchone()
    conn.close()
    return int(count)


def measure(store: Store, times: int = 30) -> dict[str, tuple[float, float]]:  # (ours, baseline) by row name
    """Ms per call: history of a long-history member against plain sqlite3 and against a short-history
    member; the end-of-day data for the store's last day after and before years of older returns.
    Writes into `store` (a working copy): run it after the other benchmarks."""
    long_card, short_card = store.members[0], store.members[1]
    purchases = give_a_long_history(store.path, long_card)
    conn = sqlite3.connect(store.path)
    members.history(long_card, store.url), members.history(short_card, store.url), raw_history(conn, long_card)
    ours_long, ours_short, raw_long = [], [], []
    for _ in range(3):   # alternating rounds, so a busy moment hits every side alike
        ours_long.append(median_ms(lambda: members.history(long_card, store.url), times))
        raw_long.append(median_ms(lambda: raw_history(conn, long_card), times))
        ours_short.append(median_ms(lambda: members.history(short_card, store.url), times))
    conn.close()
    day = (datetime.fromisoformat(store.built_at) - timedelta(days=1)).date()
    end_of_day_data(day, store.url)
    eod_before = median_ms(lambda: end_of_day_data(day, store.url), 5)
    returns_now = add_old_returns(store.path)
    dispose_engines()
    end_of_day_data(day, store.url)
    eod_after = median_ms(lambda: end_of_day_data(day, store.url), 5)
    dispose_engines()
    return {f"member history, {purchases:,} purchases (vs the same reads in plain sqlite3)":
            (min(ours_long), min(raw_long)),
            f"member history, {purchases:,} purchases vs a member's ~30 (independent of history)":
            (min(ours_long), min(ours_short)),
            f"end-of-day data, {returns_now:,} returns vs the last 2 months' alone (independent of history)":
            (eod_after, eod_before)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_history")
    parser.add_argument("--receipts", type=int, default=1_000_000)
    parser.add_argument("--times", type=int, default=30)
    args, _ = parser.parse_known_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = working_copy(cached_store(args.receipts), Path(tmp))
        for name, (a, b) in measure(store, args.times).items():
            print(f"{name}: {a:.2f} ms, {b:.2f} ms, {a / b:.1f}×")


if __name__ == "__main__":
    main()
