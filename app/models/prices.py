"""The lowest net unit price of each SKU per hour sold, kept by the import for the no-receipt price."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class SkuHourLow(Base):
    """One row per SKU and UTC hour it sold in: the 30-day lowest price reads ≤ 720 of these instead
    of every line ever sold of the SKU (350 ms at a million receipts)."""

    __tablename__ = "sku_hour_lows"

    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)  # Unix time // 3600, UTC
    low: Mapped[int] = mapped_column(BigInteger)  # min(net // qty) of the SKU's lines in that hour, fen
