"""Schema migrations at start-up: copy a SQLite file aside, then upgrade to the newest revision."""

from __future__ import annotations

import functools
import logging
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


@functools.cache  # the scripts do not change while the program runs; parsing them costs ~0.1 s a time
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def all_revisions() -> list[str]:
    """Oldest first."""
    return list(_revisions())


@functools.cache
def _revisions() -> tuple[str, ...]:
    script = ScriptDirectory.from_config(alembic_config())
    return tuple(rev.revision for rev in reversed(list(script.walk_revisions())))


def current_revision(engine: Engine) -> str | None:
    """A plain read (BEGIN DEFERRED on SQLite): reading the revision must not wait for another till's write lock."""
    with engine.execution_options(sqlite_begin="DEFERRED").connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def sqlite_file(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return Path(name) if name and name != ":memory:" else None


def backup_sqlite(path: Path, label: str) -> Path:
    """A consistent copy made with SQLite's online backup, safe while other connections are open."""
    from app.db import private_file, private_folder

    folder = private_folder(path.parent / "backups")  # beside the file it copies: a demo's stay with the demo
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = private_file(folder / f"{path.stem}-{label}-{stamp}.sqlite")
    from app.db_files import copy_sqlite, damaged, quick_check

    copy_sqlite(path, target)
    problems = quick_check(target, full=True)
    if problems:  # an upgrade without a sound copy to go back to is not started
        raise damaged(target, "; ".join(problems[:3]), "; ".join(problems[:3]))
    return target


def upgrade_to_head(engine: Engine, target: str = "head") -> None:
    from app.db_files import refuse_newer

    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return
    # Refused before the copy below: a newer database must not gain a backup on every attempt to open it.
    refuse_newer(current, all_revisions(), head_revision(), engine.url.render_as_string(hide_password=True))
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
