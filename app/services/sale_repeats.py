"""A receipt number seen again: the same sale (from a text that differs only in form) or a conflict."""

from __future__ import annotations

from operator import attrgetter

from sqlalchemy import select

from app.db import session_scope
from app.models import Sale, SaleCoupon
from app.services.sale_rows import SaleRow


def same_as_stored(row: SaleRow, members: dict[str, int], url: str | None) -> bool:
    """The receipt is already in, from a text that differs (key order, spacing): same sale or not?
    Only this rare path reads the stored sale back; the usual re-import is settled by the text's hash."""
    with session_scope(url, write=False) as s:
        sale = s.scalars(select(Sale).where(Sale.receipt_no == row.receipt_no)).one_or_none()
        if sale is None:  # earlier in this same file, not written yet: a receipt number used twice
            return False
        stored = (sale.sold_at, sale.till, sale.cashier, sale.member_id, sale.receipt_discount, sale.invoice,
                  sale.points_earned, [_line_fields(x) for x in sale.lines],
                  [(t.method, t.amount, t.reference) for t in sale.tenders],
                  sorted(s.scalars(select(SaleCoupon.code).where(SaleCoupon.sale_id == sale.id))))
    return stored == given(row, members)


def given(row: SaleRow, members: dict[str, int]) -> tuple[object, ...]:
    """A parsed sale's fields in the order same_as_stored reads a stored one."""
    return (row.sold_at, row.till, row.cashier, members.get(row.member_card) if row.member_card else None,
            row.receipt_discount, row.invoice, row.points_earned, [_line_fields(x) for x in row.lines],
            [tuple(t) for t in row.tenders],
            sorted(dict.fromkeys(row.coupons_redeemed + tuple(t[2] for t in row.tenders if t[2]))))


# What a sale line says, read alike from a stored SaleLine and a parsed LineRow (same attribute names).
_line_fields = attrgetter("line_no", "sku", "name", "policy_class", "qty", "unit_price", "discount",
                          "promo_group", "final_sale", "warranty_months")
