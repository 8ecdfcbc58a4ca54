"""The migration chain read from the version files' text: the head is known without importing Alembic."""

from __future__ import annotations

import functools
import re
from pathlib import Path

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:None|[\"']([^\"']+)[\"'])", re.MULTILINE)


@functools.cache
def chain() -> tuple[str, ...]:
    """Oldest first; () when the files do not make one straight line (then only Alembic may judge)."""
    parents: dict[str, str | None] = {}
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            return ()
        parents[revision.group(1)] = down.group(1)
    children = {parent: child for child, parent in parents.items()}
    if len(children) != len(parents):  # two revisions on one parent: a branch
        return ()
    out: list[str] = []
    at: str | None = None
    while at in children:
        at = children[at]
        out.append(at)
    return tuple(out) if len(out) == len(parents) else ()
