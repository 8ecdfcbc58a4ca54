"""`returns-desk backup`, `restore` and `check` as the owner types them, in both languages."""

from __future__ import annotations

import sqlite3

import pytest

from app.cli import main
from app.db import dispose_engines
from app.services.backups import list_backups


@pytest.fixture
def shop(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite")
    assert main(["--db", db, "demo", "--receipts", "30"]) == 0
    capsys.readouterr()
    yield db
    dispose_engines()


def tamper(db: str, sql: str) -> None:
    dispose_engines()
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    conn.close()


def test_check_names_the_first_broken_entry(shop, monkeypatch, capsys):
    monkeypatch.setenv("RETURNS_DESK_PIN", "999999")  # the demo admin (6 digits since issue 11)
    assert main(["--db", shop, "settings", "paper", "58mm", "--user", "admin"]) == 0
    assert main(["--db", shop, "settings", "paper", "a4", "--user", "admin"]) == 0
    assert main(["--db", shop, "--lang", "en", "check"]) == 0
    assert "OK" in capsys.readouterr().out
    tamper(shop, "UPDATE audit_log SET detail = replace(detail, 'a4', '80mm') "
                 "WHERE id = (SELECT max(id) FROM audit_log)")
    assert main(["--db", shop, "--lang", "en", "check"]) == 3
    captured = capsys.readouterr()
    assert "FAILED" in captured.out and "was changed" in captured.err
    assert main(["--db", shop, "check"]) == 3
    assert "被改动过" in capsys.readouterr().err


def test_backup_then_cut_off_trail_is_found_then_restore_brings_it_back(shop, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RETURNS_DESK_PIN", "999999")  # the demo admin (6 digits since issue 11)
    assert main(["--db", shop, "settings", "paper", "58mm", "--user", "admin"]) == 0
    usb = tmp_path / "usb"
    assert main(["--db", shop, "--lang", "en", "backup", str(usb), "--keep", "3"]) == 0
    out = capsys.readouterr().out
    assert "checked: ok" in out and "audit anchor" in out
    copy = list_backups(usb)[0]
    tamper(shop, "DELETE FROM audit_log")
    assert main(["--db", shop, "--lang", "en", "check"]) == 3
    assert "gone" in capsys.readouterr().err
    assert main(["--db", shop, "--lang", "en", "restore", str(copy)]) == 1
    assert "needs an admin" in capsys.readouterr().err
    assert main(["--db", shop, "--lang", "en", "restore", str(copy), "--user", "admin"]) == 0
    assert "kept at" in capsys.readouterr().out
    assert main(["--db", shop, "--lang", "en", "check"]) == 0
    assert main(["--db", shop, "settings", "paper"]) == 0
    assert capsys.readouterr().out.split()[-1] == "58mm", "the shop is back as it was at the backup"


def test_restore_of_a_damaged_copy_is_refused_before_any_pin(shop, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 200)
    assert main(["--db", shop, "--lang", "en", "restore", str(bad)]) == 3
    assert "Nothing was restored" in capsys.readouterr().err
    assert main(["--db", shop, "--lang", "en", "check"]) == 0
