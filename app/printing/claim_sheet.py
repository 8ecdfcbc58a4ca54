"""The return-to-supplier claim sheet: the faulty units set aside for one supplier, to sign on collection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.supplier_claim import SupplierClaimLine
from app.printing import frame
from app.printing.data import ShopInfo
from app.printing.labels import money, one, shop_time, zh_en
from app.printing.layout import Cell


@dataclass(frozen=True)
class ClaimSheetData:
    supplier: str
    code: str                       # printed as a barcode: the supplier claim's key
    printed_at: datetime
    lines: tuple[SupplierClaimLine, ...]


def render_claim_sheet(data: ClaimSheetData, shop: ShopInfo, paper: str = "a4", lang: str = "zh_CN") -> bytes:
    frame.check_lang(lang)
    sheet = frame.new_sheet(paper, data.code)
    frame.shop_heading(sheet, shop, lang)
    frame.title(sheet, "claim_title", lang)
    sheet.pair(zh_en("supplier", lang), data.supplier, bold=True)
    sheet.pair(zh_en("time", lang), shop_time(data.printed_at, shop.tz))
    sheet.space(sheet.size * 0.3)
    sheet.barcode(data.code)
    columns = [("退货单", "Slip", 0.24, "left"), ("商品", "Product", 0.36, "left"), ("原因", "Reason", 0.18, "left"),
               ("数量", "Qty", 0.08, "right"), ("金额", "Value", 0.14, "right")]
    rows = [[Cell(ln.return_number, 0.24, sub=shop_time(ln.returned_at, shop.tz)), Cell(ln.name, 0.36, sub=ln.sku),
             one(ln.reason, lang), str(ln.qty), money(ln.value)] for ln in data.lines]
    frame.table(sheet, columns, rows, lang, ruled=True)
    qty, value = sum(ln.qty for ln in data.lines), sum(ln.value for ln in data.lines)
    sheet.pair(zh_en("claim_total", lang), f"{qty} · {money(value)}", bold=True)
    sheet.space(sheet.size)
    sheet.signature(zh_en("supplier_signature", lang))
    return sheet.render(lambda n, t: f"{data.code} · {n}/{t}")
