"""SIGKILL of a till in the middle of each service-loop write, before every SQL statement and file event.

Logging and resolving a complaint (with a compensation coupon and a follow-up call), collecting a repair,
redeeming a coupon and a store credit, installing a policy, recording a refusal, the daily backup. After every kill: the file is
sound, the audit chain verifies, nothing is half-written (a resolved complaint has its entry and its coupon,
a redeemed code its redemption, a listed backup is whole and its metadata true), and the same write on the
same subject then goes through at once (no lock, no "already done"). `returns-desk check` agrees at the end.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.db import dispose_engines, session_scope
from app.services import backups, complaints, coupons, daily_backup, repair_status, repairs
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from app.settings import default_policy_path
from tests.slow.invariants import broken
from tests.store import jsonl, sale

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
LOOP_CHECKS = {
    "a complaint without its logged entry": """
        SELECT c.number FROM complaints c WHERE NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.subject = c.number AND a.action = 'complaint_logged')""",
    "a resolved complaint without its entry": """
        SELECT c.number FROM complaints c WHERE c.status = 'resolved' AND NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.subject = c.number AND a.action = 'complaint_resolved')""",
    "a resolution entry of a complaint not resolved": """
        SELECT a.subject FROM audit_log a JOIN complaints c ON c.number = a.subject
        WHERE a.action = 'complaint_resolved' AND c.status != 'resolved'""",
    "compensation coupons unlike the resolutions": """
        SELECT 1 WHERE (SELECT count(*) FROM coupons WHERE reason = 'complaint')
                    != (SELECT count(*) FROM audit_log WHERE action = 'complaint_resolved')""",
    "a follow-up of a complaint not resolved": """
        SELECT f.subject FROM followups f JOIN complaints c ON c.number = f.subject WHERE c.status != 'resolved'""",
    "a code spent unlike its redemptions": """
        SELECT c.code FROM coupons c WHERE c.spent != (
            SELECT COALESCE(SUM(r.amount), 0) FROM coupon_redemptions r WHERE r.coupon_id = c.id)""",
    "redemptions without their entries": """
        SELECT 1 WHERE (SELECT count(*) FROM coupon_redemptions WHERE amount > 0)
                    != (SELECT count(*) FROM audit_log WHERE action = 'code_redeemed')""",
    "a collected repair half-written": """
        SELECT t.number FROM repair_tickets t WHERE (t.status = 'collected') != (t.collected_at IS NOT NULL)
        OR (t.status = 'collected') != EXISTS (
            SELECT 1 FROM audit_log a WHERE a.subject = t.number AND a.action = 'repair_collected')""",
    "a refusal without its entry": """
        SELECT r.number FROM refusals r WHERE NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.subject = r.number AND a.action = 'return_refused')""",
    "refusal entries unlike the refusals": """
        SELECT 1 WHERE (SELECT count(*) FROM refusals)
                    != (SELECT count(*) FROM audit_log WHERE action = 'return_refused')""",
    "installed policies unlike their entries": """
        SELECT 1 WHERE (SELECT count(*) FROM installed_policies)
                    != (SELECT count(*) FROM audit_log WHERE action = 'policy_installed')""",
}


@pytest.fixture
def shop(catalogue, tmp_path):
    with session_scope(catalogue) as s:
        for name, role, pin in (("clerk", "clerk", "1111"), ("boss", "supervisor", "2222"), ("owner", "admin", "3333")):
            create_user(s, name, name, role, pin)
    sold = (datetime.now(UTC) - timedelta(hours=5)).isoformat()
    assert import_sales(jsonl(*(sale(f"K{n}", sold_at=sold) for n in range(3))), catalogue).ok
    dispose_engines()
    return catalogue


def loop_broken(url: str, folder: Path) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            problems = [f"{name}: {bad[0]}" for name, sql in LOOP_CHECKS.items()
                        if (bad := conn.execute(text(sql)).first()) is not None]
    finally:
        engine.dispose()
    for copy in backups.list_backups(folder):   # what the daily backup and a restore would take for good
        try:
            backups.check_backup_file(copy)
            meta = json.loads(copy.with_suffix(".json").read_text(encoding="utf-8"))
            assert meta["sha256"] == backups.sha256_of(copy) and meta["size"] == copy.stat().st_size
        except Exception as exc:  # noqa: BLE001 - each one is a finding
            problems.append(f"backup {copy.name} listed as good: {exc!r}")
    return problems


class Till:
    """tests/slow/service_loop.py: one warmed-up till forking a child per write."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder, self.kills, self.runs = url, folder, 0, 0
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.slow.service_loop", url, str(folder)], cwd=ROOT,
                                     text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1,
                                     env=os.environ | {"RETURNS_DESK_DB": url})

    def run(self, action: str, subject: str, kill_at: int = 0) -> int:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{action} {subject} {kill_at}\n")
        int(self.proc.stdout.readline().split()[1])
        self.runs += 1
        return int(self.proc.stdout.readline().split()[1])

    def kill_through(self, action: str, subject: str) -> int:
        """Killed before moment 1, 2, … of the write, each time on the same subject, until it goes through."""
        n = 0
        while (code := self.run(action, subject, kill_at=n + 1)) == -signal.SIGKILL:
            n += 1
            self.kills += 1
            problems = broken(self.url) + loop_broken(self.url, self.folder)
            assert problems == [], f"{action} killed before moment {n}: {problems}"
        assert code == 0, f"{action} {subject} after {n} kills: exit {code} (refused: a kill left it half-done)"
        return n

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def prepared(url: str, tmp_path: Path) -> dict[str, list[str]]:
    staff = {n: sign_in(n, p, url) for n, p in (("clerk", "1111"), ("boss", "2222"))}
    opened = [complaints.log(staff["clerk"], description="漏水", related="K1", url=url).number for _ in range(2)]
    tickets = []
    for _ in range(2):
        t = repairs.walk_in(staff["clerk"], sku="6909876543212", fault="不加热", phone="13812345678",
                            call_agreed=True, url=url)
        repair_status.advance(t.number, "back", staff["clerk"], outcome="fixed", url=url)
        tickets.append(t.number)
    with session_scope(url) as s:
        codes = [coupons.issue(s, kind, value, now=datetime.now(UTC), valid=timedelta(days=30), reason="goodwill",
                               issued_by=staff["boss"].id).code
                 for kind, value in (("coupon", 500), ("store_credit", 1500), ("store_credit", 1500))]
    base = default_policy_path().read_text(encoding="utf-8")
    files = []
    for n in range(2):
        files.append(tmp_path / f"policy-{n}.toml")
        files[-1].write_text(base + f"\n# edition {n}\n", encoding="utf-8")
    dispose_engines()
    return {"complaint_new": ["K2"], "complaint_resolve": opened, "repair_collect": tickets,
            "coupon_redeem": codes, "policy_install": [str(f) for f in files], "refusal": ["K0"], "backup": ["-"]}


def test_sigkill_before_every_moment_of_every_service_loop_write_leaves_nothing_half_done(shop, tmp_path):
    folder = tmp_path / "usb"
    subjects = prepared(shop, tmp_path)
    till, moments = Till(shop, folder), {}
    try:
        for action, subs in subjects.items():
            moments[action] = [till.kill_through(action, subject) for subject in subs]
        assert till.run("coupon_redeem", subjects["coupon_redeem"][0]) == 4   # a used coupon: refused, flagged
    finally:
        till.close()
    assert all(n > 3 for runs in moments.values() for n in runs), f"the hook saw too few moments: {moments}"
    # a kill after the copy's rename (pruning, its audit entry, the anchor log) leaves a whole backup: kept
    assert daily_backup.made_today(folder) and backups.list_backups(folder)
    assert not [p for p in folder.iterdir() if p.suffix in (".sqlite", ".json") and not p.with_suffix(".json").exists()]
    check = subprocess.run([sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
                            "--db", shop, "--lang", "en", "check"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120, check=False, env=os.environ | {"RETURNS_DESK_DB": shop})
    assert check.returncode == 0, check.stdout + check.stderr
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "kill-figures-service-loop.json").write_text(json.dumps(
        {"moments": moments, "kills": till.kills, "runs": till.runs}, indent=1))


CLI = "import sys, tests.slow.kill_hook; from app.cli import main; sys.exit(main(sys.argv[1:]))"


def cli(url: str, pin: str, *args: str, **env: str) -> subprocess.Popen[str]:
    """The real `returns-desk` in its own process (no shell between us and its PID)."""
    return subprocess.Popen([sys.executable, "-c", CLI, "--db", url, "--lang", "en", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=os.environ | {"RETURNS_DESK_PIN": pin, "RETURNS_DESK_DB": url} | env)


def test_the_real_commands_killed_by_their_pid_part_way_leave_nothing_half_done(shop, tmp_path):
    """`complaint resolve`, `repair status --to collected`, `coupon redeem`, `policy install`, `backup DIR`:
    each killed by its PID before its 3rd statement, then every 4th one after, until a run gets to the end; each
    must have been killed part-way at least once (how many statements a command takes changes with the code)."""
    folder = tmp_path / "usb"
    subjects = prepared(shop, tmp_path)
    commands = {
        "complaint_resolve": ("2222", "complaint", "resolve", subjects["complaint_resolve"][0], "--category",
                              "compensated", "--resolution", "赔偿", "--coupon", "500", "--user", "boss"),
        "repair_collect": ("1111", "repair", "status", subjects["repair_collect"][0], "--to", "collected",
                           "--user", "clerk"),
        "coupon_redeem": ("1111", "coupon", "redeem", subjects["coupon_redeem"][1], "--purchase", "1000",
                          "--user", "clerk"),
        "policy_install": ("3333", "policy", "install", subjects["policy_install"][0], "--user", "owner"),
        "backup": ("3333", "backup", str(folder)),
    }
    kills: dict[str, int] = {}
    for name, (pin, *args) in commands.items():
        finished = False
        kills[name] = 0
        for n in range(3, 60, 4):   # the CLI's own start (migrations check, sign-in) is the first few statements
            proc = cli(shop, pin, *args, RD_KILL_AFTER_SQL=str(n))
            _out, err = proc.communicate(timeout=120)
            if proc.returncode != -signal.SIGKILL:   # fewer statements than that: it simply finished
                assert proc.returncode == 0 and "Traceback" not in err, f"{name}: {err[-800:]}"
                finished = True
                break
            kills[name] += 1
            problems = broken(shop) + loop_broken(shop, folder)
            assert problems == [], f"{name} killed before statement {n}: {problems}"
        if not finished:
            done = cli(shop, pin, *args)
            _out, err = done.communicate(timeout=120)
            assert done.returncode == 0, f"{name} after its kills: {err[-800:]}"
    assert all(kills.values()), f"a command finished before its first kill: {kills}"
    assert broken(shop) + loop_broken(shop, folder) == []
