"""Returns refused as a whole (拒退登记): what the customer brought back and why the counter said no."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamp, UtcDateTime


class Refusal(Base):
    """A customer sent away with nothing taken back: never a return, never a refund (no quantity, no money).

    A return refused only in part is a completed return whose trace holds the refused lines; this is the
    rest, so the reports can count every refusal. Migration 0014_refusals.
    """

    __tablename__ = "refusals"
    __table_args__ = (CheckConstraint("lines > 0", name="lines_positive"),
                      CheckConstraint("units > 0", name="units_positive"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)      # JT + day + counter
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    policy_version: Mapped[str] = mapped_column(String(40))
    floor_version: Mapped[str | None] = mapped_column(String(80))
    region: Mapped[str | None] = mapped_column(String(20))
    lines: Mapped[int] = mapped_column(Integer)                       # lines asked for (each one refused)
    units: Mapped[int] = mapped_column(Integer)
    asked: Mapped[str] = mapped_column(Text)    # JSON: each line asked — line or SKU, qty, reason, condition
    trace: Mapped[str] = mapped_column(Text)    # the engine's quote as JSON: every decision with its explanation
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    refused_at: Mapped[Timestamp] = mapped_column(UtcDateTime(), index=True)
