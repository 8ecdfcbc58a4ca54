"""Imports from the till system — the only way sales, products and members get in. Idempotent."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from pathlib import Path

from barcode import EAN13
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain import allergens
from app.domain.vocabulary import ALLERGENS, TIERS
from app.models import Member, Product, Sale, SaleCoupon, SaleLine, SaleTender
from app.services import coupons
from app.services.bulk import insert_rows
from app.services.policy import current_policy
from app.services.sale_rows import (
    CatalogueEntry,
    RowError,
    SaleRow,
    normalise_code,
    parse_sale,
)

BATCH = 1000  # sales per transaction: each batch is all-or-nothing and other tills wait only that long


@dataclass(frozen=True)
class Rejection:
    line_no: int
    reason_zh: str
    reason_en: str
    key: str = ""  # receipt number, SKU or card number where it could be read


@dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0  # already imported with the same content: re-importing a file changes nothing
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _catalogue(session: Session) -> dict[str, CatalogueEntry]:
    rows = session.execute(select(Product.sku, Product.name_zh, Product.policy_class, Product.warranty_months))
    return {sku: CatalogueEntry(name, cls, months) for sku, name, cls, months in rows}


def import_sales(lines: Iterable[str], url: str | None = None) -> ImportReport:
    """Import JSON Lines sales; valid rows go in, each bad row is reported with its line number."""
    report = ImportReport()
    with session_scope(url, write=False) as s:
        catalogue = _catalogue(s)
        members = dict(s.execute(select(Member.card_no, Member.id)).all())
        known = dict(s.execute(select(Sale.receipt_no, Sale.content_hash)).all())
    member_cards = set(members)
    classes = policy_classes()
    batch: list[SaleRow] = []
    for line_no, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            row = parse_sale(text, catalogue, member_cards, classes)
        except RowError as err:
            report.rejected.append(Rejection(line_no, err.zh, err.en))
            continue
        previous = known.get(row.receipt_no)
        if previous == row.content_hash or (previous is not None and _same_as_stored(row, members, url)):
            report.unchanged += 1
            continue
        if previous is not None:
            report.rejected.append(Rejection(
                line_no, f"小票 {row.receipt_no} 已导入过且内容不同，未覆盖",
                f"receipt {row.receipt_no} was already imported with different contents; not overwritten",
                row.receipt_no))
            continue
        known[row.receipt_no] = row.content_hash
        batch.append(row)
        if len(batch) >= BATCH:
            _write_sales(batch, members, url)
            report.imported += len(batch)
            batch = []
    if batch:
        _write_sales(batch, members, url)
        report.imported += len(batch)
    return report


def _same_as_stored(row: SaleRow, members: dict[str, int], url: str | None) -> bool:
    """The receipt is already in, from a text that differs (key order, spacing): same sale or not?
    Only this rare path reads the stored sale back; the usual re-import is settled by the text's hash."""
    with session_scope(url, write=False) as s:
        sale = s.scalars(select(Sale).where(Sale.receipt_no == row.receipt_no)).one_or_none()
        if sale is None:  # earlier in this same file, not written yet: a receipt number used twice
            return False
        stored = (sale.sold_at, sale.till, sale.cashier, sale.member_id, sale.receipt_discount,
                  sale.points_earned, [_line_fields(x) for x in sale.lines],
                  [(t.method, t.amount, t.reference) for t in sale.tenders],
                  sorted(s.scalars(select(SaleCoupon.code).where(SaleCoupon.sale_id == sale.id))))
    given = (row.sold_at, row.till, row.cashier, members.get(row.member_card) if row.member_card else None,
             row.receipt_discount, row.points_earned, [_line_fields(x) for x in row.lines],
             [tuple(t) for t in row.tenders],
             sorted(dict.fromkeys(row.coupons_redeemed + tuple(t[2] for t in row.tenders if t[2]))))
    return stored == given


# What a sale line says, read alike from a stored SaleLine and a parsed LineRow (same attribute names).
_line_fields = attrgetter("line_no", "sku", "name", "policy_class", "qty", "unit_price", "discount",
                          "promo_group", "final_sale", "warranty_months")

_SALE_KEYS = ("receipt_no", "sold_at", "till", "cashier", "member_id", "receipt_discount", "total",
              "points_earned", "content_hash")
_LINE_KEYS = ("sale_id", "line_no", "sku", "name", "policy_class", "qty", "unit_price", "discount", "net",
              "promo_group", "final_sale", "warranty_months")
_TENDER_KEYS = ("sale_id", "seq", "method", "amount", "reference")


def _write_sales(rows: list[SaleRow], members: dict[str, int], url: str | None) -> None:
    """One batch in one transaction, as plain executemany (the ORM's unit of work is too slow here)."""
    with session_scope(url) as s:
        conn = s.connection()
        insert_rows(conn, Sale.__table__, _SALE_KEYS, [
            (r.receipt_no, r.sold_at, r.till, r.cashier, members.get(r.member_card) if r.member_card else None,
             r.receipt_discount, r.total, r.points_earned, r.content_hash) for r in rows])
        ids = dict(conn.execute(select(Sale.receipt_no, Sale.id).where(
            Sale.receipt_no.in_([r.receipt_no for r in rows]))).all())
        insert_rows(conn, SaleLine.__table__, _LINE_KEYS, [
            (ids[r.receipt_no], ln.line_no, ln.sku, ln.name, ln.policy_class, ln.qty, ln.unit_price,
             ln.discount, ln.net, ln.promo_group, ln.final_sale, ln.warranty_months)
            for r in rows for ln in r.lines])
        insert_rows(conn, SaleTender.__table__, _TENDER_KEYS, [
            (ids[r.receipt_no], i, m, a, ref) for r in rows for i, (m, a, ref) in enumerate(r.tenders)])
        redeemed = [(ids[r.receipt_no], r, code) for r in rows
                    for code in dict.fromkeys(r.coupons_redeemed + tuple(t[2] for t in r.tenders if t[2]))]
        if redeemed:
            insert_rows(conn, SaleCoupon.__table__, ("sale_id", "code"),
                        [(sid, code) for sid, _r, code in redeemed])
            for sid, r, code in redeemed:
                coupons.redeem_at_sale(conn, sid, code, r.sold_at)


def read_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8-sig") as handle:
        yield from handle


# --- catalogue and members (CSV, UTF-8, header row; columns documented in README) -------------

PRODUCT_COLUMNS = ("sku", "name_zh", "name_en", "category", "policy_class", "price", "warranty_months",
                   "supplier", "allergens")
MEMBER_COLUMNS = ("card_no", "phone", "name", "tier", "points", "special_needs", "birthday", "allergens")


def _csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            from app.errors import InvalidInput

            raise InvalidInput(f"CSV 缺少列：{', '.join(missing)}", f"CSV is missing columns: {', '.join(missing)}")
        for n, row in enumerate(reader, start=2):
            yield n, {k: (v or "").strip() for k, v in row.items() if k}


def _whole(value: str, name: str) -> int:
    if not value.lstrip("-").isdigit():
        raise RowError(f"{name} 必须是整数：{value!r}", f"{name} must be a whole number: {value!r}")
    number = int(value)
    if number < 0:
        raise RowError(f"{name} 不能为负数", f"{name} must not be negative")
    return number


def policy_classes() -> frozenset[str]:
    """The classes the shop's policy knows: an owner who adds one can import goods of that class."""
    return frozenset(current_policy().classes)


def _product(row: dict[str, str], classes: frozenset[str]) -> dict[str, object]:
    sku = normalise_code(row["sku"])
    if not sku:
        raise RowError("缺少商品条码 sku", "sku is missing")
    if len(sku) == 13 and sku.isdigit() and (check := EAN13(sku[:12]).get_fullcode()[-1]) != sku[-1]:
        # A scanner checks the last digit, so a code with a wrong one could never be scanned.
        raise RowError(f"条码 {sku} 的校验位不对（应为 {check}）",
                       f"barcode {sku} has a wrong check digit (should be {check})")
    if row["policy_class"] not in classes:
        raise RowError(f"未知的退货类别 {row['policy_class']!r}", f"unknown policy_class {row['policy_class']!r}")
    if not row["name_zh"]:
        raise RowError("缺少中文品名 name_zh", "name_zh is missing")
    return {"sku": sku, "name_zh": row["name_zh"], "name_en": row.get("name_en", ""),
            "category": row.get("category", ""), "policy_class": row["policy_class"],
            "price": _whole(row["price"], "price"),
            "warranty_months": _whole(row.get("warranty_months") or "0", "warranty_months"),
            "supplier": row.get("supplier", ""), "allergens": _allergens(row.get("allergens", ""))}


def _member(row: dict[str, str]) -> dict[str, object]:
    card = normalise_code(row["card_no"])
    if not card:
        raise RowError("缺少会员卡号 card_no", "card_no is missing")
    tier = row.get("tier") or "standard"
    if tier not in TIERS:
        raise RowError(f"未知的会员等级 {tier!r}", f"unknown tier {tier!r} (standard/silver/gold/diamond)")
    phone = row.get("phone", "")
    if phone and not (phone.isdigit() and 7 <= len(phone) <= 15):
        raise RowError(f"手机号格式不对：{phone!r}", f"phone number is not valid: {phone!r}")
    return {"card_no": card, "phone": phone, "name": row.get("name", ""), "tier": tier,
            "points": _whole(row.get("points") or "0", "points"), "special_needs": row.get("special_needs", ""),
            "birthday": _birthday(row.get("birthday", "")), "allergens": _allergens(row.get("allergens", ""))}


def _allergens(text: str) -> str:
    try:
        return allergens.stored(allergens.parse(text))
    except ValueError as err:
        raise RowError(f"未知的过敏原 {err}（可用：{', '.join(ALLERGENS)}）",
                       f"unknown allergen {err} (known: {', '.join(ALLERGENS)})") from None


def _birthday(text: str) -> date | None:
    """YYYY-MM-DD, or MM-DD when the member gave no year (kept in a leap year, so 02-29 fits)."""
    if not text:
        return None
    try:
        return date.fromisoformat(text if len(text) > 5 else f"2000-{text}")
    except ValueError:
        raise RowError(f"生日格式不对：{text!r}（应为 YYYY-MM-DD 或 MM-DD）",
                       f"birthday is not a date: {text!r} (YYYY-MM-DD or MM-DD)") from None


def _upsert_csv(path: Path, required: tuple[str, ...], parse: Callable[[dict[str, str]], dict[str, object]],
                model: type[Product | Member], key: str, url: str | None) -> ImportReport:
    """Insert new rows and update changed ones by their key, in one transaction (portable, no dialect SQL)."""
    report = ImportReport()
    parsed: dict[str, dict[str, object]] = {}
    for n, row in _csv_rows(path, required):
        try:
            values = parse(row)
        except RowError as err:
            report.rejected.append(Rejection(n, err.zh, err.en, row.get(required[0], "")))
            continue
        # A column the file does not have is left as it is: a phone-only list must not wipe names
        # and points (columns are named as the fields they fill; new rows get the model's defaults).
        parsed[str(values[key])] = {c: v for c, v in values.items() if c in row}
    with session_scope(url) as s:
        existing = {getattr(obj, key): obj for obj in s.scalars(select(model))}
        for k, values in parsed.items():
            obj = existing.get(k)
            if obj is None:
                s.add(model(**values))
                report.imported += 1
            elif any(getattr(obj, c) != v for c, v in values.items()):
                for c, v in values.items():
                    setattr(obj, c, v)
                report.imported += 1
            else:
                report.unchanged += 1
    return report


def import_products(path: Path, url: str | None = None) -> ImportReport:
    classes = policy_classes()
    return _upsert_csv(path, ("sku", "name_zh", "policy_class", "price"), lambda row: _product(row, classes),
                       Product, "sku", url)


def import_members(path: Path, url: str | None = None) -> ImportReport:
    return _upsert_csv(path, ("card_no",), _member, Member, "card_no", url)

