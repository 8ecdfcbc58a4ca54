"""Where things live: data folder, database URL, resources, shop time zone — one place, so tests can move it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs

APP_NAME = "returns-desk"
DB_ENV = "RETURNS_DESK_DB"
HOME_ENV = "RETURNS_DESK_HOME"  # overrides the data folder (tests, portable installs)
SHOP_TZ = ZoneInfo(os.environ.get("RETURNS_DESK_TZ", "Asia/Shanghai"))


def data_dir(create: bool = True) -> Path:
    """The shop's own folder: database, its policy copy, backups, logs (made unless create=False)."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else _shop_folder()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def _shop_folder() -> Path:
    """On Windows the shop's data is the PC's, not one login's: %PROGRAMDATA%\\returns-desk (the installer
    makes it writable for every user). Elsewhere the user's data folder (~/.local/share/returns-desk)."""
    if sys.platform == "win32":
        return Path(platformdirs.site_data_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


_SOURCE_ROOT = Path(__file__).resolve().parent.parent  # resolved once: every quote asks for the law folder


def resources_dir() -> Path:
    """Shipped resources: inside a frozen build they sit next to the executable's bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) if frozen else _SOURCE_ROOT
    return base / "resources"


def default_db_url() -> str:
    return database_url(os.environ.get(DB_ENV)) or f"sqlite:///{data_dir() / 'returns-desk.sqlite'}"


def database_url(db: str | None) -> str | None:
    """A SQLAlchemy URL as given, or a bare SQLite file path made into one (for --db and the env)."""
    if not db:
        return None
    return db if "://" in db else f"sqlite:///{os.path.abspath(db)}"


def shop_policy_path() -> Path:
    """The owner's copy of the policy; when present it wins over the shipped default."""
    return data_dir() / "policy.toml"


def default_policy_path() -> Path:
    return resources_dir() / "policy.toml"


def active_policy_path() -> Path:
    own = data_dir(create=False) / "policy.toml"  # asked on every quote: only looked at, never made
    return own if own.exists() else default_policy_path()


def law_dir() -> Path:
    """The legal floor's shipped profiles (national.toml + one per region); never the owner's to edit."""
    return resources_dir() / "law"
