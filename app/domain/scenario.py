"""The scenario file's reader: JSON facts of one return, checked field by field (errors name the field)."""


from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.facts import (
    ClaimEvidence,
    EarlierReturn,
    RepairHistory,
    RequestItem,
    ReturnFacts,
    Sale,
    SaleLine,
    Tender,
)
from app.domain.money import format_fen
from app.domain.scenario_fields import bad as _bad
from app.domain.scenario_fields import choice as _choice
from app.domain.scenario_fields import flag as _bool
from app.domain.scenario_fields import list_at as _list
from app.domain.scenario_fields import moment_of as _moment
from app.domain.scenario_fields import object_at as _object
from app.domain.scenario_fields import text as _text
from app.domain.scenario_fields import whole as _int
from app.domain.vocabulary import (
    CONDITIONS,
    COUPON_METHODS,
    REASONS,
    REMEDIES,
    TENDER_METHODS,
    TIERS,
)

_SCENARIO_KEYS = {"name", "note", "today", "sale", "already_returned", "already_refunded_by_tender",
                  "customer_returns_30d", "customer_identified", "request", "overrides",
                  "region", "repair_history"}
_SALE_KEYS = {"sold_at", "member_tier", "lines", "receipt_discount", "tenders", "points_earned",
              "receipt_no"}
_LINE_KEYS = {"line", "sku", "name", "policy_class", "qty", "unit_price", "discount", "promo_group",
              "final_sale", "warranty_months", "net", "food", "stored_value"}
_ITEM_KEYS = {"line", "qty", "reason", "condition", "remedy", "evidence"}
_NO_RECEIPT_ITEM_KEYS = {"sku", "name", "policy_class", "qty", "reason", "condition",
                         "lowest_price_30d", "catalogue_price", "remedy", "evidence"}


def facts_from_json(obj: Any) -> ReturnFacts:
    """ReturnFacts from one parsed scenario object; InvalidInput names the offending field."""
    doc = _object(obj, "scenario", _SCENARIO_KEYS)
    sale = None if doc.get("sale") is None else _sale(doc["sale"])
    returned = tuple(_earlier(item, f"already_returned[{i}]", sale)
                     for i, item in enumerate(_list(doc.get("already_returned", []), "already_returned")))
    for entry in returned:
        assert sale is not None  # _earlier refuses earlier returns without a sale
        sold = sale.line(entry.line)
        if sold is not None and sum(e.qty for e in returned if e.line == entry.line) > sold.qty:
            _bad("already_returned", f"第{entry.line}行退回数量超过售出数量",
                 f"line {entry.line} was returned more times than it was sold")
    by_tender = _object(doc.get("already_refunded_by_tender", {}), "already_refunded_by_tender", None)
    for method in by_tender:
        _choice(method, f"already_refunded_by_tender.{method}", TENDER_METHODS, "付款方式", "tender method")
    request = _list(doc.get("request"), "request")
    if not request:
        _bad("request", "至少要退一件商品", "must list at least one item")
    items = tuple(_item(item, f"request[{i}]", sale) for i, item in enumerate(request))
    lines = [item.line for item in items if item.line is not None]
    for i, number in enumerate(lines):
        if number in lines[:i]:
            _bad(f"request[{i}].line", f"第{number}行重复", f"line {number} is requested twice")
    today = _moment(doc.get("today"), "today")
    if sale is not None and today < sale.sold_at:
        _bad("today", "退货时间早于销售时间", "the return is dated before the sale")
    refunded_by_tender = {m: _int(v, f"already_refunded_by_tender.{m}") for m, v in by_tender.items()}
    if sale is not None:
        _check_earlier_refunds(sale, returned, refunded_by_tender)
    return ReturnFacts(
        today=today,
        sale=sale,
        request=items,
        already_returned=returned,
        already_refunded_by_tender=refunded_by_tender,
        customer_returns_30d=_int(doc.get("customer_returns_30d", 0), "customer_returns_30d"),
        customer_identified=_bool(doc.get("customer_identified", True), "customer_identified"),
        overridden_lines=frozenset(_int(v, f"overrides[{i}]", 1)
                                   for i, v in enumerate(_list(doc.get("overrides", []), "overrides"))),
        region=None if doc.get("region") is None else _text(doc["region"], "region"),
        repair_history=_repair_history(doc.get("repair_history", []), sale),
    )


def _repair_history(value: Any, sale: Sale | None) -> tuple[RepairHistory, ...]:
    found: list[RepairHistory] = []
    for i, obj in enumerate(_list(value, "repair_history")):
        path = f"repair_history[{i}]"
        doc = _object(obj, path, {"line", "failed_repairs", "parts_wait_days"})
        line = _int(doc.get("line"), f"{path}.line", 1)
        if sale is None or sale.line(line) is None or any(r.line == line for r in found):
            _bad(f"{path}.line", f"小票上没有第{line}行，或重复", f"the sale has no line {line}, or it is repeated")
        found.append(RepairHistory(line, _int(doc.get("failed_repairs", 0), f"{path}.failed_repairs"),
                                   _int(doc.get("parts_wait_days", 0), f"{path}.parts_wait_days")))
    return tuple(found)


def _remedy_and_evidence(doc: dict[str, Any], path: str) -> dict[str, Any]:
    remedy = doc.get("remedy")
    if remedy is not None:
        _choice(remedy, f"{path}.remedy", REMEDIES, "处理方式", "remedy")
    evidence = None
    if doc.get("evidence") is not None:
        ev = _object(doc["evidence"], f"{path}.evidence", {"expiry", "batch", "note"})
        evidence = ClaimEvidence(*(None if ev.get(k) is None else _text(ev[k], f"{path}.evidence.{k}")
                                   for k in ("expiry", "batch", "note")))
    return {"remedy": remedy, "evidence": evidence}


def _check_earlier_refunds(sale: Sale, returned: tuple[EarlierReturn, ...],
                           by_tender: Mapping[str, int]) -> None:
    """What tenders already paid back must fit the sale: a method it used (or store credit, which a
    short cash drawer pays instead of cash), no more than that method paid, and no more in all than
    the earlier returns were worth."""
    paid: dict[str, int] = {}
    for tender in sale.tenders:
        paid[tender.method] = paid.get(tender.method, 0) + tender.amount
    for method, amount in by_tender.items():
        path = f"already_refunded_by_tender.{method}"
        if method in COUPON_METHODS:
            _bad(path, "优惠券部分从不退款", "the coupon part of a sale is never paid back")
        if method not in paid and method != "store_credit":
            _bad(path, "这张小票没有用这种方式付款", "the sale was not paid this way")
        if method in paid and amount > paid[method]:
            _bad(path, f"超过这种方式实付的{paid[method]}分", f"more than the {paid[method]} fen paid this way")
    worth = sum(e.refunded for e in returned)
    if sum(by_tender.values()) > worth:
        _bad("already_refunded_by_tender", f"合计超过之前退货的退款值{worth}分（already_returned）",
             f"adds up to more than the {worth} fen the earlier returns were worth (already_returned)")


def _sale(obj: Any) -> Sale:
    doc = _object(obj, "sale", _SALE_KEYS)
    raw_lines = _list(doc.get("lines"), "sale.lines")
    if not raw_lines:
        _bad("sale.lines", "小票至少有一行", "a receipt has at least one line")
    lines = tuple(_sale_line(item, f"sale.lines[{i}]") for i, item in enumerate(raw_lines))
    numbers = [sale_line.line for sale_line in lines]
    for i, number in enumerate(numbers):
        if number in numbers[:i]:
            _bad(f"sale.lines[{i}].line", f"行号 {number} 重复", f"line number {number} is used twice")
    receipt_discount = _int(doc.get("receipt_discount", 0), "sale.receipt_discount")
    charged = sum(x.qty * x.unit_price - x.discount for x in lines) - receipt_discount  # by any rule
    if charged < 0:
        _bad("sale.receipt_discount", "整单优惠超过商品金额", "is more than the lines are worth")
    _check_stored_nets(lines, charged)
    tenders = tuple(_tender(item, f"sale.tenders[{i}]")
                    for i, item in enumerate(_list(doc.get("tenders"), "sale.tenders")))
    paid = sum(t.amount for t in tenders)
    if paid != charged:
        _bad("sale.tenders", f"付款合计 {format_fen(paid)}，与小票应付 {format_fen(charged)} 不符",
             f"add up to {format_fen(paid)} but the receipt charged {format_fen(charged)}")
    return Sale(
        sold_at=_moment(doc.get("sold_at"), "sale.sold_at"),
        lines=lines,
        tenders=tenders,
        receipt_discount=receipt_discount,
        points_earned=_int(doc.get("points_earned", 0), "sale.points_earned"),
        member_tier=_choice(doc.get("member_tier") or "standard", "sale.member_tier", TIERS,
                            "会员等级", "member tier"),
    )


def _check_stored_nets(lines: tuple[SaleLine, ...], charged: int) -> None:
    """Stored nets come on every line or on none, each within its line's value after its own
    discount, and add up to what the receipt charged."""
    if all(x.net is None for x in lines):
        return
    for i, x in enumerate(lines):
        if x.net is None:
            _bad(f"sale.lines[{i}].net", "其他行给出了实付金额，这一行也须给出",
                 "the other lines carry their stored net, so must this one")
        if x.net > x.qty * x.unit_price - x.discount:
            _bad(f"sale.lines[{i}].net", "超过该行扣除本行折扣后的金额",
                 "is more than the line is worth after its own discount")
    stored = sum(x.net or 0 for x in lines)
    if stored != charged:
        _bad("sale.lines", f"各行实付合计 {format_fen(stored)}，与小票应付 {format_fen(charged)} 不符",
             f"the lines' stored nets add up to {format_fen(stored)} but the receipt charged "
             f"{format_fen(charged)}")


def _sale_line(obj: Any, path: str) -> SaleLine:
    doc = _object(obj, path, _LINE_KEYS)
    qty, unit_price = _int(doc.get("qty"), f"{path}.qty", 1), _int(doc.get("unit_price"), f"{path}.unit_price")
    discount = _int(doc.get("discount", 0), f"{path}.discount")
    if discount > qty * unit_price:
        _bad(f"{path}.discount", "折扣超过该行金额", "is more than the line is worth")
    group = doc.get("promo_group")
    return SaleLine(
        line=_int(doc.get("line"), f"{path}.line", 1),
        sku=_text(doc.get("sku"), f"{path}.sku"),
        policy_class=_text(doc.get("policy_class"), f"{path}.policy_class"),
        qty=qty,
        unit_price=unit_price,
        discount=discount,
        promo_group=None if group is None else _text(group, f"{path}.promo_group"),
        final_sale=_bool(doc.get("final_sale", False), f"{path}.final_sale"),
        warranty_months=_int(doc.get("warranty_months", 0), f"{path}.warranty_months"),
        net=None if doc.get("net") is None else _int(doc["net"], f"{path}.net"),
        food=_bool(doc.get("food", False), f"{path}.food"),
        stored_value=_bool(doc.get("stored_value", False), f"{path}.stored_value"),
    )


def _tender(obj: Any, path: str) -> Tender:
    doc = _object(obj, path, {"method", "amount", "reference"})
    method = _choice(doc.get("method"), f"{path}.method", TENDER_METHODS, "付款方式", "tender method")
    return Tender(method=method, amount=_int(doc.get("amount"), f"{path}.amount"))


def _earlier(obj: Any, path: str, sale: Sale | None) -> EarlierReturn:
    doc = _object(obj, path, {"line", "qty", "refunded"})
    if sale is None:
        _bad(path, "无小票时不能有之前的退货记录", "earlier returns need a sale")
    line = _int(doc.get("line"), f"{path}.line", 1)
    if sale.line(line) is None:
        _bad(f"{path}.line", f"小票上没有第{line}行", f"the sale has no line {line}")
    return EarlierReturn(line=line, qty=_int(doc.get("qty"), f"{path}.qty", 1),
                         refunded=_int(doc.get("refunded", 0), f"{path}.refunded"))


def _item(obj: Any, path: str, sale: Sale | None) -> RequestItem:
    doc = _object(obj, path, _ITEM_KEYS if sale is not None else _NO_RECEIPT_ITEM_KEYS)
    qty = _int(doc.get("qty"), f"{path}.qty", 1)
    reason = _choice(doc.get("reason"), f"{path}.reason", REASONS, "退货原因", "reason")
    condition = _choice(doc.get("condition"), f"{path}.condition", CONDITIONS, "商品状态", "condition")
    if sale is not None:
        line = _int(doc.get("line"), f"{path}.line", 1)
        if sale.line(line) is None:
            _bad(f"{path}.line", f"小票上没有第{line}行", f"the sale has no line {line}")
        return RequestItem(qty=qty, reason=reason, condition=condition, line=line,
                           **_remedy_and_evidence(doc, path))
    lowest = doc.get("lowest_price_30d")
    return RequestItem(
        qty=qty, reason=reason, condition=condition,
        sku=_text(doc.get("sku"), f"{path}.sku"),
        policy_class=_text(doc.get("policy_class"), f"{path}.policy_class"),
        lowest_price_30d=None if lowest is None else _int(lowest, f"{path}.lowest_price_30d"),
        catalogue_price=_int(doc.get("catalogue_price"), f"{path}.catalogue_price"),
        **_remedy_and_evidence(doc, path),
    )
