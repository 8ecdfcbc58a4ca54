"""Opening and closing the shop's database for one counter session: the screens never touch app.db."""

from __future__ import annotations

from app.db import dispose_engines, init_database


def open_shop(url: str | None = None) -> None:
    """Creates or upgrades the database (a DeskError says why it cannot, in both languages)."""
    init_database(url)


def close_shop() -> None:
    dispose_engines()
