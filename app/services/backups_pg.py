"""Backups of a shared PostgreSQL database: pg_dump's custom format, checked by pg_restore --list."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.db import private_file, session_scope
from app.errors import DeskError
from app.models import Setting
from app.services import audit
from app.services.audit import Anchor


def tool(name: str) -> str:
    """pg_dump / pg_restore from PATH, else the newest server install (Debian keeps them out of PATH)."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise DeskError(f"找不到 {name}：请安装 PostgreSQL 客户端。", f"{name} not found: install the PostgreSQL client.")


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """The URL as pg_dump takes it, the password passed in the environment rather than on the command line."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(args: list[str], env: dict[str, str], what_zh: str, what_en: str) -> None:
    done = subprocess.run(args, check=False, env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode:
        raise DeskError(f"{what_zh}失败：{done.stderr.strip()[:300]}", f"{what_en} failed: {done.stderr.strip()[:300]}")


def dump(url: str, target: Path) -> tuple[str, Anchor | None]:
    """A dump whose anchor is the head read before it started: the dump holds at least that much."""
    with session_scope(url, write=False) as s:
        anchor = audit.head(s)
        shop_id = s.scalar(select(Setting.value).where(Setting.key == "shop.id")) or ""
    conninfo, env = libpq(url)
    private_file(target)
    _run([tool("pg_dump"), "--format=custom", f"--file={target}", conninfo], env, "备份（pg_dump）", "backup (pg_dump)")
    _run([tool("pg_restore"), "--list", str(target)], env, "检查备份（pg_restore --list）", "checking the backup")
    return shop_id, anchor


def restore(url: str, file: Path, aside_folder: Path) -> Path:
    """Checks the dump, dumps the current database aside, then restores into it in one transaction."""
    conninfo, env = libpq(url)
    if not file.is_file():
        from app.errors import NotFound

        raise NotFound(f"找不到备份文件 {file}", f"backup file not found: {file}")
    _run([tool("pg_restore"), "--list", str(file)], env, "检查备份", "checking the backup")
    aside = aside_folder / f"shop-before-restore-{datetime.now():%Y%m%d-%H%M%S-%f}.dump"
    dump(url, aside)
    _run([tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
          f"--dbname={conninfo}", str(file)], env, "恢复（pg_restore）", "restore (pg_restore)")
    return aside
