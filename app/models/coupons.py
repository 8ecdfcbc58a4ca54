"""Coupons (优惠券) and store credit (储值凭证): codes the counter issues and the till redeems."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Fen, Timestamp, UtcDateTime

COUPON_KINDS = ("coupon", "store_credit")
COUPON_STATUSES = ("issued", "redeemed", "expired", "void")


class Coupon(Base):
    __tablename__ = "coupons"
    __table_args__ = (CheckConstraint("value >= 0", name="value_not_negative"),
                      CheckConstraint("min_spend >= 0", name="min_spend_not_negative"),
                      CheckConstraint("percent >= 0 AND percent <= 100", name="percent_in_range"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[Fen]  # fen off, or the store credit's amount
    percent: Mapped[int] = mapped_column(Integer, default=0)  # percent off instead of a value
    min_spend: Mapped[Fen] = mapped_column(default=0)
    valid_from: Mapped[Timestamp]
    valid_until: Mapped[Timestamp]
    reason: Mapped[str] = mapped_column(String(30))  # goodwill / complaint / exchange / no_receipt
    status: Mapped[str] = mapped_column(String(12), index=True, default="issued")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"), index=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[Timestamp]
    redeemed_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    redeemed_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
