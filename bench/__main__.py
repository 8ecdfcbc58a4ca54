"""`make bench`: every benchmark on the cached 1,000,000-receipt store, printed as one table."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass(frozen=True)
class Row:
    measure: str
    ours: float
    raw: float | None
    unit: str                  # "ms", "s" or "MB"
    goal: str                  # "≤ 8×", "≤ 2 ms", "< 50 ms", "≤ 200 MB" or "—"

    def ratio(self) -> float | None:
        return self.ours / self.raw if self.raw else None

    def met(self) -> str:
        if self.goal == "—":
            return "—"
        limit = float(self.goal.split()[1].rstrip("×"))
        value = self.ratio() if self.goal.endswith("×") else self.ours
        return "yes" if value is not None and value <= limit else "**no**"

    def cells(self) -> list[str]:
        fmt = (lambda v: f"{v:,.0f} {self.unit}") if self.unit == "MB" else (
            lambda v: f"{v:.2f} {self.unit}" if v >= 1 else f"{v:.3f} {self.unit}")
        ratio = self.ratio()
        return [self.measure, fmt(self.ours), fmt(self.raw) if self.raw else "—",
                f"{ratio:.1f}×" if ratio else "—", self.goal, self.met()]


def machine() -> str:
    import PySide6
    import sqlalchemy

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{datetime.now():%Y-%m-%d %H:%M}, {cpu}, {os.cpu_count()} cores, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
            f"SQLAlchemy {sqlalchemy.__version__}, SQLite {sqlite3.sqlite_version}; load average at the "
            f"start {load:.1f}")


def eod_row(store) -> Row:  # type: ignore[no-untyped-def]
    from app.db import dispose_engines
    from app.services.printouts import document_pdf

    day = (datetime.fromisoformat(store.built_at) - timedelta(days=1)).date().isoformat()
    document_pdf("eod", day, url=store.url)
    t0 = time.perf_counter()
    for _ in range(3):
        document_pdf("eod", day, url=store.url)
    dispose_engines()
    return Row("end-of-day report PDF (one day, history of the store)", (time.perf_counter() - t0) / 3 * 1e3,
               None, "ms", "—")


def history_rows(store) -> list[Row]:  # type: ignore[no-untyped-def]
    from bench import bench_history

    goals = ("—", "≤ 2×", "≤ 2×")  # against plain sqlite3; then long history against short
    return [Row(name, ours, base, "ms", goal)
            for (name, (ours, base)), goal in zip(bench_history.measure(store).items(), goals, strict=True)]


class _Shown(list[Row]):
    """The table's rows, each printed as it is measured: a benchmark that fails later loses none."""

    def append(self, row: Row) -> None:
        print("  " + " | ".join(row.cells()), flush=True)
        super().append(row)

    def __iadd__(self, rows):  # type: ignore[no-untyped-def, override]
        for row in rows:
            self.append(row)
        return self


def run(args: argparse.Namespace) -> tuple[list[Row], str]:
    from bench import (
        bench_day_import,
        bench_import,
        bench_printing,
        bench_quote,
        bench_reports,
        bench_scan,
        bench_startup,
    )
    from bench.store import cached_store, working_copy

    about = machine()
    store = cached_store(args.receipts)
    rows: list[Row] = _Shown()
    with tempfile.TemporaryDirectory() as tmp:
        copy = working_copy(store, Path(tmp))
        print(f"store: {store.receipts:,} receipts ({store.path}); working copy made", flush=True)
        q = bench_quote.measure(copy, args.count)
        rows += [Row("receipt look-up (median)", *q["look-up"], "ms", "≤ 10×"),
                 Row("quote of one line, after the look-up", *q["quote"], "ms", "—"),
                 Row("look-up + quote", *q["look-up + quote"], "ms", "≤ 8×")]
        print("look-up and quote done", flush=True)
        for name, (ours, bare) in bench_reports.measure(copy).items():
            rows.append(Row(f"report {name}, a full year (vs the same queries in plain sqlite3)", ours, bare, "ms",
                            "≤ 3×"))
        print("reports done", flush=True)
        scan = bench_scan.measure_store(copy, args.scans)
        rows += [Row("scan → receipt on screen (vs bare Qt window)", *scan["scan → receipt on screen"], "ms", "—"),
                 Row("scan → receipt + quote on screen", scan["scan → receipt + quote on screen"][0], None, "ms",
                     "< 50 ms")]
        print("scan done", flush=True)
        rows += [Row("30-day lowest price, one SKU", *q["30-day lowest price"], "ms", "≤ 2 ms"),
                 Row("no-receipt quote, one line", *q["no-receipt quote, 1 line"], "ms", "—")]
        # one round more: the raw baseline's single commit makes it the more sensitive of the two to a slow
        # fsync, and the best of three alternating rounds keeps one slow disk moment from setting the ratio
        full = bench_import.full_import(args.full_sales, args.rounds + 1)
        rows.append(Row(f"import, full: {args.full_sales:,} sales into an empty store", full["ours"], full["raw"],
                        "s", "≤ 2×"))
        day = bench_day_import.measure(copy, args.rounds)
        rows.append(Row(f"import, a day's 1,440 sales into the {store.receipts:,} store",
                        *day["import, a day's 1,440 sales into the store"], "s", "≤ 2×"))
        print("imports done", flush=True)
        up = bench_startup.measure(copy, args.rounds + 3)
        rows.append(Row("start-up: launch → sign-in field (vs bare PySide6 window)", *up["start-up"], "ms", "≤ 2×"))
        rows.append(Row("start-up: longest event-loop stall while the rest loads (median; worst "
                        f"{up['worst stall'][0]:.0f} ms)", up["longest stall"][0], None, "ms", "≤ 100 ms"))
        rows.append(Row("start-up: launch → counter loaded, sign-in open", up["counter loaded"][0], None, "ms", "—"))
        rows.append(Row("first scan after the launch → receipt on screen", up["first scan after the launch"][0], None,
                        "ms", "< 50 ms"))
        slip_ours, slip_bare = bench_printing.measure(3, "80mm", 20, 5)
        rows.append(Row("slip PDF, 3 lines, 80 mm (vs bare reportlab page)", slip_ours * 1e3, slip_bare * 1e3,
                        "ms", "≤ 2×"))
        rows.append(eod_row(copy))
        mem = up["memory at rest after a scan"]
        rows.append(Row("memory at rest after a scan (RSS; vs bare window)", mem[0], mem[1], "MB", "≤ 200 MB"))
        rows += history_rows(copy)   # last: it writes a long-history member and years of returns into the copy
    return rows, about


def table(rows: list[Row]) -> str:
    head = ["measure", "ours", "raw baseline", "ratio", "goal", "met"]
    out = ["| " + " | ".join(head) + " |", "|---|---:|---:|---:|---:|:---:|"]
    out += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--receipts", type=int, default=1_000_000, help="receipts in the cached store")
    parser.add_argument("--full-sales", type=int, default=100_000, help="sales in the full-import file")
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--count", type=int, default=300, help="receipts per look-up/quote measure")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of the imports")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as home:
        os.environ.setdefault("RETURNS_DESK_HOME", home)  # never the shop's own data folder
        rows, about = run(args)
    text = f"Measured {about}; whole run {time.perf_counter() - t0:.0f} s.\n\n{table(rows)}\n"
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(text, encoding="utf-8")
    print("\n" + text)


if __name__ == "__main__":
    main(sys.argv[1:])
