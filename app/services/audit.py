"""The audit trail: append-only entries, each chained to the one before by SHA-256, checked against anchors."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models import AuditEntry, utcnow

GENESIS = "0" * 64  # the "previous hash" of the very first entry
_PG_LOCK = 0x52445F4155  # one advisory lock for every till appending to the chain on PostgreSQL


@dataclass(frozen=True)
class Anchor:
    """The chain's head at one moment: written into backups and printed on the end-of-day report."""

    entry_id: int
    hash: str
    count: int

    def printable(self) -> str:
        """Short enough to print on a slip and type back into `returns-desk check --anchor`."""
        return f"{self.entry_id}:{self.hash[:16]}"


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    why_zh: str
    why_en: str


@dataclass(frozen=True)
class ChainReport:
    count: int
    head: Anchor | None
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def entry_hash(prev_hash: str, at: datetime, user_id: int | None, action: str, subject: str, detail: str) -> str:
    """The hash of one entry's content and its predecessor; the migration 0004 keeps a frozen copy."""
    stamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    body = json.dumps([prev_hash, stamp, user_id, action, subject, detail], ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _last(session: Session) -> AuditEntry | None:
    return session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))


def append(session: Session, action: str, user_id: int | None, subject: str = "", **detail: object) -> AuditEntry:
    """Adds one entry inside the caller's transaction, chained to the newest one."""
    if session.get_bind().dialect.name == "postgresql":
        # Two tills reading the same head would fork the chain; SQLite's BEGIN IMMEDIATE already serialises.
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    session.flush()  # an entry added earlier in this transaction is the head now
    last = _last(session)
    prev = last.hash if last is not None and last.hash else GENESIS
    at = utcnow()
    body = json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
    entry = AuditEntry(at=at, user_id=user_id, action=action, subject=subject[:60], detail=body,
                       prev_hash=prev, hash=entry_hash(prev, at, user_id, action, subject[:60], body))
    session.add(entry)
    session.flush()
    return entry


def head(session: Session) -> Anchor | None:
    """The newest entry as an anchor (None while the trail is empty)."""
    last = _last(session)
    if last is None:
        return None
    count = session.scalar(select(func.count()).select_from(AuditEntry))
    return Anchor(last.id, last.hash or "", int(count or 0))


def current_anchor(url: str | None = None) -> Anchor | None:
    """The head for a report footer or a screen, in its own read-only transaction."""
    from app.db import session_scope

    with session_scope(url, write=False) as s:
        return head(s)


def verify(session: Session, anchor: Anchor | None = None) -> ChainReport:
    """Walks the whole trail; names the first entry that was changed, removed or put in between."""
    prev, count, last = GENESIS, 0, None
    rows = session.execute(select(AuditEntry.id, AuditEntry.at, AuditEntry.user_id, AuditEntry.action,
                                  AuditEntry.subject, AuditEntry.detail, AuditEntry.prev_hash, AuditEntry.hash)
                           .order_by(AuditEntry.id).execution_options(yield_per=2000))
    anchored: str | None = None
    for row in rows:
        count += 1
        if row.prev_hash != prev:
            return ChainReport(count, None, ChainBreak(
                row.id, f"第 {row.id} 条记录之前的记录被删除或改动过",
                f"an entry before entry {row.id} was deleted or changed"))
        if entry_hash(prev, row.at, row.user_id, row.action, row.subject, row.detail) != row.hash:
            return ChainReport(count, None, ChainBreak(
                row.id, f"第 {row.id} 条记录（{row.action}）被改动过", f"entry {row.id} ({row.action}) was changed"))
        prev, last = row.hash, row
        if anchor is not None and row.id == anchor.entry_id:
            anchored = row.hash
    head_anchor = Anchor(last.id, last.hash, count) if last is not None else None
    return ChainReport(count, head_anchor, _against_anchor(anchor, anchored, count))


def _against_anchor(anchor: Anchor | None, anchored: str | None, count: int) -> ChainBreak | None:
    if anchor is None:
        return None
    if anchored is None:
        return ChainBreak(anchor.entry_id, f"第 {anchor.entry_id} 条记录（锚点所记）已不存在：记录被删除或截断",
                          f"entry {anchor.entry_id} (the anchor's) is gone: entries were deleted or cut off")
    if not anchored.startswith(anchor.hash.lower()):
        return ChainBreak(anchor.entry_id, f"第 {anchor.entry_id} 条记录与锚点不符：此前的记录被重写过",
                          f"entry {anchor.entry_id} does not match the anchor: the trail up to it was rewritten")
    if count < anchor.count:
        return ChainBreak(anchor.entry_id, f"锚点时有 {anchor.count} 条记录，现在只有 {count} 条",
                          f"the anchor saw {anchor.count} entries, there are only {count} now")
    return None


def parse_anchor(value: str) -> Anchor:
    """`ID:HASH` as printed (HASH may be shortened to 12+ hex digits)."""
    entry, _, digest = value.strip().partition(":")
    if not (entry.isascii() and entry.isdecimal() and len(digest) >= 12
            and all(c in "0123456789abcdef" for c in digest.lower())):
        from app.errors import InvalidInput

        raise InvalidInput(f"锚点格式应为 编号:哈希（如 42:1f0c…），收到 {value!r}",
                           f"an anchor looks like ID:HASH (e.g. 42:1f0c…), got {value!r}")
    return Anchor(int(entry), digest.lower(), 0)


def unknown_name(typed: str) -> str:
    """What the trail keeps of a user name nobody has: never a PIN typed into the wrong field."""
    name = unicodedata.normalize("NFKC", typed).strip()
    if not name or any(ch.isdigit() for ch in name) and sum(ch.isdigit() for ch in name) * 2 >= len(name):
        return f"[{len(name)} digits hidden]"  # looks like a PIN: a hash of 10^6 PINs is no protection
    return "".join(ch for ch in name if ch.isprintable())[:40]
