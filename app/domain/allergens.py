"""Allergens as tags (peanut, milk, gluten …): read from a file's column, and matched member against product."""

from __future__ import annotations

import re

from app.domain.vocabulary import ALLERGENS

_BY_WORD = {**{k: k for k in ALLERGENS}, **{zh: k for k, (zh, _en) in ALLERGENS.items()},
            **{en: k for k, (_zh, en) in ALLERGENS.items()}}
_SPLIT = re.compile(r"[,，、;；/|\s]+")


def parse(text: str) -> tuple[str, ...]:
    """The ids in a column like "peanut, milk" or "花生、牛奶"; raises ValueError naming an unknown one."""
    out: list[str] = []
    for part in _SPLIT.split(text.strip().lower()):
        if not part:
            continue
        key = _BY_WORD.get(part)
        if key is None:
            raise ValueError(part)
        if key not in out:
            out.append(key)
    return tuple(out)


def stored(tags: tuple[str, ...]) -> str:
    return ",".join(tags)


def tags_of(column: str) -> tuple[str, ...]:
    return tuple(t for t in column.split(",") if t)


def shared(member: str, product: str) -> tuple[str, ...]:
    """The member's allergens the product carries (both as stored, comma-separated)."""
    theirs = set(tags_of(product))
    return tuple(t for t in tags_of(member) if t in theirs)
