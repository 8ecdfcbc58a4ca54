"""Engine and transactions: SQLite by default (WAL, FULL sync, foreign keys, write lock up front), any URL by configuration."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from app import db_files, settings
from app.errors import DatabaseBusy

log = logging.getLogger(__name__)
_engines: dict[str, Engine] = {}
# Made once per engine, not per transaction: an option engine copies the engine's event listeners and
# a sessionmaker its configuration — on a quote, more than the reads themselves.
_readers: dict[Engine, Engine] = {}
_factories: dict[Engine, sessionmaker[Session]] = {}
BUSY_TIMEOUT_MS = 5000


def _sqlite_setup(engine: Engine) -> None:
    path = engine.url.database

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        if path and path != ":memory:":
            db_files.hold(Path(path))  # before anything of ours reads the file's header again
        # Take transaction control from the sqlite3 module so BEGIN is ours (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # NORMAL may lose the last commits on power loss
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock before the first read, so two tills cannot both read the
        # same returnable quantity and both write a return against it.
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        if mode == "DEFERRED":  # takes no lock, so it cannot be refused as busy: straight to the driver,
            conn.connection.dbapi_connection.execute("BEGIN DEFERRED")  # as every read on a scan does
        else:
            conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_setup(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def get_engine(url: str | None = None) -> Engine:
    url = url or settings.default_db_url()
    engine = _engines.get(url)
    if engine is None:
        engine = _engines[url] = make_engine(url)
    return engine


def dispose_engines() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()
    _readers.clear()
    _factories.clear()
    db_files.release_held()


def _reader(engine: Engine) -> Engine:
    """The engine whose transactions begin DEFERRED: a read never waits for another till's write lock."""
    reader = _readers.get(engine)
    if reader is None:
        reader = _readers[engine] = engine.execution_options(sqlite_begin="DEFERRED")
    return reader


def _is_busy(error: exc.OperationalError) -> bool:
    text = str(error.orig).lower()
    return "database is locked" in text or "could not obtain lock" in text


@contextmanager
def session_scope(url: str | None = None, *, write: bool = True) -> Iterator[Session]:
    """One user action = one transaction: committed when the block ends, rolled back on any error."""
    engine = get_engine(url) if write else _reader(get_engine(url))
    factory = _factories.get(engine)
    if factory is None:
        factory = _factories[engine] = sessionmaker(bind=engine, expire_on_commit=False)
    try:
        with factory() as session, session.begin():
            yield session
    except exc.OperationalError as error:
        if _is_busy(error):
            raise DatabaseBusy() from error
        raise


@contextmanager
def read_connection(url: str | None = None) -> Iterator[Connection]:
    """A read-only snapshot without the ORM: for the hot look-ups that run on every scan."""
    engine = _reader(get_engine(url))
    try:
        with engine.connect() as conn, conn.begin():
            yield conn
    except exc.OperationalError as error:
        if _is_busy(error):
            raise DatabaseBusy() from error
        raise


def init_database(url: str | None = None, *, create: bool = False, quick_check: bool = True) -> Engine:
    """Check the database at start-up and bring it to the current schema (copying a SQLite file aside first).

    Only `setup` and `demo` pass create=True: anywhere else a missing or empty file is an error, never a
    silent new shop. A file that is damaged or made by a newer version is refused before anything is
    written to it (see app/services/startup.py); the GUI may pass quick_check=False and run it in the
    background instead.
    """
    from app import db_files as startup
    from app import revisions

    url = url or settings.default_db_url()
    path = startup.sqlite_path(url)
    if path is not None:
        if startup.check_file(path, create=create):
            found, chain = startup.sqlite_revision(path), revisions.chain()
            if chain and found == chain[-1]:  # already at the head: Alembic is not even imported
                if quick_check:
                    startup.refuse_damaged(path)
                return get_engine(url)
            from app.migrate import all_revisions, head_revision

            startup.refuse_newer(found, all_revisions(), head_revision(), str(path))
            if quick_check:
                startup.refuse_damaged(path)
        else:
            private_file(path)
    from app.migrate import upgrade_to_head

    engine = get_engine(url)
    upgrade_to_head(engine)
    return engine


def private_folder(folder: Path) -> Path:
    """A folder of the shop's own (data, backups): created 0700, phone numbers are inside."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
    return folder


def private_file(path: Path) -> Path:
    """An empty file only its owner can read (0600), made before SQLite or a backup fills it."""
    private_folder(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)  # an existing empty file keeps its old mode otherwise
    return path
