"""Fields of a scenario written as JSON: each read value checked, a wrong one refused naming its path."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NoReturn

from app.errors import InvalidInput


def bad(path: str, zh: str, en: str) -> NoReturn:
    raise InvalidInput(f"场景字段 {path}：{zh}", f"{path}: {en}")


def object_at(value: Any, path: str, allowed: set[str] | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        bad(path, "应为一个对象 {…}", "must be an object {…}")
    for key in value:
        if allowed is not None and key not in allowed:
            bad(f"{path}.{key}", "未知的字段", "unknown field")
    return value


def list_at(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        bad(path, "应为一个列表 […]", "must be a list […]")
    return value


def whole(value: Any, path: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        bad(path, f"应为不小于{minimum}的整数（现为 {value!r}）",
             f"must be a whole number ≥ {minimum} (got {value!r})")
    return value


def flag(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        bad(path, f"应为 true 或 false（现为 {value!r}）", f"must be true or false (got {value!r})")
    return value


def text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value:
        bad(path, f"应为非空文字（现为 {value!r}）", f"must be a non-empty string (got {value!r})")
    return value


def choice(value: Any, path: str, table: Mapping[str, tuple[str, str]], zh: str, en: str) -> str:
    if value not in table:
        bad(path, f"未知的{zh} {value!r}（可用：{'、'.join(table)}）",
             f"unknown {en} {value!r} (use one of: {', '.join(table)})")
    return str(value)


def moment_of(value: Any, path: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text(value, path))
    except ValueError:
        bad(path, f"不是有效的日期时间 {value!r}", f"not a valid ISO date-time {value!r}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        bad(path, "日期时间须带时区，例如 +08:00", "needs a time zone offset, e.g. +08:00")
    return moment
