"""Sales (小票) as the till recorded them: lines, tenders and coupons redeemed. Never typed in."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Fen, Timestamp, UtcDateTime


class Sale(Base):
    __tablename__ = "sales"
    # Migration 0006_checks: money and counts are never negative, whatever writes them.
    __table_args__ = (CheckConstraint("receipt_discount >= 0", name="receipt_discount_not_negative"),
                      CheckConstraint("total >= 0", name="total_not_negative"),
                      CheckConstraint("points_earned >= 0", name="points_earned_not_negative"),
                      # Reports (0013_reports): a member's next visit after a service, found by a seek.
                      Index("ix_sales_member_sold", "member_id", "sold_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)
    sold_at: Mapped[Timestamp] = mapped_column(UtcDateTime(), index=True)
    till: Mapped[str] = mapped_column(String(20))
    cashier: Mapped[str] = mapped_column(String(40))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    receipt_discount: Mapped[Fen]
    total: Mapped[Fen]  # what the customer paid, all tenders together
    points_earned: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64))  # makes re-import of the same row a no-op
    # How the receipt discount was shared when the lines' nets were stored (app.domain.money rules):
    # sales imported before issue 15 are 'gross'; their stored nets are never recomputed.
    discount_rule: Mapped[str] = mapped_column(String(24), default="after_line_discount")
    invoice: Mapped[str | None] = mapped_column(String(40))  # 发票 number (or "yes"); None: no invoice

    lines: Mapped[list[SaleLine]] = relationship(back_populates="sale", order_by="SaleLine.line_no")
    tenders: Mapped[list[SaleTender]] = relationship(back_populates="sale", order_by="SaleTender.seq")


class SaleLine(Base):
    __tablename__ = "sale_lines"
    __table_args__ = (UniqueConstraint("sale_id", "line_no"),
                      CheckConstraint("qty > 0", name="qty_positive"),
                      CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
                      CheckConstraint("discount >= 0", name="discount_not_negative"),
                      CheckConstraint("net >= 0", name="net_not_negative"),
                      CheckConstraint("warranty_months >= 0", name="warranty_months_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    policy_class: Mapped[str] = mapped_column(String(30))
    qty: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Fen]
    discount: Mapped[Fen]
    net: Mapped[Fen]  # after line discount and its largest-remainder share of the receipt discount
    promo_group: Mapped[str | None] = mapped_column(String(40))
    final_sale: Mapped[bool] = mapped_column(Boolean, default=False)
    warranty_months: Mapped[int] = mapped_column(Integer, default=0)
    food: Mapped[bool] = mapped_column(Boolean, default=False)          # 食品安全法: copied from the catalogue
    stored_value: Mapped[bool] = mapped_column(Boolean, default=False)  # gift / prepaid card

    sale: Mapped[Sale] = relationship(back_populates="lines")


class SaleTender(Base):
    __tablename__ = "sale_tenders"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Fen]
    reference: Mapped[str] = mapped_column(String(40), default="")  # e.g. the coupon code

    sale: Mapped[Sale] = relationship(back_populates="tenders")


class SaleCoupon(Base):
    """A coupon code that came back on a sale: marks our coupon redeemed (the repurchase signal)."""

    __tablename__ = "sale_coupons"
    __table_args__ = (UniqueConstraint("sale_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    code: Mapped[str] = mapped_column(String(32), index=True)

