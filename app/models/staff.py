"""Users with PINs, the audit log, shop settings and the number sequences for slips and codes."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamp, UtcDateTime

ROLES = ("clerk", "supervisor", "admin")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(12))
    pin_hash: Mapped[str] = mapped_column(String(200))  # argon2id; the PIN itself is never stored
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    active: Mapped[bool] = mapped_column(default=True)
    must_change_pin: Mapped[bool] = mapped_column(default=False)  # after an admin reset: change at sign-in
    lockouts: Mapped[int] = mapped_column(Integer, default=0)  # since the last right PIN: 1 → 5 min, 2 → 30, 3 → admin
    staff_code: Mapped[str | None] = mapped_column(String(20), unique=True)  # the staff card's barcode


class AuditEntry(Base):
    """Every decision, approval, override, void, price difference, login and policy change."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[Timestamp] = mapped_column(UtcDateTime(), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(60), default="")  # e.g. a return number
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON
    # The chain (app/services/audit.py): unique prev_hash means two tills can never fork it silently.
    prev_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    hash: Mapped[str | None] = mapped_column(String(64))


class Setting(Base):
    """Shop details and preferences (name, address, phone, paper size); plain key → text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class NumberSequence(Base):
    """Per-day counters for human-readable numbers (RT2611220001); bumped inside the writing transaction."""

    __tablename__ = "sequences"

    name: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class InstalledPolicy(Base):
    """A return policy an admin installed into the database (`policy install`): the newest is in force on
    every till of the shop, whatever policy file one till's data folder holds."""

    __tablename__ = "installed_policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(20))        # the policy's content hash (policy_version)
    text: Mapped[str] = mapped_column(Text)                 # the TOML as installed, validated first
    source: Mapped[str] = mapped_column(String(200))        # the file's name, for the audit page
    installed_at: Mapped[Timestamp]
    installed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
