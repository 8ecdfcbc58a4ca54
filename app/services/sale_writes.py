"""Writes one import batch of checked sales in one transaction: sales, lines, tenders, coupons and the summaries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import Connection, func, select

from app.db import session_scope
from app.models import Sale, SaleCoupon, SaleLine, SaleTender
from app.services import coupons, price_lows, sales_days
from app.services.bulk import insert_rows
from app.services.sale_rows import SaleRow

_SALE_KEYS = ("receipt_no", "sold_at", "till", "cashier", "member_id", "receipt_discount", "total",
              "points_earned", "content_hash", "discount_rule", "invoice")
_LINE_KEYS = ("sale_id", "line_no", "sku", "name", "policy_class", "qty", "unit_price", "discount", "net",
              "promo_group", "final_sale", "warranty_months", "food", "stored_value")
_TENDER_KEYS = ("sale_id", "seq", "method", "amount", "reference")


def write_sales(rows: list[SaleRow], members: dict[str, int], url: str | None) -> None:
    """One batch in one transaction, as plain executemany (the ORM's unit of work is too slow here)."""
    with session_scope(url) as s:
        conn = s.connection()
        before = conn.execute(select(func.max(Sale.id))).scalar() or 0
        insert_rows(conn, Sale.__table__, _SALE_KEYS, [
            (r.receipt_no, r.sold_at, r.till, r.cashier, members.get(r.member_card) if r.member_card else None,
             r.receipt_discount, r.total, r.points_earned, r.content_hash, r.discount_rule, r.invoice)
            for r in rows])
        ids = _new_ids(conn, rows, before)
        lines: list[tuple[object, ...]] = []
        lows: dict[tuple[str, int], int] = {}
        days: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        for r in rows:   # the sale's hour and shop day once, not per line
            sid, hour, day = ids[r.receipt_no], price_lows.hour_of(r.sold_at), sales_days.day_of(r.sold_at)
            for ln in r.lines:
                lines.append((sid, ln.line_no, ln.sku, ln.name, ln.policy_class, ln.qty, ln.unit_price,
                              ln.discount, ln.net, ln.promo_group, ln.final_sale, ln.warranty_months, ln.food,
                              ln.stored_value))
                price_lows.fold(lows, ln.sku, hour, ln.net // ln.qty)
                total = days[(day, ln.sku)]
                total[0] += ln.qty
                total[1] += ln.net
                total[2] += 1
        insert_rows(conn, SaleLine.__table__, _LINE_KEYS, lines)
        # The summaries in the batch's own transaction: a sale is in them exactly when it is stored.
        price_lows.keep_lows(conn, lows)
        sales_days.add_totals(conn, days)
        insert_rows(conn, SaleTender.__table__, _TENDER_KEYS, [
            (ids[r.receipt_no], i, m, a, ref) for r in rows for i, (m, a, ref) in enumerate(r.tenders)])
        redeemed = [(ids[r.receipt_no], r, code) for r in rows
                    for code in dict.fromkeys(r.coupons_redeemed + tuple(t[2] for t in r.tenders if t[2]))]
        if redeemed:
            insert_rows(conn, SaleCoupon.__table__, ("sale_id", "code"),
                        [(sid, code) for sid, _r, code in redeemed])
            for sid, r, code in redeemed:
                coupons.redeem_at_sale(conn, sid, code, r.sold_at)


def _new_ids(conn: Connection, rows: list[SaleRow], before: int) -> dict[str, int]:
    """The batch's new sale ids by receipt number: the rows above the largest id before the insert
    (a range of the table, not a thousand index look-ups), or by number if the database numbered otherwise."""
    ids = dict(conn.execute(select(Sale.receipt_no, Sale.id).where(Sale.id > before)).all())
    if all(r.receipt_no in ids for r in rows):
        return ids
    return dict(conn.execute(select(Sale.receipt_no, Sale.id).where(
        Sale.receipt_no.in_([r.receipt_no for r in rows]))).all())
