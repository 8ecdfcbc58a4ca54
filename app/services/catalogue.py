"""Products for exchanges and returns without a receipt: by barcode, or by part of a name."""

from __future__ import annotations

from sqlalchemy import or_, select

from app.db import session_scope
from app.models import Product
from app.services.sale_rows import normalise_code
from app.services.views import ProductView


def view(p: Product) -> ProductView:
    return ProductView(p.sku, p.name_zh, p.name_en, p.category, p.policy_class, p.price, p.warranty_months)


def find_product(code_or_text: str, url: str | None = None, limit: int = 30) -> list[ProductView]:
    """The product with this barcode, else those whose Chinese or English name contains the text."""
    text = code_or_text.strip()
    if not text:
        return []
    with session_scope(url, write=False) as s:
        exact = s.scalar(select(Product).where(Product.sku == normalise_code(text)))
        if exact is not None:
            return [view(exact)]
        rows = s.scalars(select(Product).where(or_(Product.name_zh.contains(text),
                                                   Product.name_en.ilike(f"%{text}%")))
                         .order_by(Product.name_zh).limit(limit))
        return [view(p) for p in rows]
