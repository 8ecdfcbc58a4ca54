"""SIGKILL of the real returning process (`returns-desk return …`) at each SQL statement and at random moments.

After every kill: PRAGMA integrity_check, foreign keys, the audit chain and the money invariants hold, and
the next till's return on the same receipt goes through (no lock or half a return left behind).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.db import dispose_engines, session_scope
from app.services.imports import import_sales
from app.services.users import create_user
from tests.slow.invariants import broken, returned_units
from tests.store import jsonl, sale

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CHILD = "import sys, tests.slow.kill_hook; from app.cli import main; sys.exit(main(sys.argv[1:]))"
RECEIPTS = 200     # 3 units each: room for 600 one-unit returns
CLI_STEP = 1       # the CLI is killed before each of its statements ...
CLI_RANDOM_KILLS = 10 # ... and at a few random moments (each run costs Python's start-up)
STATEMENT_ROUNDS = 4  # the forked till is killed before each of its statements, this many times over ...
RANDOM_KILLS = 200    # ... and at random moments
REPORT = ROOT / "var" / "kill-figures.json"


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "111111")
    sold = (datetime.now(UTC) - timedelta(hours=5)).isoformat()
    rows = [sale(f"K{n:04d}", sold_at=sold, member=None, receipt_discount=0,
                 tenders=[{"method": "cash", "amount": 500}, {"method": "wechat", "amount": 850}])
            for n in range(RECEIPTS)]
    assert import_sales(jsonl(*rows), catalogue).ok
    dispose_engines()
    return catalogue


def returning(url: str, receipt: str, **env: str) -> subprocess.Popen[str]:
    """The real CLI in its own process (no shell between us and its PID)."""
    args = [sys.executable, "-c", CHILD, "--db", url, "--lang", "en", "return", "--receipt", receipt,
            "--item", "1:1:changed_mind:unopened", "--clerk", "clerk"]
    return subprocess.Popen(args, cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=os.environ | {"RETURNS_DESK_PIN": "111111", "RETURNS_DESK_DB": url} | env)


class Counter:
    """Hands out receipts with a unit left; checks the invariants after each kill."""

    def __init__(self, url: str) -> None:
        self.url, self.n, self.completed, self.kills = url, 0, 0, 0

    def receipt(self) -> str:
        r = f"K{self.n // 3:04d}"
        self.n += 1
        return r

    def finished(self, proc: subprocess.Popen[str], killed_on_purpose: bool) -> None:
        _out, err = proc.communicate(timeout=60)
        if proc.returncode == -signal.SIGKILL:
            assert killed_on_purpose
            self.kills += 1
            problems = broken(self.url)
            assert problems == [], f"after kill {self.kills}: {problems}"
        else:
            assert proc.returncode == 0, f"exit {proc.returncode}: {err[-2000:]}"
            assert "Traceback" not in err
            self.completed += 1


def statements_of_one_return(url: str, receipt: str, tmp_path: Path) -> tuple[int, float]:
    """How many statements one CLI return runs, and how long the whole process takes."""
    count = tmp_path / "count"
    t0 = time.monotonic()
    proc = returning(url, receipt, RD_COUNT_SQL=str(count))
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return int(count.read_text()), time.monotonic() - t0


def test_sigkill_of_the_cli_at_its_statements_and_at_random_moments(shop, tmp_path):
    """The real `returns-desk return` process, killed by its own PID (each run pays Python's start-up)."""
    till = Counter(shop)
    statements, took = statements_of_one_return(shop, till.receipt(), tmp_path)
    till.completed += 1
    assert statements > 10, "the hook sees the CLI's statements"
    for n in range(1, statements + 1, CLI_STEP):
        till.finished(returning(shop, till.receipt(), RD_KILL_AFTER_SQL=str(n)), killed_on_purpose=True)
    rng = random.Random(11)
    for _ in range(CLI_RANDOM_KILLS):
        proc = returning(shop, till.receipt())
        try:  # the last half of a run is where it talks to the database; some runs finish first
            proc.wait(timeout=rng.uniform(0.5, 1.15) * took)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)  # the real PID: the python that runs the CLI
        till.finished(proc, killed_on_purpose=True)
    units = returned_units(shop)
    assert till.completed <= units <= till.n and broken(shop) == []
    record("cli", statements=statements, kills=till.kills, completed=till.completed, units=units, asked=till.n)


class Server:
    """tests/slow/returning.py: one warmed-up till that forks a child per return."""

    def __init__(self, url: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.slow.returning", url], cwd=ROOT, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1,
                                     env=os.environ | {"RETURNS_DESK_DB": url})

    def run(self, receipt: str, kill_at: int = 0, kill_after_s: float | None = None) -> int:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{receipt} {kill_at}\n")
        pid = int(self.proc.stdout.readline().split()[1])
        if kill_after_s is not None:
            time.sleep(kill_after_s)
            try:
                os.kill(pid, signal.SIGKILL)  # the child that is completing the return, by its PID
            except ProcessLookupError:
                pass  # it finished first
        return int(self.proc.stdout.readline().split()[1])

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def test_hundreds_of_sigkills_of_a_returning_process_lose_nothing(shop):
    till, server = Counter(shop), Server(shop)
    try:
        t0 = time.monotonic()
        assert server.run(till.receipt()) == 0
        one_return = time.monotonic() - t0
        till.completed += 1
        statements = 0
        while server.run(till.receipt(), kill_at=statements + 1) == -signal.SIGKILL:
            statements += 1  # the first N that does not kill is one past the return's last statement
            till.kills += 1
            assert broken(shop) == [], f"killed before statement {statements}: {broken(shop)}"
        till.completed += 1
        for _round in range(STATEMENT_ROUNDS - 1):
            for n in range(1, statements + 1):
                assert server.run(till.receipt(), kill_at=n) == -signal.SIGKILL
                till.kills += 1
                assert broken(shop) == [], f"killed before statement {n}: {broken(shop)}"
        rng = random.Random(7)
        for _ in range(RANDOM_KILLS):
            started = time.monotonic()
            code = server.run(till.receipt(), kill_after_s=rng.uniform(0, 1.0) * one_return)
            assert code in (0, -signal.SIGKILL), f"exit {code}"
            if code == 0:  # follow the machine's load: about half the runs are killed part-way
                one_return = 0.8 * one_return + 0.2 * (time.monotonic() - started)
            till.kills += code == -signal.SIGKILL
            till.completed += code == 0
            assert broken(shop) == [], f"after kill {till.kills}: {broken(shop)}"
    finally:
        server.close()
    units = returned_units(shop)
    assert till.completed <= units <= till.n <= RECEIPTS * 3 and broken(shop) == []
    record("forked", statements=statements, kills=till.kills, completed=till.completed, units=units,
           asked=till.n, seconds=round(time.monotonic() - t0, 1))


def record(name: str, **figures: object) -> None:
    REPORT.parent.mkdir(exist_ok=True)
    known = json.loads(REPORT.read_text()) if REPORT.exists() else {}
    REPORT.write_text(json.dumps(known | {name: figures}, indent=1))
