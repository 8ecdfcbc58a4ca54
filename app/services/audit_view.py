"""The admin's read-only look at the audit trail: the newest entries and whether the chain is whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.db import session_scope
from app.models import AuditEntry, User
from app.services import audit
from app.services.staff import acting_admin
from app.services.views import UserView


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    who: str          # the user name, "" for an unknown one (a failed sign-in under a made-up name)
    action: str
    subject: str
    detail: str       # JSON as stored: never a PIN, a full phone or a recovery code


@dataclass(frozen=True)
class AuditListing:
    rows: tuple[AuditRow, ...]
    count: int
    ok: bool
    why_zh: str = ""
    why_en: str = ""
    head: str = ""    # the anchor to write down (ID:HASH)


def recent(by: UserView, limit: int = 300, url: str | None = None) -> AuditListing:
    with session_scope(url, write=False) as s:
        acting_admin(s, by)
        report = audit.verify(s)
        found = s.execute(select(AuditEntry.id, AuditEntry.at, User.username, AuditEntry.action, AuditEntry.subject,
                                 AuditEntry.detail).outerjoin(User, User.id == AuditEntry.user_id)
                          .order_by(AuditEntry.id.desc()).limit(limit)).all()
    rows = tuple(AuditRow(i, at, who or "", action, subject, detail) for i, at, who, action, subject, detail in found)
    broken = report.broken
    return AuditListing(rows, report.count, report.ok, broken.why_zh if broken else "",
                        broken.why_en if broken else "", report.head.printable() if report.head else "")
