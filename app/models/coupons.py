"""Coupons (优惠券) and store credit (储值凭证): codes the counter issues and the till redeems."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Fen, Timestamp, UtcDateTime

COUPON_KINDS = ("coupon", "store_credit")
COUPON_STATUSES = ("issued", "redeemed", "expired", "void")


class Coupon(Base):
    __tablename__ = "coupons"
    __table_args__ = (CheckConstraint("value >= 0", name="value_not_negative"),
                      CheckConstraint("min_spend >= 0", name="min_spend_not_negative"),
                      CheckConstraint("percent >= 0 AND percent <= 100", name="percent_in_range"),
                      CheckConstraint("spent >= 0 AND spent <= value", name="spent_in_range"))

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
    issued_at: Mapped[Timestamp] = mapped_column(index=True)   # the end-of-day report reads one day
    redeemed_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    redeemed_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    spent: Mapped[Fen] = mapped_column(default=0, server_default="0")  # store credit spent in parts so far
    voided_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class CouponRedemption(Base):
    """One use of a code: at the counter (matched later by the till's import) or seen on an imported sale."""

    __tablename__ = "coupon_redemptions"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_not_negative"),
                      CheckConstraint("purchase >= 0", name="purchase_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coupon_id: Mapped[int] = mapped_column(ForeignKey("coupons.id"), index=True)
    at: Mapped[Timestamp]
    amount: Mapped[Fen]                 # fen taken off (a coupon) or spent (store credit)
    purchase: Mapped[Fen] = mapped_column(default=0, server_default="0")  # the purchase it was used on
    place: Mapped[str] = mapped_column(String(60), default="", server_default="")  # counter / till / receipt
    source: Mapped[str] = mapped_column(String(12))  # counter / import
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # used twice
