"""Supplier quality: repeated quality faults of a product this month, and the return-to-supplier claim sheet."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from app.db import session_scope
from app.errors import DeskError
from app.models import Product, Return, ReturnLine, utcnow
from app.services.loop_views import SupplierClaim, SupplierClaimLine
from app.services.sale_rows import normalise_code
from app.settings import SHOP_TZ

WARN_FROM = 3   # the third quality-fault return of a product in a month is worth telling the supervisor


def month_start(now: datetime) -> datetime:
    local = now.astimezone(SHOP_TZ)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def quality_returns(sku: str, now: datetime | None = None, url: str | None = None) -> int:
    """Completed quality-fault returns of the product since the first of this month (shop's time)."""
    now = now or utcnow()
    with session_scope(url, write=False) as s:
        return s.scalar(select(func.coalesce(func.count(ReturnLine.id), 0))
                        .join(Return, Return.id == ReturnLine.return_id)
                        .where(ReturnLine.sku == normalise_code(sku), ReturnLine.reason == "quality_fault",
                               Return.status == "completed", Return.completed_at >= month_start(now))) or 0


def warning(sku: str, now: datetime | None = None, url: str | None = None) -> DeskError | None:
    """Said at the counter when the product in hand would be its third (or later) quality fault this month."""
    nth = quality_returns(sku, now, url) + 1
    if nth < WARN_FROM:
        return None
    return DeskError(f"第{nth}次质量问题退货：本月该商品已有 {nth - 1} 次质量问题退货，请告知主管并联系供应商。",
                     f"Quality-fault return no. {nth} of this product this month: tell the supervisor and the "
                     f"supplier.")


def claim(supplier: str, url: str | None = None) -> SupplierClaim:
    """The faulty units set aside to go back to one supplier (disposition return to supplier)."""
    with session_scope(url, write=False) as s:
        rows = s.execute(
            select(Return.number, Return.completed_at, ReturnLine.sku, ReturnLine.name, ReturnLine.qty,
                   ReturnLine.reason, ReturnLine.value)
            .join(Return, Return.id == ReturnLine.return_id).join(Product, Product.sku == ReturnLine.sku)
            .where(Product.supplier == supplier.strip(), ReturnLine.disposition == "return_to_supplier",
                   Return.status == "completed").order_by(Return.completed_at, ReturnLine.id)).all()
    return SupplierClaim(supplier.strip(), tuple(SupplierClaimLine(*row) for row in rows))


def suppliers(url: str | None = None) -> list[str]:
    """Suppliers with faulty units set aside."""
    with session_scope(url, write=False) as s:
        return list(s.scalars(select(Product.supplier).distinct()
                              .join(ReturnLine, ReturnLine.sku == Product.sku)
                              .join(Return, Return.id == ReturnLine.return_id)
                              .where(ReturnLine.disposition == "return_to_supplier", Return.status == "completed",
                                     Product.supplier != "").order_by(Product.supplier)))
