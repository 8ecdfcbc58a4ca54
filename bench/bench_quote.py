"""Look-up, quote and a return without a receipt on the big store, beside the same reads in plain sqlite3."""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from app.db import dispose_engines, session_scope
from app.services import returns
from app.services.lookup import find_receipt
from app.services.return_facts import lowest_price_30d
from app.services.views import NoReceiptItem, ReturnItem, ReturnRequest
from bench.store import Store, cached_store

# The reads a receipt look-up needs: the sale with its member, its lines, what was already returned
# of THIS sale's lines (completed returns only), its tenders and coupons.
RAW_SALE = ("SELECT s.*, m.card_no, m.tier, m.points FROM sales s LEFT JOIN members m ON m.id = s.member_id "
            "WHERE s.receipt_no = ?")
RAW_LINES = "SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no"
RAW_RETURNED = ("SELECT rl.sale_line_id, SUM(rl.qty) FROM sale_lines sl JOIN return_lines rl ON rl.sale_line_id = sl.id "
                "JOIN returns r ON r.id = rl.return_id AND r.status = 'completed' WHERE sl.sale_id = ? "
                "GROUP BY rl.sale_line_id")
RAW_TENDERS = "SELECT * FROM sale_tenders WHERE sale_id = ? ORDER BY seq"
RAW_COUPONS = "SELECT * FROM sale_coupons WHERE sale_id = ?"
# …and what a quote adds: the member's completed returns of the last 30 days.
RAW_MEMBER_30D = ("SELECT COUNT(*) FROM returns WHERE member_id = ? AND status = 'completed' "
                  "AND completed_at >= ?")
RAW_PRODUCT = "SELECT * FROM products WHERE sku = ?"
RAW_LOWEST = ("SELECT MIN(sl.net / sl.qty) FROM sale_lines sl JOIN sales s ON s.id = sl.sale_id "
              "WHERE sl.sku = ? AND s.sold_at >= ? AND s.sold_at <= ?")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def raw_lookup(conn: sqlite3.Connection, receipt: str) -> tuple:
    sale = conn.execute(RAW_SALE, (receipt,)).fetchone()
    return (sale, conn.execute(RAW_LINES, (sale[0],)).fetchall(), conn.execute(RAW_RETURNED, (sale[0],)).fetchall(),
            conn.execute(RAW_TENDERS, (sale[0],)).fetchall(), conn.execute(RAW_COUPONS, (sale[0],)).fetchall())


def raw_lookup_and_quote_reads(conn: sqlite3.Connection, receipt: str, now: datetime) -> tuple:
    found = raw_lookup(conn, receipt)
    member_id = found[0][5]
    count = conn.execute(RAW_MEMBER_30D, (member_id, _stamp(now - timedelta(days=30)))).fetchone()
    return found, count


def raw_no_receipt(conn: sqlite3.Connection, sku: str, now: datetime) -> tuple:
    product = conn.execute(RAW_PRODUCT, (sku,)).fetchone()
    low = conn.execute(RAW_LOWEST, (sku, _stamp(now - timedelta(days=30)), _stamp(now))).fetchone()
    return product, low


def median_ms(fn: Callable[[object], object], items: list) -> float:  # type: ignore[type-arg]
    times = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def _request(receipt: str, url: str) -> ReturnRequest:
    line = find_receipt(receipt, url).lines[0]
    return ReturnRequest(receipt, (ReturnItem(line.line_no, 1, "changed_mind", "unopened"),))


def measure(store: Store, count: int = 300) -> dict[str, tuple[float, float]]:
    """Median ms per call, ours and plain sqlite3, for each measure (warmed up on other receipts)."""
    url, now = store.url, datetime.now(UTC)
    conn = sqlite3.connect(store.path)
    recent = store.recent[: count + 20]
    warm, sample = recent[:20], recent[20:]
    everything = store.everything[:count]
    skus = random.Random(2).choices(store.skus, k=max(count // 3, 30))
    for code in warm:
        find_receipt(code, url), returns.quote(_request(code, url), url), raw_lookup(conn, code)
    requests = {code: _request(code, url) for code in sample}
    # As the counter does: the quote gets the receipt the scan loaded (re-checked, not trusted).
    seen = {code: find_receipt(code, url) for code in sample}
    out = {
        "look-up": (median_ms(lambda r: find_receipt(r, url), everything),
                    median_ms(lambda r: raw_lookup(conn, r), everything)),
        "quote": (median_ms(lambda r: returns.quote(requests[r], url, receipt=seen[r]), sample),
                  median_ms(lambda r: raw_lookup_and_quote_reads(conn, r, now), sample)),
        "look-up + quote": (median_ms(lambda r: returns.quote(requests[r], url, receipt=find_receipt(r, url)),
                                      sample),
                            median_ms(lambda r: raw_lookup_and_quote_reads(conn, r, now), sample)),
    }
    with session_scope(url, write=False) as s:
        out["30-day lowest price"] = (median_ms(lambda k: lowest_price_30d(s, k, now), skus),
                                      median_ms(lambda k: conn.execute(RAW_LOWEST, (
                                          k, _stamp(now - timedelta(days=30)), _stamp(now))).fetchone(), skus))
    no_receipt = lambda k: returns.quote(ReturnRequest(None, no_receipt_items=(
        NoReceiptItem(k, 1, "changed_mind", "unopened"),)), url)
    out["no-receipt quote, 1 line"] = (median_ms(no_receipt, skus), median_ms(lambda k: raw_no_receipt(conn, k, now), skus))
    conn.close()
    dispose_engines()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_quote")
    parser.add_argument("--receipts", type=int, default=1_000_000)
    parser.add_argument("--count", type=int, default=300)
    args, _ = parser.parse_known_args(argv)
    for name, (ours, raw) in measure(cached_store(args.receipts), args.count).items():
        print(f"{name:<28}{ours:>9.2f} ms{raw:>9.3f} ms{ours / raw:>8.1f}×")


if __name__ == "__main__":
    main()
