"""Sales import and receipt look-up on a big store, side by side with plain sqlite3 on a minimal schema."""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.db import dispose_engines, init_database
from app.domain.money import line_nets
from app.services.demo import shop as demo
from app.services.imports import import_members, import_products, import_sales, read_lines
from app.services.lookup import find_receipt

# The same tables, keys, indexes and foreign-key enforcement as the app's schema, minus the ORM.
RAW_SCHEMA = """
CREATE TABLE members (id INTEGER PRIMARY KEY, card_no TEXT UNIQUE NOT NULL);
CREATE TABLE sales (id INTEGER PRIMARY KEY, receipt_no TEXT UNIQUE NOT NULL, sold_at TEXT NOT NULL,
  till TEXT, cashier TEXT, member_id INTEGER REFERENCES members(id), receipt_discount INTEGER, total INTEGER,
  points_earned INTEGER, content_hash TEXT);
CREATE INDEX ix_sales_sold_at ON sales (sold_at);
CREATE INDEX ix_sales_member_id ON sales (member_id);
CREATE TABLE sale_lines (id INTEGER PRIMARY KEY, sale_id INTEGER NOT NULL REFERENCES sales(id), line_no INTEGER,
  sku TEXT, name TEXT, policy_class TEXT, qty INTEGER, unit_price INTEGER, discount INTEGER, net INTEGER,
  promo_group TEXT, final_sale INTEGER, warranty_months INTEGER, UNIQUE (sale_id, line_no));
CREATE INDEX ix_sale_lines_sku ON sale_lines (sku);
CREATE TABLE sale_tenders (id INTEGER PRIMARY KEY, sale_id INTEGER NOT NULL REFERENCES sales(id), seq INTEGER,
  method TEXT, amount INTEGER, reference TEXT);
CREATE INDEX ix_sale_tenders_sale_id ON sale_tenders (sale_id);
CREATE TABLE return_lines (id INTEGER PRIMARY KEY, sale_line_id INTEGER REFERENCES sale_lines(id), qty INTEGER);
CREATE INDEX ix_return_lines_sale_line_id ON return_lines (sale_line_id);
"""


def write_sales(path: Path, count: int, workdir: Path) -> list[str]:
    """`count` sales of 3–7 lines (about 5 on average) from the demo catalogue; returns receipt numbers."""
    rng = random.Random(7)
    products = demo._products(rng)
    members = demo._members(rng, 500)
    demo._write(workdir / "products.csv", products)
    demo._write(workdir / "members.csv", members)
    start = datetime(2026, 8, 1, tzinfo=UTC)
    receipts = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            when = start + timedelta(seconds=n * 60)
            row = demo._sale(rng, n, when, products, members, lines_wanted=rng.randint(3, 7))
            row["receipt"] = f"B{n:07d}"
            receipts.append(row["receipt"])
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return receipts


def raw_store(db: Path, members_csv: Path) -> dict[str, int]:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(RAW_SCHEMA)
    with members_csv.open(encoding="utf-8") as handle:
        cards = [(row["card_no"],) for row in csv.DictReader(handle)]
    conn.executemany("INSERT INTO members (card_no) VALUES (?)", cards)
    members = dict(conn.execute("SELECT card_no, id FROM members"))
    conn.close()
    return members


def raw_import(path: Path, db: Path, members: dict[str, int]) -> None:
    """The floor: parse, compute nets, check tenders, insert — plain sqlite3, one transaction."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
    conn.execute("BEGIN IMMEDIATE")
    for text in path.open(encoding="utf-8"):
        s = json.loads(text)
        lines = s["lines"]
        nets = line_nets([ln["qty"] * ln["unit_price"] for ln in lines], [ln["discount"] for ln in lines],
                         s["receipt_discount"])
        if sum(t["amount"] for t in s["tenders"]) != sum(nets):
            continue
        cur = conn.execute("INSERT INTO sales VALUES (NULL,?,?,?,?,?,?,?,?,?)", (
            s["receipt"], s["sold_at"], s["till"], s["cashier"], members.get(s["member"]), s["receipt_discount"],
            sum(nets), s["points_earned"], hashlib.sha256(text.strip().encode()).hexdigest()))
        sid = cur.lastrowid
        conn.executemany("INSERT INTO sale_lines VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?)", [
            (sid, ln["line"], ln["sku"], ln["name"], ln["policy_class"], ln["qty"], ln["unit_price"],
             ln["discount"], net, ln["promo_group"], ln["final_sale"], ln["warranty_months"])
            for ln, net in zip(lines, nets)])
        conn.executemany("INSERT INTO sale_tenders VALUES (NULL,?,?,?,?,?)",
                         [(sid, i, t["method"], t["amount"], "") for i, t in enumerate(s["tenders"])])
    conn.execute("COMMIT")
    conn.close()


def raw_lookup(conn: sqlite3.Connection, receipt: str) -> tuple:
    sale = conn.execute("SELECT * FROM sales WHERE receipt_no = ?", (receipt,)).fetchone()
    lines = conn.execute("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no", (sale[0],)).fetchall()
    returned = conn.execute("SELECT rl.sale_line_id, SUM(rl.qty) FROM return_lines rl JOIN sale_lines sl "
                            "ON sl.id = rl.sale_line_id WHERE sl.sale_id = ? GROUP BY rl.sale_line_id",
                            (sale[0],)).fetchall()
    tenders = conn.execute("SELECT * FROM sale_tenders WHERE sale_id = ?", (sale[0],)).fetchall()
    return sale, lines, returned, tenders


def timed(fn, *args) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def full_import(sales: int, rounds: int, lookups: int = 0) -> dict[str, float]:
    """An empty store filled from one file of `sales` sales: ours and plain sqlite3, alternating rounds."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sales_file = work / "sales.jsonl"
        receipts = write_sales(sales_file, sales, work)
        n_lines = sum(len(json.loads(t)["lines"]) for t in sales_file.open(encoding="utf-8"))
        # Rounds alternate plain and ours into fresh files; the best of each is compared, so a busy
        # moment on a shared machine does not land on one side only.
        raw_times, app_times = [], []
        for n in range(rounds):
            raw_file = work / f"raw{n}.sqlite"
            members = raw_store(raw_file, work / "members.csv")
            raw_times.append(timed(raw_import, sales_file, raw_file, members))
            url = f"sqlite:///{work / f'app{n}.sqlite'}"
            init_database(url, create=True)
            import_products(work / "products.csv", url)
            import_members(work / "members.csv", url)
            t0 = time.perf_counter()
            report = import_sales(read_lines(sales_file), url)
            app_times.append(time.perf_counter() - t0)
            assert report.imported == sales, report.rejected[:3]
        out = {"ours": min(app_times), "raw": min(raw_times), "lines": n_lines}
        if lookups:
            sample = random.Random(3).sample(receipts, min(lookups, len(receipts)))
            conn = sqlite3.connect(raw_file)
            out["lookup_raw"] = statistics.median(timed(raw_lookup, conn, r) for r in sample)
            out["lookup_ours"] = statistics.median(timed(find_receipt, r, url) for r in sample)
            conn.close()
        dispose_engines()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_import")
    parser.add_argument("--sales", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2, help="imports of each kind, alternating")
    args, _ = parser.parse_known_args(argv)
    r = full_import(args.sales, args.rounds, args.lookups)
    print(f"import of {args.sales:,} sales ({r['lines']:,} lines): returns-desk {r['ours']:.2f} s, "
          f"plain sqlite3 {r['raw']:.2f} s, ratio {r['ours'] / r['raw']:.2f}× (target ≤ 2×); best of "
          f"{args.rounds} alternating rounds")
    print(f"receipt look-up (median of {args.lookups}): returns-desk {r['lookup_ours'] * 1e3:.2f} ms, "
          f"plain sqlite3 {r['lookup_raw'] * 1e3:.3f} ms, ratio {r['lookup_ours'] / r['lookup_raw']:.1f}× "
          "(target ≤ 10×)")

if __name__ == "__main__":
    main()
