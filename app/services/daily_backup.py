"""The automatic daily backup: once a day into the owner's folder (a USB stick) and the data folder's own."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path

from app import settings
from app.errors import DeskError
from app.services import backups, startup

log = logging.getLogger(__name__)


def folders(url: str | None = None) -> list[Path]:
    """The owner's chosen folder first (when set), then `backups` beside the database: both are kept."""
    url = url or settings.default_db_url()
    path = startup.sqlite_path(url)
    own = (path.parent if path else settings.data_dir()) / "backups"
    chosen = backups._shop_setting(url, "backup.folder")
    return [Path(chosen), own] if chosen and Path(chosen) != own else [own]


def made_today(folder: Path, now: datetime | None = None) -> bool:
    """A verified copy of this day is there already (the file names carry the local date)."""
    day = (now or datetime.now()).strftime("%Y%m%d")
    return any(f"-{day}-" in p.name for p in backups.list_backups(folder))


def run(url: str | None = None, now: datetime | None = None) -> list[tuple[Path, str]]:
    """Backs up into each folder without a copy of today; returns (folder, problem) for each that failed
    (a USB stick not plugged in is a problem to tell, never a reason to skip the other folder)."""
    problems: list[tuple[Path, str]] = []
    for folder in folders(url):
        if made_today(folder, now):
            continue
        try:
            backups.backup(url, folder, why="daily")
        except (DeskError, OSError) as exc:
            log.warning("daily backup into %s failed: %s", folder, exc)
            problems.append((folder, str(exc)))
    return problems


def in_background(url: str | None = None) -> threading.Thread:
    """The counter starts it after its window shows and joins it before closing the database."""
    thread = threading.Thread(target=_logged, args=(url,), name="daily-backup")
    thread.start()
    return thread


def _logged(url: str | None) -> None:
    try:
        run(url)
    except Exception:  # a bug here must not pass silently, nor take the counter down
        log.exception("daily backup: internal error")
