"""Start-up checks of the database: file present, header sound, schema not newer, quick_check, clock — all read-only."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db_files import (  # noqa: F401 — the file checks, for the commands and screens
    HEADER,
    DatabaseProblem,
    check_file,
    damaged,
    header_problem,
    quick_check,
    read_only,
    refuse_damaged,
    refuse_newer,
    sqlite_path,
    sqlite_revision,
)
from app.errors import DeskError
from app.models import AuditEntry, Sale, utcnow

CLOCK_SLACK = timedelta(minutes=10)  # tills' clocks drift a little; a return dated 10 min early harms nobody


def clock_warning(session: Session, now: datetime | None = None) -> DeskError | None:
    """A PC clock behind the newest sale or audit entry would date returns before what they undo."""
    now = now or utcnow()
    newest = [t for t in (session.scalar(select(func.max(Sale.sold_at))),
                          session.scalar(select(func.max(AuditEntry.at)))) if t is not None]
    latest = max((t if t.tzinfo else t.replace(tzinfo=now.tzinfo) for t in newest), default=None)
    if latest is None or latest <= now + CLOCK_SLACK:
        return None
    return DeskError(
        f"电脑时钟 {now:%Y-%m-%d %H:%M} 早于数据库里最新的记录 {latest:%Y-%m-%d %H:%M}（UTC）：时钟被调回过。"
        "请店长先把时钟调对，再办理退货。",
        f"The PC clock ({now:%Y-%m-%d %H:%M}) is behind the newest record in the database "
        f"({latest:%Y-%m-%d %H:%M} UTC): it was set back. The owner should correct it before any return.")


def open_shop(url: str | None = None, *, quick: bool = True) -> None:
    """Opens (upgrading if needed) the shop's database for a counter session or a command; refuses a
    missing, empty, damaged or newer one with a DeskError saying why, in both languages."""
    from app.db import init_database

    init_database(url, quick_check=quick)


def open_for_window(url: str | None = None) -> Path | None:
    """Opens the shop for the counter's window at once: file, header and schema revision now; the
    `quick_check` of a SQLite file is left to the caller's background (the file is returned) — unless the
    schema must be upgraded first: an upgrade writes, and nothing is written before the check passes."""
    from app import settings
    from app.migrate import head_revision

    url = url or settings.default_db_url()
    path = sqlite_path(url)
    later = (path is not None and path.exists() and path.stat().st_size > 0 and header_problem(path) is None
             and sqlite_revision(path) == head_revision())
    open_shop(url, quick=not later)
    return path if later else None


def damage_found(path: Path) -> DeskError | None:
    """The background half of `open_for_window`: the file's quick_check as an error to show, or None."""
    try:
        refuse_damaged(path)
    except DeskError as exc:
        return exc
    return None


def close_shop() -> None:
    from app.db import dispose_engines

    dispose_engines()
