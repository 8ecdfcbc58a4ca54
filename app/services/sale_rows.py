"""Reads one till sale (a JSON Lines row) into checked plain data, or says in plain words what is wrong."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain import limits as lim
from app.domain.codes import is_code, normalise_code, shown
from app.domain.money import AFTER_LINE_DISCOUNT, format_fen, line_nets
from app.domain.vocabulary import TENDER_METHODS

__all__ = ["RowError", "normalise_code"]  # services still import the normaliser from here


class RowError(Exception):
    """Why one row cannot be imported, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    policy_class: str
    warranty_months: int
    food: bool = False            # food outside the fresh class (食品安全法)
    stored_value: bool = False    # gift / prepaid card


@dataclass(slots=True)  # not frozen: built once per line on the import hot path, then left alone
class LineRow:
    line_no: int
    sku: str
    name: str
    policy_class: str
    qty: int
    unit_price: int
    discount: int
    net: int
    promo_group: str | None
    final_sale: bool
    warranty_months: int
    food: bool = False
    stored_value: bool = False


@dataclass(slots=True)
class SaleRow:
    receipt_no: str
    sold_at: datetime
    till: str
    cashier: str
    member_card: str | None
    lines: tuple[LineRow, ...]
    receipt_discount: int
    tenders: tuple[tuple[str, int, str], ...]  # method, amount, reference
    coupons_redeemed: tuple[str, ...]
    points_earned: int
    total: int
    content_hash: str
    invoice: str | None = None    # 发票 number, "yes" when only flagged; None: no official invoice
    discount_rule: str = AFTER_LINE_DISCOUNT   # how the stored nets shared the receipt discount


def _int(value: Any, field: str | tuple[int, str], *, minimum: int = 0, maximum: int = lim.MAX_LINE_FEN) -> int:
    """A whole number in [minimum, maximum]. `field` may be (line index, key): the name is built on error only."""
    if type(value) is int and minimum <= value <= maximum:  # bool is excluded: type(True) is bool
        return value
    if isinstance(field, tuple):
        field = f"lines[{field[0]}].{field[1]}"
    if value is None:
        raise RowError(f"缺少字段 {field}", f"field {field} is missing")
    if isinstance(value, bool) or not isinstance(value, int):
        if field.endswith(("qty", ".line", "warranty_months", "points_earned")):
            raise RowError(f"{field} 必须是整数", f"{field} must be a whole number")
        raise RowError(f"{field} 必须是整数（金额以分计）", f"{field} must be a whole number (amounts in fen)")
    if value < minimum:
        if field.endswith("qty"):
            raise RowError(f"{field} 数量必须大于零（收到 {value}）",
                           f"{field}: quantity must be positive (got {value})")
        raise RowError(f"{field} 不能小于 {minimum}（收到 {value}）",
                       f"{field} must not be below {minimum} (got {value})")
    raise RowError(f"{field} 超出上限 {maximum}（收到 {shown(str(value))}）",
                   f"{field} is above the limit of {maximum} (got {shown(str(value))})")


def _text(obj: dict[str, Any], key: str, longest: int, *, where: str = "", symbols: bool = False,
          required: bool = True) -> str:
    """Stripped text of at most `longest` characters, no control characters (nor emoji unless symbols)."""
    field = f"{where}.{key}" if where else key
    value = obj.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise RowError(f"缺少字段 {field} 或其不是文字", f"field {field} is missing or not text")
    value = value.strip()
    if len(value) > longest:
        raise RowError(f"{field} 过长（{len(value)} 个字符，最多 {longest}）",
                       f"{field} is too long ({len(value)} characters, {longest} at most)")
    if (problem := lim.text_problem(value, symbols=symbols)) is not None:
        raise RowError(f"{field} {problem[0]}", f"{field} {problem[1]}")
    return value


def _code(value: Any, field: str) -> str:
    """A receipt, SKU, card or coupon code: normalised as the look-up does, and only [0-9A-Z-] after that."""
    if not isinstance(value, str) or not value.strip():
        raise RowError(f"缺少字段 {field} 或其不是文字", f"field {field} is missing or not text")
    code = _normal_code(value)
    if code is None:
        raise RowError(f"{field} “{shown(value)}” 无效：只能包含数字、字母和“-”，最多 32 位",
                       f"{field} “{shown(value)}” is not valid: digits, letters and '-' only, 32 at most")
    return code


@functools.lru_cache(maxsize=65_536)  # SKUs, cards and coupons repeat across an import's rows
def _normal_code(value: str) -> str | None:
    code = normalise_code(value)
    return code if is_code(code) else None


def _when(value: Any, now: datetime | None) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise RowError(f"sold_at 不是有效的时间：{shown(str(value))}",
                       f"sold_at is not a valid time: {shown(str(value))}") from None
    if when.tzinfo is None:
        raise RowError("sold_at 缺少时区（例如 +08:00）", "sold_at has no time zone (e.g. +08:00)")
    if (problem := lim.sale_time_problem(when, now)) is not None:
        raise RowError(*problem)
    return when


def _line(raw: Any, index: int, catalogue: dict[str, CatalogueEntry], classes: frozenset[str]
          ) -> tuple[LineRow, int]:
    where = f"lines[{index}]"
    if not isinstance(raw, dict):
        raise RowError(f"{where} 不是对象", f"{where} is not an object")
    line_no = _int(raw.get("line"), (index, "line"), minimum=1, maximum=lim.MAX_LINE_NO)
    sku = _code(raw.get("sku"), f"{where}.sku")
    known = catalogue.get(sku)
    given_class = raw.get("policy_class")
    if given_class is not None and not isinstance(given_class, str):
        raise RowError(f"{where}.policy_class 必须是文字", f"{where}.policy_class must be text")
    policy_class = given_class or (known.policy_class if known else None)
    if policy_class is None:
        raise RowError(f"{where}：商品 {sku} 不在商品目录中，且未给出退货类别",
                       f"{where}: product {sku} is not in the catalogue and has no policy_class")
    if policy_class not in classes:
        raise RowError(f"{where}：未知的退货类别 {shown(policy_class)!r}",
                       f"{where}: unknown policy_class {shown(policy_class)!r}")
    qty = _int(raw.get("qty"), (index, "qty"), minimum=1, maximum=lim.MAX_QTY)
    unit_price = _int(raw.get("unit_price"), (index, "unit_price"))
    gross = qty * unit_price
    if gross > lim.MAX_LINE_FEN:
        raise RowError(f"{where}：该行金额 {format_fen(gross)} 超过上限 {format_fen(lim.MAX_LINE_FEN)}",
                       f"{where}: the line comes to {format_fen(gross)}, above {format_fen(lim.MAX_LINE_FEN)}")
    discount = _int(raw.get("discount", 0), (index, "discount"))
    if discount > gross:
        raise RowError(f"{where}：折扣 {format_fen(discount)} 超过该行金额 {format_fen(gross)}",
                       f"{where}: discount {format_fen(discount)} exceeds the line's value {format_fen(gross)}")
    warranty = raw.get("warranty_months")
    warranty = _int(warranty, (index, "warranty_months"), maximum=lim.MAX_WARRANTY_MONTHS) \
        if warranty is not None else (known.warranty_months if known else 0)
    final_sale = raw.get("final_sale", False)
    if not isinstance(final_sale, bool):
        raise RowError(f"{where}.final_sale 必须是 true 或 false", f"{where}.final_sale must be true or false")
    promo = _text(raw, "promo_group", 40, where=where, required=False)
    name = _text(raw, "name", 200, where=where, symbols=True, required=False) or (known.name if known else sku)
    row = LineRow(line_no, sku, name, policy_class, qty, unit_price, discount, 0,
                  promo or None, final_sale, warranty, bool(known and known.food),
                  bool(known and known.stored_value))
    return row, gross


def _json(text: str) -> dict[str, Any]:
    if len(text) > lim.MAX_ROW_CHARS:
        raise RowError(f"该行过长（{len(text)} 个字符）", f"the row is too long ({len(text)} characters)")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RowError(f"不是有效的 JSON（第 {exc.colno} 列）", f"not valid JSON (column {exc.colno})") from None
    except (ValueError, RecursionError):  # a number of more than 4,300 digits; arrays nested thousands deep
        raise RowError("JSON 中的数字过长或嵌套过深", "a number in the JSON is too long or it is nested too deep"
                       ) from None
    if not isinstance(obj, dict):
        raise RowError("每行必须是一个 JSON 对象", "each line must be one JSON object")
    return obj


def parse_sale(text: str, catalogue: dict[str, CatalogueEntry], members: set[str], classes: frozenset[str],
               now: datetime | None = None) -> SaleRow:
    """One JSON Lines row → a checked SaleRow; raises RowError naming what is wrong."""
    obj = _json(text)
    receipt_no = _code(obj.get("receipt"), "receipt")
    sold_at = _when(obj.get("sold_at"), now)
    member = obj.get("member")
    if member is not None:
        member = _code(str(member) if isinstance(member, int) else member, "member")
        if member not in members:
            raise RowError(f"会员卡号 {member} 不存在（请先导入会员）",
                           f"member card {member} is unknown (import members first)")
    raw_lines = obj.get("lines")
    if not isinstance(raw_lines, list) or not raw_lines:
        raise RowError("小票没有商品行", "the sale has no lines")
    if len(raw_lines) > lim.MAX_LINES:
        raise RowError(f"商品行过多（{len(raw_lines)}，最多 {lim.MAX_LINES}）",
                       f"too many lines ({len(raw_lines)}, {lim.MAX_LINES} at most)")
    parsed = [_line(raw, i, catalogue, classes) for i, raw in enumerate(raw_lines)]
    seen: set[int] = set()
    for row, _gross in parsed:
        if row.line_no in seen:
            raise RowError(f"行号 {row.line_no} 重复", f"duplicate line number {row.line_no}")
        seen.add(row.line_no)
    receipt_discount = _int(obj.get("receipt_discount", 0), "receipt_discount", maximum=lim.MAX_LINE_FEN * lim.MAX_LINES)
    total = _net_lines(parsed, receipt_discount)
    tenders = _tenders(obj.get("tenders"))
    paid = sum(amount for _m, amount, _ref in tenders)
    if paid != total:
        raise RowError(f"支付合计 {format_fen(paid)} 与商品应付 {format_fen(total)} 不符",
                       f"tenders add up to {format_fen(paid)} but the lines net {format_fen(total)}")
    coupons = obj.get("coupons_redeemed") or []
    if not isinstance(coupons, list) or len(coupons) > lim.MAX_TENDERS:
        raise RowError("coupons_redeemed 必须是券码列表", "coupons_redeemed must be a list of codes")
    return SaleRow(
        receipt_no=receipt_no, sold_at=sold_at, till=_text(obj, "till", 20), cashier=_text(obj, "cashier", 40),
        member_card=member, lines=tuple(row for row, _gross in parsed), receipt_discount=receipt_discount,
        tenders=tenders, coupons_redeemed=tuple(_code(c, f"coupons_redeemed[{i}]") for i, c in enumerate(coupons)),
        points_earned=_int(obj.get("points_earned", 0), "points_earned", maximum=lim.MAX_POINTS), total=total,
        # The row's own text: the same export imported again is recognised at once and left alone
        # (a differently formatted export of the same sale is compared field by field on import).
        content_hash=hashlib.sha256(text.strip().encode()).hexdigest(),
        invoice=_invoice(obj.get("invoice")),
    )


def _net_lines(parsed: list[tuple[LineRow, int]], receipt_discount: int) -> int:
    """Shares the receipt discount out over the lines (each line's net set); what the lines net together."""
    after_line_discounts = sum(g - r.discount for r, g in parsed)
    if receipt_discount > after_line_discounts:
        raise RowError("整单折扣超过小票金额", "receipt_discount exceeds what the lines come to")
    nets = line_nets([g for _r, g in parsed], [r.discount for r, _g in parsed], receipt_discount)
    for (row, _gross), net in zip(parsed, nets, strict=True):
        row.net = net   # shared after each line's own discount: never below zero (DOMAIN: Money)
    return sum(nets)


def _invoice(value: Any) -> str | None:
    """The optional `invoice` field: the 发票 number as text, or true when only flagged."""
    if value is None or value is False:
        return None
    if value is True:
        return "yes"
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 40:
        raise RowError("invoice 必须是发票号码（最多 40 个字符）或 true/false",
                       "invoice must be the invoice number (40 characters at most) or true/false")
    return value.strip()


def _tenders(raw: Any) -> tuple[tuple[str, int, str], ...]:
    if not isinstance(raw, list) or not raw:
        raise RowError("小票没有支付方式", "the sale has no tenders")
    if len(raw) > lim.MAX_TENDERS:
        raise RowError(f"支付方式过多（最多 {lim.MAX_TENDERS} 个）", f"too many tenders ({lim.MAX_TENDERS} at most)")
    out = []
    for i, tender in enumerate(raw):
        if not isinstance(tender, dict):
            raise RowError(f"tenders[{i}] 不是对象", f"tenders[{i}] is not an object")
        method = tender.get("method")
        if not isinstance(method, str) or method not in TENDER_METHODS:
            raise RowError(f"tenders[{i}]：未知的支付方式 {shown(str(method))!r}（可用：{'、'.join(TENDER_METHODS)}）",
                           f"tenders[{i}]: unknown tender method {shown(str(method))!r} "
                           f"(known: {', '.join(TENDER_METHODS)})")
        amount = _int(tender.get("amount"), f"tenders[{i}].amount", minimum=1)
        code = tender.get("code")
        out.append((method, amount, _code(code, f"tenders[{i}].code") if code else ""))
    return tuple(out)
