"""The database file itself, read without writing it: present, sound header, schema revision, quick_check.

Below the services (app.db and app.migrate use it before any session exists); app.services.startup
re-exports it for the commands and the screens.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from app.errors import DeskError

HEADER = b"SQLite format 3\x00"

# SQLite's locks are POSIX advisory locks, owned by the process per file: closing *any* descriptor of a
# file drops every lock the process holds on it (sqlite.org/howtocorrupt.html, 2.2). A header read with
# open()/close() while the shop's engine is connected let the sqlite3 shell, or another till, take the
# database for unused and delete its WAL under the counter: what the counter wrote next went into the
# deleted file. So each file the engine connects to is held open here, and its header read through that
# descriptor, until the engines are disposed. (Windows locks belong to the handle: nothing to hold.)
_held: dict[tuple[int, int], int] = {}


class DatabaseProblem(DeskError):
    """The database cannot be used as it is: missing, empty, damaged or made by a newer version."""

    exit_code = 3


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file, whatever it runs (no journal-mode change, no checkpoint)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)


def check_file(path: Path, *, create: bool = False) -> bool:
    """True when the file holds a database to open; False when `create` may make one; else refused."""
    if not path.exists() or path.stat().st_size == 0:
        if create:
            return False
        what = "不存在" if not path.exists() else "是空文件（0 字节）"
        what_en = "does not exist" if not path.exists() else "is empty (0 bytes)"
        raise DatabaseProblem(
            f"门店数据库 {path} {what}。新店请运行 returns-desk setup，试用请运行 returns-desk demo；"
            "数据库丢失请用 returns-desk restore 从备份恢复。",
            f"The shop database {path} {what_en}. A new shop runs `returns-desk setup` (or `demo` to try); "
            "a lost one is brought back with `returns-desk restore BACKUP`.")
    problem = header_problem(path)
    if problem:
        raise damaged(path, *problem)
    return True


def header_problem(path: Path) -> tuple[str, str] | None:
    """The first 100 bytes say what the file should be: its kind, page size and length."""
    size, head = _head(path)
    if len(head) < 100 or not head.startswith(HEADER):
        return "文件头不是 SQLite 数据库", "the file header is not a SQLite database"
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return f"文件头里的页大小 {page} 无效", f"the header's page size {page} is invalid"
    if size % page:
        return f"文件长度 {size} 不是页大小 {page} 的整数倍（被截断）", f"its length {size} is not whole pages of {page} (cut off)"
    pages, counter, valid_for = (int.from_bytes(head[o:o + 4], "big") for o in (28, 24, 92))
    if pages and counter == valid_for and pages * page > size:
        return (f"文件应有 {pages} 页，只剩 {size // page} 页（被截断）",
                f"the file should hold {pages} pages but has {size // page} (cut off)")
    return None


def hold(path: Path) -> None:
    """Keep a descriptor of the file the engine connected to, for header reads that drop no lock."""
    if os.name != "posix":
        return
    try:
        st = path.stat()
    except OSError:
        return
    if (st.st_dev, st.st_ino) not in _held:
        _held[(st.st_dev, st.st_ino)] = os.open(path, os.O_RDONLY)


def release_held() -> None:
    """Once no engine is connected (closing a held descriptor then takes no lock away)."""
    for fd in _held.values():
        os.close(fd)
    _held.clear()


def _head(path: Path) -> tuple[int, bytes]:
    """The file's length and first 100 bytes, through the held descriptor when SQLite has the file open."""
    st = path.stat()
    fd = _held.get((st.st_dev, st.st_ino))
    if fd is not None:
        return os.fstat(fd).st_size, os.pread(fd, 100, 0)
    with path.open("rb") as handle:
        return st.st_size, handle.read(100)


def damaged(path: Path, why_zh: str, why_en: str) -> DatabaseProblem:
    from app.services.backups import newest_good_backup_hint

    hint_zh, hint_en = newest_good_backup_hint(path)
    return DatabaseProblem(f"门店数据库 {path} 已损坏：{why_zh}。未写入任何内容。{hint_zh}",
                           f"The shop database {path} is damaged: {why_en}. Nothing was written to it. {hint_en}")


def sqlite_revision(path: Path) -> str | None:
    """The schema revision by a plain read: no write lock, so a till busy writing does not block start-up."""
    with closing(read_only(path)) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as error:
            if "no such table" in str(error):
                return None
            raise damaged(path, f"无法读取（{error}）", f"it cannot be read ({error})") from error
    return row[0] if row else None


def refuse_newer(found: str | None, known: list[str], head: str, where: str) -> None:
    if found is not None and found not in known:
        raise DatabaseProblem(
            f"数据库 {where} 的结构版本是 {found}，比本程序认识的最新版本 {head} 更新：它是由更新版的"
            "售后服务台写的。请安装那个版本再打开；本程序没有改动它。",
            f"The database {where} has schema revision {found}, newer than {head}, the newest this "
            "program knows: a newer Returns Desk wrote it. Install that version to open it; "
            "nothing was changed.")


def quick_check(path: Path, *, full: bool = False) -> list[str]:
    """SQLite's own page and b-tree checks, read-only; [] when sound. `full` adds index-against-table checks."""
    try:
        with closing(read_only(path)) as conn:
            rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    found = [line for r in rows for line in str(r[0]).splitlines() if not line.startswith("***")]
    return [] if found == ["ok"] else found


def refuse_damaged(path: Path) -> None:
    problems = quick_check(path)
    if problems:
        raise damaged(path, "; ".join(problems[:3]), "; ".join(problems[:3]))


def copy_sqlite(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy while tills keep working; one self-contained file."""
    from app.db import (
        private_file,  # app.db imports this module: its helpers are taken at call time
    )

    private_file(target)
    with closing(read_only(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # no -wal beside a copy on a USB stick
