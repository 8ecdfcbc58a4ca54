"""What the law adds to the books: each unit's repair history (三包) and food-safety compensation paid."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Fen, Timestamp, UtcDateTime

REPAIR_OUTCOMES = ("fixed", "failed")


class RepairHistoryEntry(Base):
    """One repair of the unit sold on a sale line (its serial where known); repair tickets write these."""

    __tablename__ = "repair_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    serial: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[Timestamp]
    outcome: Mapped[str] = mapped_column(String(10))       # fixed / failed (still fails after it)
    parts_wait_days: Mapped[int] = mapped_column(Integer, default=0)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ReturnCompensation(Base):
    """食品安全法 art. 148: compensation paid with a return — not a refund of the sale, never store credit."""

    __tablename__ = "return_compensations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    amount: Mapped[Fen]
    method: Mapped[str] = mapped_column(String(20))        # cash or the sale's first money tender
    approved_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    expiry: Mapped[str] = mapped_column(String(40), default="")   # the date printed on the pack
    batch: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    voided_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())   # the return was voided: paid back
