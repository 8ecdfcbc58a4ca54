"""Print data for repair tickets and supplier claim sheets, read from the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import utcnow
from app.printing.claim_sheet import ClaimSheetData
from app.printing.repair_ticket import RepairTicketData
from app.services import repairs, supplier_quality
from app.settings import SHOP_TZ


def ticket_data(s: Session, number: str) -> RepairTicketData:
    ticket = repairs.find_in(s, number)
    if ticket is None:
        raise NotFound(f"找不到维修单 {number}。", f"No repair ticket {number}.")
    v = repairs.view_of(s, ticket)
    return RepairTicketData(v.number, v.product_name, v.sku, v.serial, v.fault, v.accessories, v.supplier,
                            v.phone_masked, v.member_card, v.created_at, v.promised_at, v.status, v.earlier_repairs,
                            v.receipt_no)


def claim_data(supplier: str, url: str | None = None, now: datetime | None = None) -> ClaimSheetData:
    claim = supplier_quality.claim(supplier, url)
    if not claim.lines:
        raise NotFound(f"供应商“{supplier}”没有待退回的质量问题商品。",
                       f"No faulty goods set aside for supplier “{supplier}”.")
    now = now or utcnow()
    code = "CL" + now.astimezone(SHOP_TZ).strftime("%y%m%d%H%M")
    return ClaimSheetData(claim.supplier, code, now, claim.lines)
