"""Schema migrations at start-up: copy a SQLite file aside, then upgrade to the newest revision."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def all_revisions() -> list[str]:
    """Oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def sqlite_file(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return Path(name) if name and name != ":memory:" else None


def backup_sqlite(path: Path, label: str) -> Path:
    """A consistent copy made with SQLite's online backup, safe while other connections are open."""
    folder = path.parent / "backups"  # beside the file it copies: a demo's copies stay with the demo
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{label}-{stamp}.sqlite"
    with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target


def upgrade_to_head(engine: Engine, target: str = "head") -> None:
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return
    if current is not None and current not in all_revisions():
        from app.errors import NotAllowed

        # An older program on a newer database: Alembic cannot go back, and guessing would lose data.
        raise NotAllowed(f"这个数据库来自更新版本的售后服务台（结构 {current}），请安装新版本后再打开。",
                         f"This database was written by a newer Returns Desk (schema {current}); "
                         "install that version (or newer) to open it.")
    path = sqlite_file(engine)
    if path is not None and current is not None and path.exists():
        copy = backup_sqlite(path, f"before-{wanted[:8]}")
        log.info("database copied to %s before upgrading from %s", copy, current)
    cfg = alembic_config()
    with engine.connect() as conn:
        if path is not None or engine.dialect.name == "sqlite":
            # The pragma is ignored inside a transaction, so it goes in before Alembic's BEGIN.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                if engine.dialect.name == "sqlite":
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise RuntimeError(f"migration left broken references: {problems[:5]}")
        finally:
            if engine.dialect.name == "sqlite":
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
