"""Shop details and preferences kept in the settings table (name, address, phone, paper size)."""

from __future__ import annotations

from sqlalchemy import select

from app.db import session_scope
from app.models import Setting

DEFAULTS = {
    "shop.name": "售后服务台",
    "shop.address": "",
    "shop.phone": "",
    "shop.feedback": "",
    "print.paper": "80mm",
}


def get_settings(url: str | None = None) -> dict[str, str]:
    with session_scope(url, write=False) as s:
        stored = dict(s.execute(select(Setting.key, Setting.value)).all())
    return {**DEFAULTS, **stored}


def set_settings(values: dict[str, str], url: str | None = None) -> None:
    with session_scope(url) as s:
        for key, value in values.items():
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value


def shop_name(url: str | None = None) -> str:
    return get_settings(url)["shop.name"]
