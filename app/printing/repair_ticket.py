"""Repair tickets (维修单): the customer's copy to collect with, and the tag that travels with the item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.vocabulary import REPAIR_STATUSES, label
from app.printing import frame
from app.printing.data import ShopInfo
from app.printing.labels import LABELS, shop_time, zh_en


@dataclass(frozen=True)
class RepairTicketData:
    number: str
    product_name: str
    sku: str
    serial: str
    fault: str
    accessories: str
    supplier: str
    phone_masked: str
    member_card: str | None
    taken_in: datetime
    promised: datetime
    status: str
    earlier_repairs: int
    receipt_no: str | None = None


COPIES = ("customer", "item")


def render_repair_ticket(data: RepairTicketData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN",
                         copy: str = "customer") -> bytes:
    """`copy` customer: what to collect it with; item: the tag on the goods (supplier, history, no terms)."""
    frame.check_lang(lang)
    sheet = frame.new_sheet(paper, data.number)
    if copy == "customer":
        frame.shop_heading(sheet, shop, lang)
    frame.title(sheet, "repair_ticket" if copy == "customer" else "repair_tag", lang)
    sheet.space(sheet.size * 0.3)
    sheet.barcode(data.number)
    sheet.rule()
    pairs = [("product", data.product_name), ("sku", data.sku), ("serial", data.serial or "—"),
             ("fault", data.fault), ("accessories", data.accessories or "—"),
             ("taken_in_at", shop_time(data.taken_in, shop.tz)), ("promised", shop_time(data.promised, shop.tz))]
    if data.receipt_no:
        pairs.insert(2, ("receipt_no", data.receipt_no))
    if data.phone_masked:
        pairs.append(("member", data.phone_masked))
    if copy == "item":
        pairs += [("supplier", data.supplier or "—"), ("earlier_repairs", str(data.earlier_repairs)),
                  ("status", label(REPAIR_STATUSES, data.status, lang))]
    for key, value in pairs:
        sheet.pair(_label(key, lang), value)
    if copy == "customer":
        sheet.rule()
        zh, en = LABELS["repair_terms"]
        sheet.text(en if frame.is_en(lang) else zh, sheet.size * 0.95)
        if not frame.is_en(lang):
            sheet.text(en, sheet.size * 0.85, grey=True)
        frame.feedback(sheet, shop, lang)
    return sheet.render(lambda n, t: f"{data.number} · {n}/{t}")


def _label(key: str, lang: str) -> str:
    if key == "sku":
        return "条码 SKU" if not frame.is_en(lang) else "SKU"
    if key == "status":
        return "状态 Status" if not frame.is_en(lang) else "Status"
    return zh_en(key, lang)
