"""A day's sales (1,440, one a minute) imported into the big store, beside plain sqlite3 into the same store."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.db import dispose_engines
from app.domain.money import line_nets
from app.services.demo import shop as demo
from app.services.imports import import_sales
from bench.store import MEMBERS, Store, cached_store, working_copy

PREFIX = "D"  # the day's receipts, so they can be taken out again between rounds


def day_sales(store: Store, count: int = 1440) -> list[str]:
    """The day after the store's history, from the store's own catalogue and members."""
    rng = random.Random(7)
    products, members = demo._products(rng), demo._members(rng, MEMBERS)
    day = datetime.fromisoformat(store.built_at)
    rows = []
    for n in range(count):
        row = demo._sale(rng, n, day + timedelta(minutes=n), products, members, lines_wanted=rng.randint(3, 7))
        row["receipt"] = f"{PREFIX}{n:05d}"
        rows.append(json.dumps(row, ensure_ascii=False))
    return rows


def _stamp(text: str) -> str:
    return datetime.fromisoformat(text).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def raw_day_import(db: Path, texts: list[str]) -> int:
    """The floor: parse, compute nets, check tenders, skip known receipts of THIS batch, insert."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
    conn.execute("BEGIN IMMEDIATE")
    rows = [json.loads(t) for t in texts]
    marks = ",".join("?" * len(rows))
    known = {r for (r,) in conn.execute(f"SELECT receipt_no FROM sales WHERE receipt_no IN ({marks})",
                                        [s["receipt"] for s in rows])}
    cards = sorted({s["member"] for s in rows if s["member"]})
    members = dict(conn.execute(f"SELECT card_no, id FROM members WHERE card_no IN ({','.join('?' * len(cards))})",
                                cards))
    done = 0
    for text, s in zip(texts, rows):
        if s["receipt"] in known:
            continue
        lines = s["lines"]
        nets = line_nets([ln["qty"] * ln["unit_price"] for ln in lines], [ln["discount"] for ln in lines],
                         s["receipt_discount"])
        if sum(t["amount"] for t in s["tenders"]) != sum(nets):
            continue
        sid = conn.execute(
            "INSERT INTO sales (receipt_no, sold_at, till, cashier, member_id, receipt_discount, total, "
            "points_earned, content_hash, discount_rule) VALUES (?,?,?,?,?,?,?,?,?,'after_line_discount')",
            (s["receipt"], _stamp(s["sold_at"]), s["till"], s["cashier"], members.get(s["member"]),
             s["receipt_discount"], sum(nets), s["points_earned"], hashlib.sha256(text.encode()).hexdigest())
        ).lastrowid
        conn.executemany(
            "INSERT INTO sale_lines (sale_id, line_no, sku, name, policy_class, qty, unit_price, discount, net, "
            "promo_group, final_sale, warranty_months, food, stored_value) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,0)",
            [(sid, ln["line"], ln["sku"], ln["name"], ln["policy_class"], ln["qty"], ln["unit_price"],
              ln["discount"], net, ln["promo_group"], ln["final_sale"], ln["warranty_months"])
             for ln, net in zip(lines, nets)])
        conn.executemany("INSERT INTO sale_tenders (sale_id, seq, method, amount, reference) VALUES (?,?,?,?,?)",
                         [(sid, i, t["method"], t["amount"], "") for i, t in enumerate(s["tenders"])])
        done += 1
    conn.execute("COMMIT")
    conn.close()
    return done


def take_out_the_day(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    day = f"(SELECT id FROM sales WHERE receipt_no LIKE '{PREFIX}%')"
    with conn:
        for table in ("sale_tenders", "sale_lines", "sale_coupons"):
            conn.execute(f"DELETE FROM {table} WHERE sale_id IN {day}")
        conn.execute(f"DELETE FROM sales WHERE receipt_no LIKE '{PREFIX}%'")
    conn.close()


def measure(store: Store, rounds: int = 2) -> dict[str, tuple[float, float]]:
    """Best of `rounds` alternating imports of the day into the (working copy of the) store, in seconds."""
    texts = day_sales(store)
    ours, raw = [], []
    take_out_the_day(store.path)
    for _ in range(rounds):
        t0 = time.perf_counter()
        report = import_sales(texts, store.url)
        ours.append(time.perf_counter() - t0)
        assert report.imported == len(texts), report.rejected[:3]
        dispose_engines()
        take_out_the_day(store.path)
        t0 = time.perf_counter()
        assert raw_day_import(store.path, texts) == len(texts)
        raw.append(time.perf_counter() - t0)
        take_out_the_day(store.path)
    return {"import, a day's 1,440 sales into the store": (min(ours), min(raw))}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_day_import")
    parser.add_argument("--receipts", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    args, _ = parser.parse_known_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = working_copy(cached_store(args.receipts), Path(tmp))
        for name, (o, r) in measure(store, args.rounds).items():
            print(f"{name}: returns-desk {o:.2f} s, plain sqlite3 {r:.2f} s, ratio {o / r:.1f}×")


if __name__ == "__main__":
    main()
