"""Summary tables the reports read instead of millions of sale lines; kept by the import in its own transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Fen


class SalesDay(Base):
    """Units and net sold of one SKU on one shop day (the shop's zone when it was counted: setting
    `reports.sales_day_zone`); app/services/sales_days.py keeps it and recounts it."""

    __tablename__ = "sales_by_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    units: Mapped[int] = mapped_column(Integer)
    net: Mapped[Fen]
    lines: Mapped[int] = mapped_column(Integer)
