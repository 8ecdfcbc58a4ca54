"""Anchors of the audit chain kept outside the database: a log in the data folder and each backup's metadata."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from app import settings
from app.models import utcnow
from app.services.audit import Anchor


def anchor_log() -> Path:
    return settings.data_dir() / "audit-anchors.jsonl"


def as_record(anchor: Anchor | None, shop_id: str, why: str, where: str = "") -> dict[str, object]:
    return {"shop": shop_id, "at": utcnow().isoformat(), "why": why, "where": where,
            "entry_id": anchor.entry_id if anchor else 0, "hash": anchor.hash if anchor else "",
            "count": anchor.count if anchor else 0}


def record(anchor: Anchor | None, shop_id: str, why: str, where: str = "") -> None:
    """Appends the head to the data folder's anchor log (0600), after a backup, a restore or a sign-off."""
    path = anchor_log()
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(as_record(anchor, shop_id, why, where), ensure_ascii=False) + "\n")


def _records(paths: list[Path]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    log = anchor_log()
    if log.exists():
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                found.append(json.loads(line))
            except ValueError:
                continue  # a torn last line after a crash: the earlier anchors still count
    for meta in paths:
        try:
            found.append(json.loads(meta.read_text(encoding="utf-8"))["anchor"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found


def latest(shop_id: str, metas: list[Path]) -> tuple[Anchor, str] | None:
    """The newest anchor of this shop (log or backup metadata) and where it was made; None if none yet."""
    best: tuple[datetime, Anchor, str] | None = None
    for rec in _records(metas):
        if not isinstance(rec, dict) or rec.get("shop") != shop_id or not rec.get("entry_id"):
            continue
        try:
            when = datetime.fromisoformat(str(rec["at"]))
            anchor = Anchor(int(str(rec["entry_id"])), str(rec["hash"]), int(str(rec["count"])))
        except (KeyError, ValueError):
            continue
        if best is None or when > best[0]:
            best = (when, anchor, f"{rec.get('why', '')} {rec.get('where', '')}".strip())
    return (best[1], best[2]) if best else None
