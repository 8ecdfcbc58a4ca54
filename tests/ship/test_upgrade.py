"""Installing an older version over a newer one: the older program refuses the newer database, untouched."""

from __future__ import annotations

import sqlite3

import pytest

from app.db import dispose_engines, init_database
from app.errors import NotAllowed


def test_an_older_program_refuses_a_database_from_a_newer_version(tmp_path):
    db = tmp_path / "shop.sqlite"
    url = f"sqlite:///{db}"
    init_database(url)
    dispose_engines()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    before = db.read_bytes()
    with pytest.raises(NotAllowed) as refused:
        init_database(url)
    dispose_engines()
    assert "newer Returns Desk" in refused.value.en and "更新版本" in refused.value.zh
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()  # nothing copied, nothing migrated
