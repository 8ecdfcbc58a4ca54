"""Start-up refuses a missing, empty, damaged or newer database before writing a byte, and never waits on a lock to read."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.db import dispose_engines, init_database, session_scope
from app.migrate import head_revision
from app.models import utcnow
from app.services import startup
from app.services.imports import import_sales
from tests.store import PRODUCTS_CSV, SERVER, jsonl, sale, with_admin

sqlite_only = pytest.mark.skipif(bool(SERVER), reason="a SQLite file's own checks; see the PostgreSQL one below")


@pytest.fixture
def shop_file(catalogue, tmp_path):
    """A closed shop file (WAL folded in) with a few hundred sales, so damage lands on real pages."""
    rows = [sale(f"R{n:05d}") for n in range(400)]
    assert import_sales(jsonl(*rows), catalogue).ok
    dispose_engines()
    path = startup.sqlite_path(catalogue)
    assert path is not None and not Path(f"{path}-wal").exists()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def all_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if not p.name.endswith(("-shm", "-wal"))}


def pages_of(path: Path, table: str) -> list[int]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                           "ORDER BY pageno", (table,))]


def damage(path: Path, kind: str) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    if kind == "header":
        data[0:16] = b"not a database!!"
    elif kind == "truncated mid-page":
        data = data[: len(data) - page // 2]
    elif kind == "last pages cut off":
        data = data[: len(data) - 3 * page]
    elif kind == "mid-file page":
        leaves = pages_of(path, "sale_lines")
        n = leaves[len(leaves) // 2]
        data[(n - 1) * page + 8:(n - 1) * page + 64] = b"\xff" * 56  # its cell pointers now point nowhere
    elif kind == "last page":
        n = len(data) // page
        data[(n - 1) * page:(n - 1) * page + 12] = b"\x55" * 12  # a page type that does not exist
    path.write_bytes(bytes(data))


KINDS = ["header", "truncated mid-page", "last pages cut off", "mid-file page", "last page"]


@sqlite_only
@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_file_is_refused_and_never_written_to(shop_file, kind, tmp_path, capsys):
    damage(shop_file, kind)
    before, files = digest(shop_file), all_files(tmp_path)
    with pytest.raises(startup.DatabaseProblem) as refused:
        init_database(f"sqlite:///{shop_file}")
    assert "damaged" in refused.value.en and "已损坏" in refused.value.zh
    (tmp_path / "more.jsonl").write_text("\n".join(jsonl(sale("R99999"))) + "\n", encoding="utf-8")
    files = all_files(tmp_path)
    assert main(["--db", str(shop_file), "import", "sales", str(tmp_path / "more.jsonl")]) == 3
    assert main(["--db", str(shop_file), "lookup", "R00001"]) == 3
    assert "Nothing was written" in capsys.readouterr().err
    assert digest(shop_file) == before, "not one byte was written into the damaged file"
    assert all_files(tmp_path) == files, "no copy, no journal left behind"


@sqlite_only
def test_a_damaged_file_offers_the_newest_good_backup(shop_file):
    from app.services.backups import backup

    made = backup(f"sqlite:///{shop_file}")
    dispose_engines()
    damage(shop_file, "mid-file page")
    with pytest.raises(startup.DatabaseProblem) as refused:
        init_database(f"sqlite:///{shop_file}")
    assert str(made.path) in refused.value.en and "restore" in refused.value.en


@sqlite_only
@pytest.mark.parametrize("state", ["missing", "zero bytes"])
def test_a_missing_or_empty_file_is_an_error_not_a_new_shop(tmp_path, state, capsys):
    path = tmp_path / "shop.sqlite"
    if state == "zero bytes":
        path.write_bytes(b"")
    assert main(["--db", str(path), "--lang", "en", "lookup", "R1"]) == 3
    err = capsys.readouterr().err
    assert str(path) in err and "setup" in err and ("does not exist" if state == "missing" else "empty") in err
    assert main(["--db", str(path), "lookup", "R1"]) == 3
    assert "新店请运行 returns-desk setup" in capsys.readouterr().err
    assert (not path.exists()) if state == "missing" else path.stat().st_size == 0
    assert not (tmp_path / "backups").exists()


@sqlite_only
def test_only_setup_and_demo_create_a_database_and_it_is_private(tmp_path):
    path = tmp_path / "new" / "shop.sqlite"
    init_database(f"sqlite:///{path}", create=True)
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
    dispose_engines()
    init_database(f"sqlite:///{path}")  # now it exists, everyone may open it
    for extra in path.parent.glob("shop.sqlite-*"):
        assert extra.stat().st_mode & 0o077 == 0, f"{extra.name} is private too"


def stamp_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


@sqlite_only
def test_a_newer_schema_is_refused_naming_both_versions_and_nothing_is_written(shop_file, tmp_path, capsys):
    stamp_revision(shop_file, "0099_from_the_future")
    before, files = digest(shop_file), all_files(tmp_path)
    for _ in range(3):  # each attempt used to add a full backup copy
        with pytest.raises(startup.DatabaseProblem) as refused:
            init_database(f"sqlite:///{shop_file}")
    for words in (refused.value.zh, refused.value.en):
        assert "0099_from_the_future" in words and head_revision() in words
    assert main(["--db", str(shop_file), "--lang", "en", "lookup", "R00001"]) == 3
    assert "newer than " + head_revision() in capsys.readouterr().err
    assert digest(shop_file) == before and all_files(tmp_path) == files


HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings (key, value) VALUES ('held', 'by another till')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


@sqlite_only
def test_a_database_locked_elsewhere_still_reads_and_writers_say_it_is_busy(shop_file, tmp_path, capsys,
                                                                              monkeypatch):
    with_admin(f"sqlite:///{shop_file}", monkeypatch)  # an import needs an admin's PIN
    dispose_engines()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(shop_file), "8"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        assert main(["--db", str(shop_file), "lookup", "R00001"]) == 0, "a look-up needs no write lock"
        assert time.monotonic() - started < 3
        assert "红烧牛肉面" in capsys.readouterr().out
        (tmp_path / "p.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
        started = time.monotonic()
        assert main(["--db", str(shop_file), "--lang", "en", "import", "products", str(tmp_path / "p.csv"),
                     "--user", "boss"]) == 1
        waited = time.monotonic() - started
        assert 4 < waited < 8, "a writer waits a moment (the busy timeout), then gives up"
        assert "The database is busy; please try again in a moment." in capsys.readouterr().err
    finally:
        holder.wait(timeout=20)
    assert main(["--db", str(shop_file), "import", "products", str(tmp_path / "p.csv"), "--user", "boss"]) == 0


def test_a_clock_set_back_behind_the_newest_record_is_noticed(db_url):
    with session_scope(db_url, write=False) as s:
        assert startup.clock_warning(s, now=utcnow() - timedelta(days=2)) is None, "nothing recorded yet"
    with session_scope(db_url) as s:
        from app.services.audit import append

        append(s, "sign_in", None, "clerk")
    with session_scope(db_url, write=False) as s:
        assert startup.clock_warning(s) is None
        warning = startup.clock_warning(s, now=utcnow() - timedelta(days=2))
    assert warning is not None and "set back" in warning.en and "时钟被调回" in warning.zh


def test_a_newer_schema_is_refused_on_any_database(db_url):
    """PostgreSQL too: the revision is compared before anything is migrated or copied."""
    from sqlalchemy import text

    from app.db import get_engine

    with get_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    dispose_engines()
    with pytest.raises(startup.DatabaseProblem) as refused:
        init_database(db_url)
    assert "0099_from_the_future" in refused.value.en and head_revision() in refused.value.zh


def test_a_database_at_the_head_opens_without_importing_alembic(tmp_path):
    """Start-up (issue 14): the stored revision is read with sqlite3; at the head, Alembic stays unloaded."""
    import subprocess
    import sys

    from app.db import dispose_engines, init_database

    db = tmp_path / "shop.sqlite"
    init_database(f"sqlite:///{db}", create=True)
    dispose_engines()
    probe = ("import sys; from app.db import init_database; init_database(sys.argv[1]); "
             "print('alembic' in sys.modules, 'app.migrate' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, f"sqlite:///{db}"], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert out.split() == ["False", "False"]


@sqlite_only
def test_reading_the_header_while_the_shop_is_open_keeps_its_locks(shop_file):
    """Closing any descriptor of a file drops the process's POSIX locks on it: a header check by open()/close()
    while the counter was connected let another process delete the WAL, and the counter's next write went
    into the deleted file, unseen by every other till (found driving the real window)."""
    from sqlalchemy import text

    from app.services.backups import check

    url = f"sqlite:///{shop_file}"
    init_database(url)

    def write(value: str) -> None:
        with session_scope(url) as s:
            s.execute(text("INSERT OR REPLACE INTO settings (key, value) VALUES ('probe', :v)"), {"v": value})

    def seen_elsewhere() -> str:  # another process opens, reads and closes: the last one out folds the WAL
        read = ("import sqlite3, sys; print(sqlite3.connect(sys.argv[1])"
                ".execute(\"SELECT value FROM settings WHERE key = 'probe'\").fetchone()[0])")
        return subprocess.run([sys.executable, "-c", read, str(shop_file)], capture_output=True, text=True,
                              check=True).stdout.strip()

    for n, reads_header in enumerate((lambda: startup.header_problem(shop_file),
                                      lambda: startup.open_for_window(url), lambda: check(url))):
        write(f"before {n}")
        reads_header()
        assert seen_elsewhere() == f"before {n}"
        write(f"after {n}")
        assert seen_elsewhere() == f"after {n}", "a write went into a WAL another process had deleted"
        assert Path(f"{shop_file}-wal").exists()
    dispose_engines()
