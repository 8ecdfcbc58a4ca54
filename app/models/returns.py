"""Returns and exchanges (退货/换货单): lines with their decisions, refund tenders, goods given in exchange."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Fen, Timestamp, UtcDateTime

RETURN_STATUSES = ("draft", "pending_approval", "completed", "voided")


class Return(Base):
    __tablename__ = "returns"
    # The 30-day return count of a customer runs on every quote.
    __table_args__ = (Index("ix_returns_member_completed", "member_id", "completed_at"),
                      # Migration 0006_checks (price_difference is signed: < 0 means refunded).
                      CheckConstraint("refund_total >= 0", name="refund_total_not_negative"),
                      CheckConstraint("withheld_coupon_share >= 0", name="withheld_coupon_share_not_negative"),
                      CheckConstraint("exchange_total >= 0", name="exchange_total_not_negative"),
                      CheckConstraint("points_reversed >= 0", name="points_reversed_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # return / exchange
    status: Mapped[str] = mapped_column(String(20), index=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    override_reason: Mapped[str | None] = mapped_column(String(30))
    override_note: Mapped[str] = mapped_column(String(300), default="")
    supervisor_reasons: Mapped[str] = mapped_column(String(200), default="")  # comma-separated ids
    policy_version: Mapped[str] = mapped_column(String(40))
    floor_version: Mapped[str | None] = mapped_column(String(80))  # the legal floor decided under
    region: Mapped[str | None] = mapped_column(String(20))
    refund_total: Mapped[Fen]
    withheld_coupon_share: Mapped[Fen]
    points_reversed: Mapped[int] = mapped_column(Integer, default=0)
    exchange_total: Mapped[Fen] = mapped_column(default=0)
    price_difference: Mapped[Fen] = mapped_column(default=0)  # > 0 customer paid, < 0 refunded
    difference_paid_by: Mapped[str | None] = mapped_column(String(20))  # tender of a difference paid
    trace: Mapped[str] = mapped_column(Text, default="")  # the engine's quote as JSON, kept verbatim
    started_at: Mapped[Timestamp]  # when the clerk opened the receipt: handling time starts here
    approved_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())  # the supervisor's PIN went in
    completed_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime(), index=True)
    voided_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    call_agreed: Mapped[bool | None] = mapped_column(Boolean)  # asked once: may we call back? (0011_complaints)
    phone: Mapped[str] = mapped_column(String(20), default="")  # a non-member's number for the follow-up call

    lines: Mapped[list[ReturnLine]] = relationship(back_populates="ret", order_by="ReturnLine.id")
    tenders: Mapped[list[ReturnTender]] = relationship(back_populates="ret", order_by="ReturnTender.id")
    exchange_lines: Mapped[list[ExchangeLine]] = relationship(
        back_populates="ret", order_by="ExchangeLine.id")


class ReturnLine(Base):
    __tablename__ = "return_lines"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),
                      CheckConstraint("value >= 0", name="value_not_negative"),
                      CheckConstraint("refund >= 0", name="refund_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    sale_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    sku: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    qty: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))
    condition: Mapped[str] = mapped_column(String(24))
    disposition: Mapped[str] = mapped_column(String(24))  # restock / damaged / return_to_supplier
    outcome: Mapped[str] = mapped_column(String(24))
    value: Mapped[Fen]   # what the units were worth (the credit in an exchange)
    refund: Mapped[Fen]  # what this line paid back
    rules: Mapped[str] = mapped_column(String(300), default="")
    explanation_zh: Mapped[str] = mapped_column(Text, default="")
    explanation_en: Mapped[str] = mapped_column(Text, default="")
    remedies: Mapped[str] = mapped_column(String(60), default="")  # offered, comma-separated, best first
    remedy: Mapped[str | None] = mapped_column(String(20))         # the customer's choice (None: the best)
    compensation: Mapped[Fen] = mapped_column(default=0)           # food-safety compensation (not a refund)

    ret: Mapped[Return] = relationship(back_populates="lines")


class ReturnTender(Base):
    """Money going back: one row per tender method, never more than it paid minus earlier refunds."""

    __tablename__ = "return_tenders"
    # (terminal_ref, method): the refunds still pending at a terminal are found without reading every
    # refund of the shop's history (the end-of-day report lists them).
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_not_negative"),
                      Index("ix_return_tenders_pending", "terminal_ref", "method"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Fen]
    # card / wechat / alipay: the payment terminal's refund reference; NULL = refund pending at the terminal
    terminal_ref: Mapped[str | None] = mapped_column(String(64))
    confirmed_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    ret: Mapped[Return] = relationship(back_populates="tenders")


class ExchangeLine(Base):
    """Goods handed to the customer in an exchange, at today's catalogue price."""

    __tablename__ = "exchange_lines"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),
                      CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
                      CheckConstraint("amount >= 0", name="amount_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    sku: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    qty: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Fen]
    amount: Mapped[Fen]

    ret: Mapped[Return] = relationship(back_populates="exchange_lines")
