"""How amounts, times and names look on screen (money stays integer fen until here)."""

from __future__ import annotations

from datetime import datetime

from app.domain.money import format_fen
from app.i18n import is_english
from app.settings import SHOP_TZ


def money(fen: int) -> str:
    return format_fen(fen)


def shop_time(when: datetime | None, with_seconds: bool = False) -> str:
    if when is None:
        return ""
    local = when.astimezone(SHOP_TZ) if when.tzinfo else when
    return local.strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


def shop_date(when: datetime | None) -> str:
    if when is None:
        return ""
    return (when.astimezone(SHOP_TZ) if when.tzinfo else when).strftime("%Y-%m-%d")


def product_name(name_zh: str, name_en: str) -> str:
    """The product's name in the screens' language (Chinese when there is no English one)."""
    return (name_en or name_zh) if is_english() else (name_zh or name_en)


def explanation(texts: object) -> str:
    """A rule-engine explanation ({'zh_CN': …, 'en': …}) in the screens' language."""
    if isinstance(texts, dict):
        return str(texts.get("en" if is_english() else "zh_CN") or "")
    return str(texts or "")
