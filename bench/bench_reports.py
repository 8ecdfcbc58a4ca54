"""Every report over a full year of the big store, beside the same queries in plain sqlite3 over the same tables."""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from app.db import dispose_engines
from app.services import reports
from app.services.users import sign_in
from app.settings import SHOP_TZ
from bench.store import Store, cached_store

READER, READER_PIN = "boss", "9999"     # the store's supervisor
DONE = "FROM returns r WHERE r.status = 'completed' AND r.completed_at >= :a AND r.completed_at < :b"
RETURN_LINES = (
    "SELECT r.id, r.number, r.kind, r.completed_at, r.clerk_id, l.sku, l.name, l.qty, l.reason, l.disposition, "
    "l.outcome, l.refund, coalesce(sl.policy_class, p.policy_class, ''), coalesce(p.category, ''), "
    "coalesce(p.supplier, '') FROM returns r JOIN return_lines l ON l.return_id = r.id "
    "LEFT JOIN sale_lines sl ON sl.id = l.sale_line_id LEFT JOIN products p ON p.sku = l.sku "
    "WHERE r.status = 'completed' AND r.completed_at >= :a AND r.completed_at < :b")
FIRSTS = (
    "WITH f AS (SELECT member_id AS m, min(sold_at) AS t FROM sales WHERE member_id IS NOT NULL "
    "AND +sold_at >= :a AND +sold_at < :b GROUP BY member_id) SELECT f.m, f.t, EXISTS (SELECT 1 FROM sales s "
    "WHERE s.member_id = f.m AND s.sold_at > strftime('%Y-%m-%d %H:%M:%f', f.t, '+7200 seconds') "
    "AND s.sold_at <= strftime('%Y-%m-%d %H:%M:%f', f.t, '+2592000 seconds')) FROM f")
NEXT_VISIT = "SELECT id FROM sales WHERE member_id = ? AND sold_at > ? AND sold_at <= ? LIMIT 1"
MINUTES = "((julianday(r.completed_at) - julianday(r.started_at)) * 1440.0)"
HANDLED = "SELECT r.clerk_id, count(r.id), avg(" + MINUTES + ") " + DONE + " GROUP BY r.clerk_id"
SERVED = ("SELECT r.member_id, r.completed_at, r.policy_version " + DONE.replace("FROM returns r WHERE",
          "FROM returns r WHERE r.member_id IS NOT NULL AND"))

RAW: dict[str, list[str]] = {
    "returns": [RETURN_LINES, "SELECT sku, sum(units) FROM sales_by_day WHERE day >= :d0 AND day <= :d1 GROUP BY sku",
                "SELECT sku, name_zh, category, supplier FROM products"],
    "money": [("SELECT t.method, count(*), sum(t.amount) FROM return_tenders t JOIN returns r ON r.id = t.return_id "
              "WHERE r.status = 'completed' AND r.completed_at >= :a AND r.completed_at < :b GROUP BY t.method"),
              "SELECT coalesce(sum(refund_total), 0), coalesce(sum(withheld_coupon_share), 0) " + DONE,
              ("SELECT count(*), coalesce(sum(value), 0) FROM coupons WHERE kind = 'store_credit' AND issued_at >= :a "
              "AND issued_at < :b"),
              ("SELECT count(*), coalesce(sum(value), 0) FROM coupons WHERE kind = 'store_credit' AND status = "
              "'redeemed' AND redeemed_at >= :a AND redeemed_at < :b"),
              ("SELECT c.method, count(*), sum(c.amount) FROM return_compensations c JOIN returns r ON r.id = "
              "c.return_id WHERE r.status = 'completed' AND r.completed_at >= :a AND r.completed_at < :b GROUP BY 1"),
              "SELECT r.supervisor_id, r.override_reason, r.refund_total " + DONE + " AND r.supervisor_id IS NOT NULL",
              "SELECT id, username, display_name FROM users"],
    "service": [HANDLED, "SELECT r.started_at, r.completed_at " + DONE + " AND " + MINUTES + " > 4320",
                ("SELECT created_at, respond_by, resolve_by, responded_at, resolved_at, contacts FROM complaints "
                "WHERE created_at >= :a AND created_at < :b"),
                ("SELECT created_at, coalesce(back_at, closed_at) FROM repair_tickets WHERE created_at >= :a "
                "AND created_at < :b"),
                "SELECT followup_id, outcome, solved FROM followup_calls WHERE at >= :a AND at < :b",
                "SELECT id FROM followups WHERE created_at >= :a AND created_at < :b",
                "SELECT followup_id, outcome, solved FROM followup_calls",
                "SELECT reopened_at FROM complaints WHERE created_at >= :a AND created_at < :b",
                "SELECT service, score, user_id FROM ratings WHERE at >= :a AND at < :b",
                "SELECT id, username, display_name FROM users"],
    "loyalty": ["SELECT return_id FROM coupons WHERE kind = 'coupon' AND return_id IS NOT NULL",
                "SELECT r.id, r.number, r.member_id, r.completed_at, r.clerk_id, r.kind, r.refund_total, r.trace, "
                "r.policy_version " + DONE + " AND r.member_id IS NOT NULL",
                ("SELECT id, member_id, created_at, owner_id FROM complaints WHERE member_id IS NOT NULL AND "
                "created_at >= :a AND created_at < :b"), FIRSTS,
                "SELECT reason, status, value FROM coupons WHERE kind = 'coupon' AND issued_at >= :a AND issued_at < :b",
                ("SELECT c.issued_by_id, c.member_id, s.total, s.member_id FROM coupons c LEFT JOIN sales s ON s.id = "
                "c.redeemed_sale_id WHERE c.kind = 'coupon' AND c.issued_by_id IS NOT NULL AND c.issued_at >= :a "
                "AND c.issued_at < :b")],
    "policy": ["SELECT r.policy_version, r.refund_total, r.supervisor_id, r.trace " + DONE],
    "staff": [HANDLED, "SELECT r.supervisor_id, count(r.id) " + DONE + " AND r.supervisor_id IS NOT NULL GROUP BY 1",
              ("SELECT owner_id, count(id), sum(CASE WHEN resolved_at IS NOT NULL AND resolved_at <= resolve_by "
              "THEN 1 ELSE 0 END) FROM complaints WHERE owner_id IS NOT NULL AND created_at >= :a AND created_at < :b "
              "GROUP BY owner_id"),
              "SELECT user_id, count(id), avg(score) FROM ratings WHERE at >= :a AND at < :b GROUP BY user_id",
              "SELECT id, role FROM users", "SELECT id, username, display_name FROM users"],
}
VISITS = {"loyalty", "policy"}   # these also look up each served member's next visit, as ours does


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def raw(db: Path, name: str, start: date, end: date) -> Callable[[], int]:
    since = datetime.combine(start, clock(0), SHOP_TZ)
    until = datetime.combine(end + timedelta(days=1), clock(0), SHOP_TZ)
    params = {"a": _stamp(since), "b": _stamp(until), "d0": start.isoformat(), "d1": end.isoformat()}

    def once() -> int:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        n = 0
        for sql in RAW[name]:
            found = conn.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql}).fetchall()
            if "r.trace" in sql:   # each return's decisions are read from its trace, as ours does
                i = sql.split(" FROM ")[0].split(", ").index("r.trace")
                n += sum(len(json.loads(row[i] or "{}").get("lines", ())) for row in found)
            n += len(found)
        if name in VISITS:
            first: dict[int, str] = {}
            for member, at, _v in conn.execute(SERVED, params):
                first.setdefault(member, at)
            for member, at in first.items():
                t = datetime.fromisoformat(at)
                n += conn.execute(NEXT_VISIT, (member, str(t + timedelta(hours=2)), str(t + timedelta(days=30)))
                                  ).fetchone() is not None
        conn.close()
        return n
    return once


def measure(store: Store, repeat: int = 3) -> dict[str, tuple[float, float]]:
    """name → (ours, raw) median ms over `repeat` alternating runs, a full year ending the store's last day."""
    end = datetime.fromisoformat(store.built_at).astimezone(SHOP_TZ).date() - timedelta(days=1)
    period = reports.custom(end - timedelta(days=364), end)
    reader = sign_in(READER, READER_PIN, store.url)
    out = {}
    for family in reports.FAMILIES:
        ours_t, raw_t = [], []
        bare = raw(store.path, family.name, period.start, period.end)
        reports.run(family.name, reader, period, store.url)   # warm: engine, statements, page cache
        bare()
        for _ in range(repeat):
            t0 = time.perf_counter()
            reports.run(family.name, reader, period, store.url)
            ours_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            bare()
            raw_t.append(time.perf_counter() - t0)
        out[family.name] = (statistics.median(ours_t) * 1e3, statistics.median(raw_t) * 1e3)
    dispose_engines()
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.bench_reports")
    parser.add_argument("--receipts", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for name, (ours, bare) in measure(cached_store(args.receipts), args.repeat).items():
        print(f"{name:10s} ours {ours:8.1f} ms   raw {bare:8.1f} ms   {ours / bare:5.1f}×")


def summary_cost(store: Store, repeat: int = 3) -> float:
    """ms the import spends keeping sales_by_day for a day's 1,440 sales (rolled back: the copy stays as built)."""
    from app.db import session_scope
    from app.services import sales_days
    from bench.bench_day_import import day_sales

    lines = [(datetime.fromisoformat(row["sold_at"]), ln["sku"], ln["qty"], ln["qty"] * ln["unit_price"])
             for row in map(json.loads, day_sales(store)) for ln in row["lines"]]
    times = []
    for _ in range(repeat):
        with session_scope(store.url, write=False) as s:
            t0 = time.perf_counter()
            sales_days.add(s.connection(), lines)
            times.append(time.perf_counter() - t0)
            s.rollback()
    dispose_engines()
    return statistics.median(times) * 1e3
