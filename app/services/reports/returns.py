"""The Returns report: what comes back and why — by day, reason, class, product, supplier; return rates; dispositions."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain import vocabulary as v
from app.domain.report_shape import Figure, Rate, Report, Table, Term
from app.services.reports.common import (
    POLICY_CLASS_WORDS,
    QUALITY_FLAG_AT,
    LineFact,
    catalogue,
    col,
    quality,
    returned_lines,
    tally,
    term,
    units_sold,
)
from app.services.reports.periods import Period

YES, NO = Term("yes", "是", "yes"), Term("no", "", "")


def build(s: Session, period: Period) -> Report:
    lines = returned_lines(s, period)
    sold = units_sold(s, period)
    names = catalogue(s)
    kinds = {i.return_id: i.kind for i in lines}
    units = sum(i.qty for i in lines)
    products = _by_product(lines, sold, names)
    flagged = sum(1 for row in products.rows if row[-1] == YES)
    figures = (
        Figure("returns", "退货单数", "returns", sum(1 for k in kinds.values() if k == "return")),
        Figure("exchanges", "换货单数", "exchanges", sum(1 for k in kinds.values() if k == "exchange")),
        Figure("units_returned", "退回件数", "units returned", units),
        Figure("units_sold", "售出件数", "units sold", sum(sold.values())),
        Figure("return_rate", "退货率（件）", "return rate (units)", Rate(units, sum(sold.values())), "rate"),
        Figure("refunded", "商品行退款（未扣优惠券部分）", "refunded by line (before coupon shares)",
               sum(i.refund for i in lines), "fen"),
        Figure("flagged_products", "质量问题重复的商品", "products with repeated quality faults", flagged),
    )
    return Report("returns", "退换货报表", "Returns", period.start, period.end, figures, (
        _by_day(lines), _grouped(lines, "by_reason", "按原因", "by reason", "reason", v.REASONS, "reason"),
        _grouped(lines, "by_class", "按政策类别", "by policy class", "policy_class", POLICY_CLASS_WORDS,
                 "policy_class"),
        products, _by_category(lines, sold, names), _by_supplier(lines),
        _grouped(lines, "dispositions", "退回商品去向", "dispositions", "disposition", v.DISPOSITIONS,
                 "disposition")))


def _by_day(lines: list[LineFact]) -> Table:
    days = tally(lines, lambda i: i.day)
    rows = []
    for d in sorted(days):   # days with returns only: a quarter of empty days says nothing
        items = days[d]
        kinds = {i.return_id: i.kind for i in items}
        rows.append((d.isoformat(), sum(1 for k in kinds.values() if k == "return"),
                     sum(1 for k in kinds.values() if k == "exchange"), sum(i.qty for i in items),
                     sum(i.refund for i in items)))
    return Table("by_day", "按日", "by day", (col("day", "日期", "day", "text"), col("returns", "退货", "returns"),
                 col("exchanges", "换货", "exchanges"), col("units", "件数", "units"),
                 col("refunded", "退款", "refunded", "fen")), tuple(rows), chart="returns", drill="day")


def _grouped(lines: list[LineFact], key: str, zh: str, en: str, attr: str, words: dict[str, tuple[str, str]],
             drill: str) -> Table:
    groups = tally(lines, lambda i: getattr(i, attr))
    rows = sorted(((term(words, k), len(g), sum(i.qty for i in g), sum(i.refund for i in g))
                   for k, g in groups.items()), key=lambda r: (-r[2], r[0].id))
    return Table(key, zh, en, (col(attr, zh.removeprefix("按"), attr.replace("_", " "), "term"),
                               col("lines", "行数", "lines"), col("units", "件数", "units"),
                               col("refunded", "退款", "refunded", "fen")), tuple(rows), chart="units", drill=drill)


def _by_product(lines: list[LineFact], sold: dict[str, int], names: dict[str, tuple[str, str, str]]) -> Table:
    groups = tally(lines, lambda i: i.sku)
    rows = []
    for sku, g in groups.items():
        units, q = sum(i.qty for i in g), quality(g)
        rows.append((sku, names.get(sku, (g[0].name,))[0], units, sold.get(sku, 0), Rate(units, sold.get(sku, 0)),
                     q, YES if q >= QUALITY_FLAG_AT else NO))
    rows.sort(key=lambda r: (-r[2], r[0]))
    return Table("by_product", "按商品", "by product", (
        col("sku", "商品编码", "SKU", "text"), col("name", "品名", "name", "text"),
        col("returned", "退回件数", "units returned"), col("sold", "售出件数", "units sold"),
        col("rate", "退货率", "return rate", "rate"), col("quality", "质量问题行", "quality-fault lines"),
        col("flagged", "重复质量问题", "repeated quality faults", "term")), tuple(rows), chart="returned",
        drill="sku")


def _by_category(lines: list[LineFact], sold: dict[str, int], names: dict[str, tuple[str, str, str]]) -> Table:
    returned: dict[str, int] = {}
    for i in lines:
        returned[i.category] = returned.get(i.category, 0) + i.qty
    sold_by: dict[str, int] = {}
    for sku, n in sold.items():
        category = names.get(sku, ("", "", ""))[1]
        sold_by[category] = sold_by.get(category, 0) + n
    rows = sorted(((c or "—", returned.get(c, 0), sold_by.get(c, 0), Rate(returned.get(c, 0), sold_by.get(c, 0)))
                   for c in set(returned) | set(sold_by)), key=lambda r: (-r[1], r[0]))
    return Table("by_category", "按品类", "by category", (
        col("category", "品类", "category", "text"), col("returned", "退回件数", "units returned"),
        col("sold", "售出件数", "units sold"), col("rate", "退货率", "return rate", "rate")), tuple(rows),
        chart="returned", drill="category")


def _by_supplier(lines: list[LineFact]) -> Table:
    groups = tally(lines, lambda i: i.supplier)
    rows = sorted(((sup or "—", len(g), sum(i.qty for i in g), quality(g),
                    YES if quality(g) >= QUALITY_FLAG_AT else NO) for sup, g in groups.items()),
                  key=lambda r: (-r[3], -r[2], r[0]))
    return Table("by_supplier", "按供应商", "by supplier", (
        col("supplier", "供应商", "supplier", "text"), col("lines", "行数", "lines"), col("units", "件数", "units"),
        col("quality", "质量问题行", "quality-fault lines"),
        col("flagged", "重复质量问题", "repeated quality faults", "term")), tuple(rows), chart="units",
        drill="supplier")
