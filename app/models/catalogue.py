"""Products (商品) and members (会员): the catalogue and the loyalty list, both imported from the till."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Fen


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (CheckConstraint("price >= 0", name="price_not_negative"),
                      CheckConstraint("warranty_months >= 0", name="warranty_months_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(60), default="")
    policy_class: Mapped[str] = mapped_column(String(30))
    price: Mapped[Fen]
    warranty_months: Mapped[int] = mapped_column(Integer, default=0)
    supplier: Mapped[str] = mapped_column(String(120), default="")
    food: Mapped[bool] = mapped_column(Boolean, default=False)          # food outside the fresh class
    stored_value: Mapped[bool] = mapped_column(Boolean, default=False)  # gift / prepaid card (卡券)
    allergens: Mapped[str] = mapped_column(String(200), default="", server_default="")  # comma-separated ids


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_no: Mapped[str] = mapped_column(String(32), unique=True)
    phone: Mapped[str] = mapped_column(String(20), index=True, default="")
    name: Mapped[str] = mapped_column(String(100), default="")
    tier: Mapped[str] = mapped_column(String(12), default="standard")
    points: Mapped[int] = mapped_column(Integer, default=0)
    special_needs: Mapped[str] = mapped_column(String(300), default="")
    birthday: Mapped[date | None] = mapped_column(Date)
    allergens: Mapped[str] = mapped_column(String(200), default="", server_default="")  # comma-separated ids
