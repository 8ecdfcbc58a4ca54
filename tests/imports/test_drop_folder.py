"""The till's drop folder: imported as the account the owner named, audited, moved aside, private."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import session_scope
from app.errors import NotAllowed
from app.models import AuditEntry, Sale, Setting, User
from app.services import drop_folder
from app.services.users import create_user, sign_in
from tests.imports.test_till_csv import CHINESE_ROWS, HEADER, MAPPINGS


def _aged(path: Path) -> Path:
    past = time.time() - 10  # the till finished writing it a while ago
    os.utime(path, (past, past))
    return path


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "owner", "店长", "admin", "9999")
        create_user(s, drop_folder.TILL_ACCOUNT, "收银系统", "clerk", "0000")
    return catalogue


def test_the_watched_folder_imports_audits_and_moves_each_file(shop, tmp_path, capsys):
    folder = tmp_path / "drop"
    drop_folder.set_folder(sign_in("owner", "9999", shop), folder, MAPPINGS / "chinese_lines.toml",
                           url=shop)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    good = folder / "today.csv"
    good.write_bytes("\n".join([HEADER, *CHINESE_ROWS]).encode("gb18030"))
    _aged(good)
    digest = hashlib.sha256(good.read_bytes()).hexdigest()
    bad = folder / "broken.csv"
    bad.write_bytes("\n".join([HEADER, CHINESE_ROWS[0].replace("X001", "Y001").replace("微信", "比特币")]).encode())
    _aged(bad)
    fresh = folder / "still-writing.csv"
    fresh.write_text(HEADER + "\n", encoding="utf-8")
    os.utime(fresh, (time.time() + 60, time.time() + 60))  # still being written: left for the next check

    assert main(["--db", shop, "watch", "--once"]) == 0
    assert "today.csv：导入 2" in capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == ["import.log", "still-writing.csv"]
    assert [p.suffix for p in (folder / "done").iterdir()] == [".csv"]
    reasons = next((folder / "rejected").glob("*.reasons.txt")).read_text(encoding="utf-8")
    assert "比特币" in reasons
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(Sale.receipt_no).where(Sale.receipt_no == "X002")) == "X002"
        till_id = sign_in(drop_folder.TILL_ACCOUNT, "0000", shop).id
        entries = {e.subject: (e.user_id, json.loads(e.detail)) for e in
                   s.scalars(select(AuditEntry).where(AuditEntry.action == "import_done"))}
    assert entries["today.csv"] == (till_id, {"kind": "sales", "file": "today.csv", "sha256": digest,
                                              "mapping": "chinese_lines.toml", "imported": 2, "unchanged": 0,
                                              "rejected": 0})
    assert entries["broken.csv"][0] == till_id and entries["broken.csv"][1]["rejected"] == 1
    assert f"today.csv sha256={digest} user=till-import" in (folder / "import.log").read_text(encoding="utf-8")


def test_the_watcher_stops_when_its_account_is_disabled_or_an_admin(shop, tmp_path):
    folder = tmp_path / "drop"
    owner = sign_in("owner", "9999", shop)
    drop_folder.set_folder(owner, folder, MAPPINGS / "chinese_lines.toml", url=shop)
    dropped = folder / "today.csv"
    dropped.write_bytes("\n".join([HEADER, *CHINESE_ROWS]).encode("utf-8"))
    _aged(dropped)
    with session_scope(shop) as s:
        s.scalar(select(User).where(User.username == drop_folder.TILL_ACCOUNT)).active = False
    with pytest.raises(NotAllowed):
        drop_folder.check(folder, MAPPINGS / "chinese_lines.toml", shop)
    assert dropped.exists(), "the file waits for an account that may import it"
    with pytest.raises(NotAllowed):  # the unattended watcher signs in with no PIN: never as an admin
        drop_folder.set_folder(owner, folder, None, account="owner", url=shop)
    with pytest.raises(NotAllowed):
        drop_folder.set_folder(owner, folder, None, account="nobody", url=shop)
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 0
        assert s.scalar(select(Setting.value).where(Setting.key == "import.account")) == drop_folder.TILL_ACCOUNT


def test_only_the_owner_sets_the_drop_folder(shop, tmp_path):
    with pytest.raises(NotAllowed):
        drop_folder.set_folder(sign_in(drop_folder.TILL_ACCOUNT, "0000", shop), tmp_path / "d", None, url=shop)
    with pytest.raises(NotAllowed):
        drop_folder.set_folder(None, tmp_path / "d", None, url=shop)
