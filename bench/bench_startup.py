"""Start-up (launch → sign-in field ready) and memory at rest after a scan, beside a bare PySide6 window.

Each measurement is a fresh process (`python -m bench.bench_startup --probe ours|bare|memory|bare-memory`),
timed by the parent from the launch until the child says the field is ready; ours and bare alternate.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.store import CLERK, CLERK_PIN, Store, cached_store, working_copy


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


HEAVY = ("sqlalchemy", "app.models", "app.db", "reportlab", "escpos", "pyqtgraph", "alembic")
BEAT_MS = 10   # the heartbeat: a gap between two beats longer than this is a stall of the event loop


def _field_ready(app, field) -> bool:  # type: ignore[no-untyped-def]
    """"Ready": the field shown, the keyboard in it (what a person typing at once needs)."""
    return field.isVisible() and field.window().isActiveWindow() and app.focusWidget() is field


def _when_ready(app, field, then) -> None:  # type: ignore[no-untyped-def]
    """Calls `then` from inside the running event loop, as soon as the field is ready."""
    from PySide6.QtCore import QTimer

    def check() -> None:
        if _field_ready(app, field):
            then()
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)


def _probe_ours(memory: bool, receipt: str) -> int:
    """The real start: `returns-desk` with no command, as the shop's launcher runs it; after "ready",
    a heartbeat measures the longest stall of the event loop until the counter is loaded."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app import cli

    original = QApplication.exec
    beats: list[float] = []

    def ready() -> None:
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "sign_in") and w.isVisible())
        print(f"ready {time.monotonic():.6f}", flush=True)
        heart = QTimer(window)
        heart.setInterval(BEAT_MS)
        heart.timeout.connect(lambda: beats.append(time.perf_counter()))
        beats.append(time.perf_counter())
        heart.start()
        launch = next(c for c in window.children() if hasattr(c, "finished") and hasattr(c, "refused"))
        launch.refused.connect(lambda: print("refused", flush=True))
        launch.finished.connect(lambda: loaded(app, window, heart))

    def loaded(app, window, heart) -> None:  # type: ignore[no-untyped-def]
        heart.stop()
        beats.append(time.perf_counter())
        stall = max(b - a for a, b in itertools.pairwise(beats))
        print(f"loaded {time.monotonic():.6f}\nstall {stall * 1e3:.1f}", flush=True)
        if memory:
            first = _scan_once(window, receipt)
            print(f"first-scan {first:.2f}\nrss {_rss_mb():.1f}", flush=True)
        app.quit()

    def exec_and_report(*args: object) -> int:
        app = QApplication.instance()
        # the window is shown; what was imported before it did is what its start paid for
        print(f"shown-with {','.join(m for m in HEAVY if m in sys.modules) or '-'}", flush=True)
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "sign_in") and w.isVisible())
        _when_ready(app, window.sign_in.pin, ready)
        return original()

    QApplication.exec = exec_and_report  # type: ignore[method-assign]
    return cli.main([])


def _scan_once(window, receipt: str) -> float:  # type: ignore[no-untyped-def]
    """Signs the clerk in and scans one receipt, as the first customer after the launch; returns the ms
    from the scan's Enter until the receipt table is repainted (the counter's first scan, nothing warm)."""
    import gc

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.sign_in.user.setCurrentIndex(window.sign_in.user.findData(CLERK))
    window.sign_in.pin.setText(CLERK_PIN)
    window.sign_in.attempt()
    QApplication.processEvents()
    QTest.keyClicks(window.scan, receipt)
    t0 = time.perf_counter()
    QTest.keyClick(window.scan, Qt.Key.Key_Return)
    window.receipt_page.table.viewport().repaint()
    first = (time.perf_counter() - t0) * 1e3
    QApplication.processEvents()
    assert window.receipt_page.receipt is not None, "the scanned receipt was not shown"
    gc.collect()
    QTest.qWait(300)  # at rest: whatever the scan started has finished
    return first


def _probe_bare(memory: bool) -> int:
    """The floor: a bare PySide6 window with one line edit, nothing else."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    field = QLineEdit()
    window.setCentralWidget(field)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    field.setFocus()

    def ready() -> None:
        print(f"ready {time.monotonic():.6f}", flush=True)
        if memory:
            print(f"rss {_rss_mb():.1f}", flush=True)
        app.quit()

    _when_ready(app, field, ready)
    return app.exec()


@dataclass
class Started:
    """One launch: seconds to "ready", to the counter loaded (ours), the longest stall (ms), memory (MB)."""

    ready: float
    loaded: float | None = None
    stall: float | None = None
    rss: float | None = None
    shown_with: str = "-"
    first_scan: float | None = None   # ms, the memory probe's scan


def launch(probe: str, env: dict[str, str], receipt: str = "") -> Started:
    """A fresh process for one probe, timed from just before it is started."""
    with tempfile.TemporaryFile("w+") as errors:  # a file, so a chatty child never blocks on a full pipe
        t0 = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "bench.bench_startup", "--probe", probe,
                                  "--receipt", receipt], env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert child.stdout is not None
        out = child.stdout.read()
        child.wait(timeout=120)
        errors.seek(0)
        err = errors.read()
    said = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    if "ready" not in said or child.returncode != 0 or "refused" in out:
        raise RuntimeError(f"probe {probe} failed ({child.returncode}): {out}{err[-2000:]}")
    ready = float(said["ready"]) - t0
    loaded = float(said["loaded"]) - t0 if "loaded" in said else None
    return Started(ready, loaded, float(said["stall"]) if "stall" in said else None,
                   float(said["rss"]) if "rss" in said else None, said.get("shown-with", "-"),
                   float(said["first-scan"]) if "first-scan" in said else None)


def measure(store: Store, rounds: int = 5) -> dict[str, tuple[float, float | None]]:
    """Medians: start-up (ms), ours and bare; the counter loaded (ms) and the longest event-loop stall
    meanwhile (ms, median and worst of the rounds), ours; then one launch signs in and scans: its first
    scan (ms) and the resident memory after it (MB), against the bare window's."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RETURNS_DESK_HOME": home,
               "RETURNS_DESK_DB": store.url}
        launch("ours", env), launch("bare", env)  # warm the disk cache for both
        ours, bare = [], []
        for _ in range(rounds):  # alternating, so a busy moment hits both sides alike
            ours.append(launch("ours", env))
            bare.append(launch("bare", env))
        heavy = {o.shown_with for o in ours} - {"-"}
        if heavy:  # the window's start must not pay for these: said, not hidden
            print(f"warning: imported before the sign-in window showed: {heavy}", file=sys.stderr)
        scanned = launch("memory", env, store.recent[0])
        rss_bare = launch("bare-memory", env).rss
    return {"start-up": (statistics.median(o.ready for o in ours) * 1e3, statistics.median(b.ready for b in bare) * 1e3),
            "counter loaded": (statistics.median(o.loaded or 0 for o in ours) * 1e3, None),
            "longest stall": (statistics.median(o.stall or 0 for o in ours), None),
            "worst stall": (max(o.stall or 0 for o in ours), None),
            "first scan after the launch": (scanned.first_scan or 0.0, None),
            "memory at rest after a scan": (float(scanned.rss or 0), float(rss_bare or 0))}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_startup")
    parser.add_argument("--probe", choices=("ours", "bare", "memory", "bare-memory"))
    parser.add_argument("--receipt", default="")
    parser.add_argument("--receipts", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args, _ = parser.parse_known_args(argv)
    if args.probe:
        memory = args.probe.endswith("memory")
        sys.exit(_probe_bare(memory) if args.probe.startswith("bare") else _probe_ours(memory, args.receipt))
    with tempfile.TemporaryDirectory() as folder:  # a copy: signing in (the memory probe) writes audit entries
        figures = measure(working_copy(cached_store(args.receipts), Path(folder)), args.rounds)
    for name, (ours, bare) in figures.items():
        print(f"{name:<30}{ours:>9.1f}" + (f"{bare:>9.1f}{ours / bare:>7.1f}×" if bare else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
