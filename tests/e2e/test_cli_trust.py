"""The trust commands end to end: setup, user, unlock, member, and imports that need an admin's PIN."""

from __future__ import annotations

import json
import re
import stat

from sqlalchemy import select

from app.cli import main
from app.db import dispose_engines, session_scope
from app.models import AuditEntry, Complaint, Member, Sale, utcnow
from tests.store import MEMBERS_CSV, PRODUCTS_CSV, jsonl, sale

PIN = "482913"


def set_up(tmp_path, monkeypatch, capsys) -> tuple[str, str]:
    db = str(tmp_path / "shop.sqlite")
    monkeypatch.setenv("RETURNS_DESK_PIN", PIN)
    assert main(["--db", db, "setup", "--name", "幸福路超市", "--address", "幸福路 1 号", "--phone", "021-1",
                 "--region", "zhejiang", "--owner", "liu", "--owner-name", "刘总"]) == 0
    code = re.search(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", capsys.readouterr().out).group(0)
    return db, code


def audit_rows(db):
    with session_scope(f"sqlite:///{db}", write=False) as s:
        return list(s.execute(select(AuditEntry.action, AuditEntry.user_id, AuditEntry.detail).order_by(AuditEntry.id)))


def test_setup_then_only_an_admin_with_a_pin_imports_and_the_import_is_audited(tmp_path, monkeypatch, capsys):
    db, _ = set_up(tmp_path, monkeypatch, capsys)
    (tmp_path / "p.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    monkeypatch.delenv("RETURNS_DESK_PIN")
    assert main(["--db", db, "--lang", "en", "import", "products", str(tmp_path / "p.csv")]) != 0
    assert "needs an admin" in capsys.readouterr().err
    assert main(["--db", db, "--lang", "en", "import", "products", str(tmp_path / "p.csv"), "--user", "liu"]) != 0
    assert "RETURNS_DESK_PIN" in capsys.readouterr().err  # no PIN, no import
    monkeypatch.setenv("RETURNS_DESK_PIN", PIN)
    monkeypatch.setenv("RETURNS_DESK_NEW_PIN", "4827")
    assert main(["--db", db, "user", "add", "wang", "--role", "clerk", "--user", "liu"]) == 0
    monkeypatch.setenv("RETURNS_DESK_PIN", "4827")
    assert main(["--db", db, "--lang", "en", "import", "products", str(tmp_path / "p.csv"), "--user", "wang"]) != 0
    assert "Only an admin" in capsys.readouterr().err
    with session_scope(f"sqlite:///{db}", write=False) as s:
        assert s.scalar(select(Sale.id)) is None
    monkeypatch.setenv("RETURNS_DESK_PIN", PIN)
    assert main(["--db", db, "import", "products", str(tmp_path / "p.csv"), "--user", "liu"]) == 0
    done = [json.loads(d) for a, _, d in audit_rows(db) if a == "import_done"]
    assert done == [{"file": "p.csv", "imported": 3, "kind": "products", "rejected": 0, "unchanged": 0,
                     "sha256": __import__("hashlib").sha256((tmp_path / "p.csv").read_bytes()).hexdigest()}]


def test_users_from_the_command_line_and_the_recovery_code_unlocks_the_only_admin(tmp_path, monkeypatch, capsys):
    db, code = set_up(tmp_path, monkeypatch, capsys)
    monkeypatch.setenv("RETURNS_DESK_NEW_PIN", "482713")
    assert main(["--db", db, "user", "add", "chen", "--role", "supervisor", "--name", "陈姐", "--user", "liu"]) == 0
    assert main(["--db", db, "user", "card", "chen", "--user", "liu", "--out", str(tmp_path / "chen.pdf")]) == 0
    assert (tmp_path / "chen.pdf").read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE((tmp_path / "chen.pdf").stat().st_mode) == 0o600
    capsys.readouterr()
    assert main(["--db", db, "user", "list", "--user", "liu"]) == 0
    assert "must change PIN" in capsys.readouterr().out
    monkeypatch.setenv("RETURNS_DESK_PIN", "000001")
    for _ in range(15):
        main(["--db", db, "user", "list", "--user", "liu"])
    monkeypatch.setenv("RETURNS_DESK_PIN", PIN)
    assert main(["--db", db, "user", "list", "--user", "liu"]) != 0, "locked for good after the third lockout"
    assert main(["--db", db, "unlock", "liu", "--recovery-code", "WRONG-CODE"]) != 0
    assert main(["--db", db, "unlock", "liu", "--recovery-code", code]) == 0
    assert main(["--db", db, "user", "list", "--user", "liu"]) == 0


def test_a_member_is_exported_then_erased_and_money_records_stay_anonymous(tmp_path, monkeypatch, capsys):
    db, _ = set_up(tmp_path, monkeypatch, capsys)
    url = f"sqlite:///{db}"
    (tmp_path / "p.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    (tmp_path / "m.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    (tmp_path / "s.jsonl").write_text("\n".join(jsonl(sale("R1"))) + "\n", encoding="utf-8")
    for kind, name in (("products", "p.csv"), ("members", "m.csv"), ("sales", "s.jsonl")):
        assert main(["--db", db, "import", kind, str(tmp_path / name), "--user", "liu"]) == 0
    with session_scope(url) as s:
        member = s.scalar(select(Member).where(Member.card_no == "M000123"))
        now = utcnow()
        s.add(Complaint(number="C1", channel="counter", type="quality", severity="normal", member_id=member.id,
                        description="面有异味", created_at=now, respond_by=now, resolve_by=now, csat=2))
    capsys.readouterr()
    assert main(["--db", db, "member", "export", "m000123", "--user", "liu"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["member"]["phone"] == "13812345678" and exported["complaints"][0]["csat"] == 2
    assert exported["purchases"][0]["receipt"] == "R1"
    assert main(["--db", db, "member", "erase", "M000123", "--user", "liu"]) != 0  # no --yes, nothing erased
    assert main(["--db", db, "member", "erase", "M000123", "--user", "liu", "--yes"]) == 0
    dispose_engines()
    with session_scope(url, write=False) as s:
        assert s.scalar(select(Member).where(Member.card_no == "M000123")) is None
        assert s.scalar(select(Complaint)) is None
        kept = s.scalar(select(Sale).where(Sale.receipt_no == "R1"))
        assert kept is not None and kept.member_id is None and kept.total == 1250
    assert not any("13812345678" in d or "M000123" in d for _, _, d in audit_rows(db))
