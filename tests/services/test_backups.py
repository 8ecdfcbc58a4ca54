"""Backups are verified copies kept N deep; restore checks first, keeps the current database aside, and audits."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import func, select

from app.db import dispose_engines, session_scope
from app.errors import NotAllowed
from app.models import AuditEntry, Sale
from app.services import audit, backups, startup
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from tests.services.test_startup_checks import damage, stamp_revision
from tests.store import SERVER, jsonl, sale

sqlite_only = pytest.mark.skipif(bool(SERVER), reason="a SQLite file's own checks; the round trip above runs on pg_dump/pg_restore too")


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "boss", "店长", "admin", "9999")
        create_user(s, "clerk", "店员", "clerk", "1111")
    assert import_sales(jsonl(*(sale(f"R{n}") for n in range(20))), catalogue).ok
    return catalogue


def sales(url: str) -> int:
    with session_scope(url, write=False) as s:
        return s.scalar(select(func.count()).select_from(Sale))


def actions(url: str) -> list[str]:
    with session_scope(url, write=False) as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_backup_and_restore_round_trip(shop, tmp_path):
    made = backups.backup(shop, tmp_path / "usb")
    assert made.path.exists() and made.size > 0
    if not SERVER:
        assert startup.quick_check(made.path, full=True) == []
    assert import_sales(jsonl(sale("LATER")), shop).ok and sales(shop) == 21
    boss = sign_in("boss", "9999", shop)
    done = backups.restore(made.path, shop, user=boss)
    assert sales(shop) == 20, "the shop is as it was when the copy was made"
    assert done.kept_aside is not None and done.kept_aside.exists(), "the replaced database is kept"
    # The copy predates its own "backup_made" entry; what happened since lives on in the kept-aside file.
    assert actions(shop) == ["database_restored"]
    assert backups.check(shop).ok, "integrity, foreign keys and the chain against the restore's anchor"


def test_the_copy_carries_the_audit_head_as_its_anchor(shop, tmp_path):
    sign_in("clerk", "1111", shop)
    with session_scope(shop, write=False) as s:
        head = audit.head(s)
    made = backups.backup(shop, tmp_path / "usb")
    meta = json.loads(made.path.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["sha256"] == made.sha256 == backups.sha256_of(made.path)
    assert (meta["anchor"]["entry_id"], meta["anchor"]["hash"]) == (head.entry_id, head.hash) == \
        (made.anchor.entry_id, made.anchor.hash)
    assert actions(shop)[-1] == "backup_made"


def test_only_the_last_n_backups_are_kept(shop, tmp_path):
    folder = tmp_path / "usb"
    made = [backups.backup(shop, folder, keep=2) for _ in range(4)]
    kept = backups.list_backups(folder)
    assert kept == [made[3].path, made[2].path]
    assert len(list(folder.iterdir())) == 4, "each kept copy with its metadata, nothing else"
    assert made[3].removed == (made[1].path,)


@sqlite_only
def test_database_backups_and_metadata_are_private(shop, tmp_path):
    made = backups.backup(shop, tmp_path / "usb")
    assert (tmp_path / "usb").stat().st_mode & 0o777 == 0o700
    for path in (made.path, made.path.with_suffix(".json"), startup.sqlite_path(shop)):
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_restore_needs_an_admin_while_the_database_is_sound(shop, tmp_path):
    made = backups.backup(shop, tmp_path / "usb")
    clerk = sign_in("clerk", "1111", shop)
    for who in (None, clerk):
        with pytest.raises(NotAllowed):
            backups.restore(made.path, shop, user=who)
    assert actions(shop)[-1] != "database_restored"


@sqlite_only
@pytest.mark.parametrize("kind", ["header", "last pages cut off", "mid-file page", "newer schema"])
def test_a_bad_backup_is_refused_and_the_shop_is_untouched(shop, tmp_path, kind):
    made = backups.backup(shop, tmp_path / "usb")
    if kind == "newer schema":
        stamp_revision(made.path, "0099_from_the_future")
    else:
        damage(made.path, kind)
    before = sales(shop)
    boss = sign_in("boss", "9999", shop)
    with pytest.raises(startup.DatabaseProblem):
        backups.restore(made.path, shop, user=boss)
    assert sales(shop) == before and actions(shop)[-1] == "sign_in"
    assert not list(tmp_path.glob("backups/*before-restore*")), "refused before the shop was copied aside"


@sqlite_only
def test_a_damaged_shop_is_restored_without_a_sign_in_and_kept_aside(shop, tmp_path):
    made = backups.backup(shop, tmp_path / "usb")
    dispose_engines()
    path = startup.sqlite_path(shop)
    damage(path, "mid-file page")
    damaged_bytes = path.read_bytes()
    assert not backups.needs_admin(shop), "nobody could sign in to a damaged database"
    done = backups.restore(made.path, shop)
    assert done.kept_aside.read_bytes() == damaged_bytes, "the damaged file is kept as it was, for a specialist"
    assert sales(shop) == 20 and backups.check(shop).ok


@sqlite_only
def test_check_reports_integrity_and_foreign_key_problems(shop):
    assert backups.check(shop).ok
    dispose_engines()
    path = startup.sqlite_path(shop)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM sales WHERE receipt_no = 'R3'")
    conn.close()
    report = backups.check(shop)
    assert not report.ok and any("sale_lines" in en and "missing" in en for _, en in report.problems)


@sqlite_only
def test_the_daily_backup_goes_once_a_day_to_the_owners_folder_and_the_data_folder(shop, tmp_path):
    from app.services import daily_backup
    from app.services import shop as shop_settings

    usb = tmp_path / "usb"
    shop_settings.set_setting(sign_in("boss", "9999", shop), "backup.folder", str(usb), shop)
    own = tmp_path / "backups"   # beside the database
    assert daily_backup.folders(shop) == [usb, own]
    assert daily_backup.run(shop) == []
    assert len(backups.list_backups(usb)) == len(backups.list_backups(own)) == 1
    assert daily_backup.run(shop) == []                          # the same day again: nothing more
    assert len(backups.list_backups(usb)) == 1 and actions(shop).count("backup_made") == 2
    import shutil

    shutil.rmtree(usb)
    for copy in backups.list_backups(own):
        copy.unlink()
    usb.write_text("not a folder: the stick is not plugged in")
    problems = daily_backup.run(shop)
    assert [folder for folder, _why in problems] == [usb] and len(backups.list_backups(own)) == 1
