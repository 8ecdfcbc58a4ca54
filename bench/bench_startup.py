"""Start-up (launch → sign-in field ready) and memory at rest after a scan, beside a bare PySide6 window.

Each measurement is a fresh process (`python -m bench.bench_startup --probe ours|bare|memory|bare-memory`),
timed by the parent from the launch until the child says the field is ready; ours and bare alternate.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.store import CLERK, CLERK_PIN, Store, cached_store


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _probe_ours(memory: bool, receipt: str) -> int:
    """The real start: `returns-desk` with no command, as the shop's launcher runs it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app import cli

    original = QApplication.exec

    def ready() -> None:
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "sign_in") and w.isVisible())
        app.processEvents()
        assert window.sign_in.pin.isVisible(), "sign-in field not shown"
        print("ready", flush=True)
        if memory:
            _scan_once(window, receipt)
            print(f"rss {_rss_mb():.1f}", flush=True)
        app.quit()

    def exec_and_report(*args: object) -> int:
        QTimer.singleShot(0, ready)
        return original()

    QApplication.exec = exec_and_report  # type: ignore[method-assign]
    return cli.main([])


def _scan_once(window, receipt: str) -> None:  # type: ignore[no-untyped-def]
    import gc

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.sign_in.user.setCurrentIndex(window.sign_in.user.findData(CLERK))
    window.sign_in.pin.setText(CLERK_PIN)
    window.sign_in.attempt()
    QTest.keyClicks(window.scan, receipt)
    QTest.keyClick(window.scan, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.receipt_page.receipt is not None, "the scanned receipt was not shown"
    gc.collect()
    QTest.qWait(300)  # at rest: whatever the scan started has finished


def _probe_bare(memory: bool) -> int:
    """The floor: a bare PySide6 window with one line edit, nothing else."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    field = QLineEdit()
    window.setCentralWidget(field)
    window.resize(1366, 768)
    window.show()

    def ready() -> None:
        app.processEvents()
        assert field.isVisible()
        print("ready", flush=True)
        if memory:
            print(f"rss {_rss_mb():.1f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    return app.exec()


def launch(probe: str, env: dict[str, str], receipt: str = "") -> tuple[float, float | None]:
    """Seconds from launch to "ready", and the resident memory the probe reported (MB) if it did."""
    with tempfile.TemporaryFile("w+") as errors:  # a file, so a chatty child never blocks on a full pipe
        t0 = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "bench.bench_startup", "--probe", probe,
                                  "--receipt", receipt], env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert child.stdout is not None
        first = child.stdout.readline()
        elapsed = time.perf_counter() - t0
        rest = child.stdout.read()  # the same buffered reader: a second reader would lose what it holds
        child.wait(timeout=120)
        errors.seek(0)
        err = errors.read()
    if not first.startswith("ready") or child.returncode != 0:
        raise RuntimeError(f"probe {probe} failed ({child.returncode}): {first}{rest}{err[-2000:]}")
    rss = next((float(line.split()[1]) for line in rest.splitlines() if line.startswith("rss ")), None)
    return elapsed, rss


def measure(store: Store, rounds: int = 5) -> dict[str, tuple[float, float]]:
    """Median start-up (ms) and resident memory after one scan (MB), ours and bare."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RETURNS_DESK_HOME": home,
               "RETURNS_DESK_DB": store.url}
        launch("ours", env), launch("bare", env)  # warm the disk cache for both
        ours, bare = [], []
        for _ in range(rounds):  # alternating, so a busy moment hits both sides alike
            ours.append(launch("ours", env)[0])
            bare.append(launch("bare", env)[0])
        rss_ours = launch("memory", env, store.recent[0])[1]
        rss_bare = launch("bare-memory", env)[1]
    return {"start-up": (statistics.median(ours) * 1e3, statistics.median(bare) * 1e3),
            "memory at rest after a scan": (float(rss_ours or 0), float(rss_bare or 0))}


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
    for name, (ours, bare) in measure(cached_store(args.receipts), args.rounds).items():
        print(f"{name:<30}{ours:>9.1f}{bare:>9.1f}{ours / bare:>7.1f}×")


if __name__ == "__main__":
    main(sys.argv[1:])
