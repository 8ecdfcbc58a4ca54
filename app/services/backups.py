"""Backups (SQLite's online backup, verified, the last N kept), restore that checks first, and `check`."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app import settings
from app.db import dispose_engines, init_database, private_file, private_folder, session_scope
from app.db_files import copy_sqlite
from app.errors import InvalidInput, NotAllowed, NotFound
from app.models import Setting
from app.services import anchors, audit, backups_pg, startup
from app.services.audit import Anchor, ChainReport
from app.services.users import require_role
from app.services.views import UserView

PARTIAL = ".partial"  # a copy or metadata still being made: never listed, swept after an hour
KEEP = 14  # two weeks of daily copies unless the shop's setting `backup.keep` says otherwise


@dataclass(frozen=True)
class BackupRecord:
    path: Path
    size: int
    sha256: str
    anchor: Anchor | None
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RestoreRecord:
    restored_from: Path
    kept_aside: Path | None


@dataclass
class CheckReport:
    problems: list[tuple[str, str]] = field(default_factory=list)
    chain: ChainReport | None = None
    anchor: tuple[Anchor, str] | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _url(url: str | None) -> str:
    return url or settings.default_db_url()


def _shop_setting(url: str, key: str) -> str | None:
    with session_scope(url, write=False) as s:
        return s.scalar(select(Setting.value).where(Setting.key == key))


def backup_folder(url: str | None = None, folder: Path | None = None) -> Path:
    """DIR if given, else the shop's `backup.folder` (a USB stick), else `backups` beside the database."""
    url = _url(url)
    if folder is None:
        chosen = _shop_setting(url, "backup.folder")
        path = startup.sqlite_path(url)
        folder = Path(chosen) if chosen else (path.parent if path else settings.data_dir()) / "backups"
    return private_folder(folder)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _head_of_copy(copy: Path) -> tuple[str, Anchor | None, str | None]:
    with closing(startup.read_only(copy)) as conn:
        shop = conn.execute("SELECT value FROM settings WHERE key = 'shop.id'").fetchone()
        last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        count = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    anchor = Anchor(last[0], last[1] or "", count) if last else None
    return (shop[0] if shop else ""), anchor, (revision[0] if revision else None)


def backup(url: str | None = None, folder: Path | None = None, keep: int | None = None,
           user: UserView | None = None, why: str = "manual") -> BackupRecord:
    """Copies the database into the backup folder, verifies the copy, prunes to the last `keep`, audits.

    The copy and its metadata are made under `.partial` names and the copy is renamed last: a till killed
    (or a stick pulled) part-way leaves nothing that list_backups, the daily backup or a restore takes for good.
    """
    url = _url(url)
    init_database(url)  # refuses a damaged or newer database before copying it
    target_dir = backup_folder(url, folder)
    keep = keep if keep is not None else int(_shop_setting(url, "backup.keep") or KEEP)
    if keep < 1:
        raise InvalidInput("至少要保留 1 份备份。", "Keep at least 1 backup.")
    _sweep(target_dir)
    path = startup.sqlite_path(url)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / (f"shop-{stamp}.dump" if path is None else f"{path.stem}-{stamp}.sqlite")
    partial = target.with_name(target.name + PARTIAL)
    try:
        shop_id, anchor = _copy_into(url, path, partial)
        digest = sha256_of(partial)
        meta = {"database": url.split("/")[-1], "file": target.name, "sha256": digest, "size": partial.stat().st_size,
                "anchor": anchors.as_record(anchor, shop_id, "backup", target.name)}
        _write_whole(target.with_suffix(".json"), json.dumps(meta, ensure_ascii=False, indent=1))
        os.replace(partial, target)   # the one moment it becomes a backup
    finally:
        partial.unlink(missing_ok=True)
        if not target.exists():
            target.with_suffix(".json").unlink(missing_ok=True)
    removed = _prune(target_dir, target.name.rsplit("-", 3)[0], keep)
    with session_scope(url) as s:
        audit.append(s, "backup_made", user.id if user else None, target.name, why=why, sha256=digest,
                     anchor=anchor.printable() if anchor else "", removed=len(removed))
    anchors.record(anchor, shop_id, "backup", str(target))
    return BackupRecord(target, target.stat().st_size, digest, anchor, tuple(removed))


def _copy_into(url: str, path: Path | None, partial: Path) -> tuple[str, Anchor | None]:
    """The database copied (or dumped) into `partial` and checked whole; (shop id, audit anchor)."""
    if path is None:
        return backups_pg.dump(url, partial)
    copy_sqlite(path, partial)
    problems = startup.quick_check(partial, full=True)
    if problems:
        raise startup.damaged(path, "; ".join(problems[:3]), "; ".join(problems[:3]))
    shop_id, anchor, _ = _head_of_copy(partial)
    return shop_id, anchor


def _write_whole(path: Path, content: str) -> None:
    """Written under a `.partial` name, synced, then renamed: the file is whole or not there at all."""
    partial = path.with_name(path.name + PARTIAL)
    with private_file(partial).open("w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _sweep(folder: Path) -> None:
    """What a backup killed part-way left behind an hour ago or more: its `.partial` files."""
    cutoff = time.time() - 3600
    for left in folder.glob(f"*{PARTIAL}*"):
        if left.stat().st_mtime < cutoff:
            left.unlink(missing_ok=True)


def list_backups(folder: Path, stem: str | None = None) -> list[Path]:
    """Verified backups (those with metadata) in a folder, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix in (".sqlite", ".dump") and p.with_suffix(".json").exists()
             and (stem is None or p.name.startswith(f"{stem}-"))]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _prune(folder: Path, stem: str, keep: int) -> list[Path]:
    old = list_backups(folder, stem)[keep:]
    for path in old:
        path.unlink(missing_ok=True)
        path.with_suffix(".json").unlink(missing_ok=True)
    return old


def newest_good_backup_hint(path: Path) -> tuple[str, str]:
    for candidate in list_backups(path.parent / "backups", path.stem):
        if not startup.header_problem(candidate) and not startup.quick_check(candidate):
            return (f"最新的完好备份：{candidate}（用 returns-desk restore 恢复）。",
                    f"The newest good backup is {candidate} (bring it back with `returns-desk restore`).")
    return "没有找到完好的备份。", "No good backup was found."


def check_backup_file(file: Path) -> str | None:
    """Refuses a backup that is missing, damaged or newer than this program; its schema revision if sound."""
    from app.migrate import all_revisions, head_revision

    if not file.is_file():
        raise NotFound(f"找不到备份文件 {file}", f"backup file not found: {file}")
    problem = startup.header_problem(file)
    problems = [problem[1]] if problem else startup.quick_check(file, full=True)
    if problems:
        raise startup.DatabaseProblem(f"备份 {file} 已损坏：{'; '.join(problems[:3])}。没有恢复任何内容。",
                                      f"The backup {file} is damaged: {'; '.join(problems[:3])}. Nothing was restored.")
    revision = startup.sqlite_revision(file)
    startup.refuse_newer(revision, all_revisions(), head_revision(), str(file))
    return revision


def restore(file: Path, url: str | None = None, user: UserView | None = None) -> RestoreRecord:
    """Checks the backup, keeps the current database aside, puts the backup in its place, audits."""
    url = _url(url)
    path = startup.sqlite_path(url)
    if needs_admin(url):
        if user is None:
            raise NotAllowed("恢复备份需要店长登录。", "Restoring a backup needs an admin to sign in.")
        require_role(user, "admin", url)
    if path is None:
        dispose_engines()
        aside = backups_pg.restore(url, file, private_folder(settings.data_dir() / "backups"))
    else:
        check_backup_file(file)
        dispose_engines()  # first: a damaged file is copied aside by plain reads (see db_files._held)
        aside, healthy = _keep_aside(path)
        if healthy:  # through SQLite's own locks, so a till that still has the file open sees the restored shop
            with closing(startup.read_only(file)) as src, closing(sqlite3.connect(path, timeout=5)) as dst:
                src.backup(dst)
        else:  # a damaged file is not written into: it is moved aside whole and a fresh copy takes its place
            for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                extra.unlink(missing_ok=True)
            copy_sqlite(file, path)
    init_database(url)  # an older backup is migrated (copied aside first) like any older database
    with session_scope(url) as s:
        audit.append(s, "database_restored", user.id if user else None, file.name, sha256=sha256_of(file),
                     kept_aside=str(aside) if aside else "")
        anchor, shop_id = audit.head(s), s.scalar(select(Setting.value).where(Setting.key == "shop.id")) or ""
    anchors.record(anchor, shop_id, "restore", str(file))
    return RestoreRecord(file, aside)


def sound(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0 and not startup.header_problem(path) \
        and not startup.quick_check(path)


def needs_admin(url: str | None = None) -> bool:
    """A readable database has an admin to sign in; a missing or damaged one has nobody who could."""
    path = startup.sqlite_path(_url(url))
    return path is None or sound(path)


def _keep_aside(path: Path) -> tuple[Path | None, bool]:
    """The database being replaced, copied whole (WAL included) even when damaged: nothing is thrown away."""
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    folder = private_folder(path.parent / "backups")
    aside = folder / f"{path.stem}-before-restore-{datetime.now():%Y%m%d-%H%M%S-%f}.sqlite"
    healthy = sound(path)
    if healthy:
        copy_sqlite(path, aside)
    else:
        shutil.copyfile(path, private_file(aside))
        if Path(f"{path}-wal").exists():
            shutil.copyfile(f"{path}-wal", private_file(Path(f"{aside}-wal")))
    return aside, healthy


def check(url: str | None = None, anchor: Anchor | None = None) -> CheckReport:
    """integrity_check + foreign keys + the audit chain against the newest anchor; read-only throughout."""
    url = _url(url)
    report = CheckReport()
    path = startup.sqlite_path(url)
    if path is not None:
        startup.check_file(path)  # missing or empty: nothing to check, said plainly
        problems = startup.quick_check(path, full=True)
        report.problems += [(f"完整性检查：{p}", f"integrity check: {p}") for p in problems[:10]]
        if problems:
            return report  # a damaged file's audit rows cannot be trusted to read back
        with closing(startup.read_only(path)) as conn:
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        report.problems += [(f"表 {t} 第 {r} 行引用了不存在的 {p}", f"table {t} row {r} refers to a missing {p}")
                            for t, r, p, _ in broken[:10]]
    with session_scope(url, write=False) as s:
        shop_id = s.scalar(select(Setting.value).where(Setting.key == "shop.id")) or ""
        metas = [p.with_suffix(".json") for p in list_backups(backup_folder(url))]
        report.anchor = (anchor, "--anchor") if anchor else anchors.latest(shop_id, metas)
        report.chain = audit.verify(s, report.anchor[0] if report.anchor else None)
        clock = startup.clock_warning(s)
    if report.chain.broken:
        b = report.chain.broken
        report.problems.append((f"审计记录链断在第 {b.entry_id} 条：{b.why_zh}",
                                f"the audit trail breaks at entry {b.entry_id}: {b.why_en}"))
    if clock:
        report.warnings.append((clock.zh, clock.en))
    return report
