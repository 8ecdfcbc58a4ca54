"""The benchmark store: 1,000,000 receipts over two years, built once through the real import and cached.

Nothing of the program is imported at the top: the start-up probes import this module, and what it
loaded would be counted on both sides of the start-up benchmark (before, the demo shop's import made
both sides pay for the ORM, the services and reportlab, so ours looked nearer the bare window).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

CACHE = Path(os.environ.get("RETURNS_DESK_BENCH_CACHE", Path.home() / ".cache" / "returns-desk-bench"))
MEMBERS = 20_000
RETURNS = 2_000      # earlier completed returns, spread over the last two months
SPAN_DAYS = 730      # two years of sales, ending the day before the store was built
CLERK, CLERK_PIN = "clerk", "1111"


@dataclass(frozen=True)
class Store:
    path: Path
    receipts: int
    recent: list[str]          # receipts of the last 14 days: what customers bring back
    everything: list[str]      # a sample over the whole history, for look-ups
    skus: list[str]            # products, for returns without a receipt
    built_at: str              # ISO time the store's history ends at
    members: list[str]

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"


def _head() -> str:
    from app.migrate import head_revision

    return head_revision()


def _sales(count: int, end: datetime, products: list[dict[str, object]],
           members: list[dict[str, object]]) -> Iterator[str]:
    """`count` sales evenly spread over SPAN_DAYS up to `end`, as JSON Lines (receipt B0000000…)."""
    from app.services.demo import shop as demo

    rng = random.Random(7)
    step = SPAN_DAYS * 86400 / count
    start = end - timedelta(days=SPAN_DAYS)
    for n in range(count):
        row = demo._sale(rng, n, start + timedelta(seconds=n * step), products, members,
                         lines_wanted=rng.randint(3, 7))
        row["receipt"] = f"B{n:07d}"
        yield json.dumps(row, ensure_ascii=False)


def _earlier_returns(url: str, count: int, end: datetime) -> int:
    """Completed returns through the real service, each a day after its sale, over the last 60 days."""
    from app.services import returns
    from app.services.users import sign_in
    from app.services.views import ReturnItem, ReturnRequest

    clerk = sign_in(CLERK, CLERK_PIN, url)
    conn = sqlite3.connect(Path(url.removeprefix("sqlite:///")))
    rows = conn.execute(
        "SELECT s.receipt_no, s.sold_at, MIN(sl.line_no) FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id "
        "WHERE sl.policy_class = 'general' AND sl.promo_group IS NULL AND sl.final_sale = 0 "
        "AND s.sold_at >= ? GROUP BY s.id", ((end - timedelta(days=60)).isoformat(" "),)).fetchall()
    conn.close()
    made = 0
    for receipt, sold_at, line in random.Random(5).sample(rows, min(count * 2, len(rows))):
        when = datetime.fromisoformat(sold_at).replace(tzinfo=UTC) + timedelta(days=1)
        try:
            returns.complete(ReturnRequest(receipt, (ReturnItem(line, 1, "changed_mind", "unopened"),)),
                             clerk, url=url, now=when)
        except (returns.NeedsSupervisor, returns.RefusedByPolicy):
            continue
        made += 1
        if made >= count:
            break
    return made


def build(path: Path, count: int) -> dict[str, object]:
    from app.db import dispose_engines, init_database, session_scope
    from app.services.demo import shop as demo
    from app.services.imports import import_members, import_products, import_sales
    from app.services.users import create_user

    url = f"sqlite:///{path}"
    rng = random.Random(7)
    products, members = demo._products(rng), demo._members(rng, MEMBERS)
    end = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1)
    work = path.parent
    demo._write(work / "products.csv", products)
    demo._write(work / "members.csv", members)
    init_database(url, create=True)
    import_products(work / "products.csv", url)
    import_members(work / "members.csv", url)
    t0 = time.perf_counter()
    report = import_sales(_sales(count, end, products, members), url)
    assert report.imported == count, report.rejected[:3]
    print(f"  {count:,} sales imported in {time.perf_counter() - t0:.0f} s", flush=True)
    with session_scope(url) as s:
        create_user(s, CLERK, "店员", "clerk", CLERK_PIN)
        create_user(s, "boss", "店长", "supervisor", "9999")
    made = _earlier_returns(url, RETURNS, end)
    dispose_engines()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"receipts": count, "returns": made, "built_at": end.isoformat(),
            "skus": [str(p["sku"]) for p in products], "members": [str(m["card_no"]) for m in members[:200]]}


def carry_forward(path: Path, count: int) -> bool:
    """An older store of this size, on a revision of this schema's chain, brought to the head by the real
    migrations (as a shop's database is): minutes instead of the better part of an hour's build."""
    from app.db import dispose_engines, get_engine
    from app.migrate import all_revisions, upgrade_to_head

    older = [r for r in reversed(all_revisions()[:-1]) if (CACHE / f"store-{r}-{count}.json").exists()
             and (CACHE / f"store-{r}-{count}.sqlite").exists()]
    if not older:
        return False
    partial = CACHE / f"carrying-{count}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    print(f"carrying the benchmark store forward from {older[0]} to {_head()} by the migrations", flush=True)
    t0 = time.perf_counter()
    src, dst = sqlite3.connect(CACHE / f"store-{older[0]}-{count}.sqlite"), sqlite3.connect(partial / "store.sqlite")
    src.backup(dst)
    src.close()
    dst.close()
    upgrade_to_head(get_engine(f"sqlite:///{partial / 'store.sqlite'}"))
    dispose_engines()
    meta = json.loads((CACHE / f"store-{older[0]}-{count}.json").read_text(encoding="utf-8"))
    (partial / "store.sqlite").rename(path)
    path.with_suffix(".json").write_text(json.dumps({**meta, "carried_from": older[0]}), encoding="utf-8")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"  store carried forward in {time.perf_counter() - t0:.0f} s", flush=True)
    return True


def cached_store(count: int = 1_000_000) -> Store:
    """The cached store for this schema head and size: built first if it is not there yet, or carried
    forward from an older revision's (RETURNS_DESK_BENCH_REBUILD=1 builds it afresh instead)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"store-{_head()}-{count}.sqlite"
    meta_file = path.with_suffix(".json")
    if not (path.exists() and meta_file.exists()) and not os.environ.get("RETURNS_DESK_BENCH_REBUILD"):
        carry_forward(path, count)
    if not (path.exists() and meta_file.exists()):
        partial = CACHE / f"building-{count}"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        print(f"building the benchmark store ({count:,} receipts) in {CACHE} — once", flush=True)
        t0 = time.perf_counter()
        meta = build(partial / "store.sqlite", count)
        (partial / "store.sqlite").rename(path)
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
        shutil.rmtree(partial, ignore_errors=True)
        print(f"  store built in {time.perf_counter() - t0:.0f} s", flush=True)
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    n = int(meta["receipts"])
    step = SPAN_DAYS * 86400 / n
    recent_from = int(n - 14 * 86400 / step)
    rng = random.Random(11)
    return Store(path, n, [f"B{i:07d}" for i in rng.sample(range(recent_from, n), min(2000, n - recent_from))],
                 [f"B{i:07d}" for i in rng.sample(range(n), min(2000, n))], meta["skus"], meta["built_at"],
                 meta["members"])


def working_copy(store: Store, folder: Path) -> Store:
    """A copy the benchmarks may write into (returns, a day's import); the cache stays as built."""
    target = folder / "store.sqlite"
    src, dst = sqlite3.connect(store.path), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return Store(target, store.receipts, store.recent, store.everything, store.skus, store.built_at,
                 store.members)


if __name__ == "__main__":
    import sys

    s = cached_store(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
    print(f"{s.path}: {s.receipts:,} receipts, {s.path.stat().st_size / 1e6:.0f} MB")
