"""One member's personal data (个人信息保护法): the admin exports it as JSON, or erases it keeping money anonymous."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import NotFound
from app.models import Complaint, ComplaintNote, Coupon, Member, Return, Sale
from app.services.sale_rows import normalise_code
from app.services.staff import acting_admin
from app.services.users import audit
from app.services.views import UserView


def _member(session: Session, card_no: str) -> Member:
    code = normalise_code(card_no)
    member = session.scalar(select(Member).where(Member.card_no == code))
    if member is None:
        raise NotFound(f"找不到会员卡 {code}。", f"No member card {code}.")
    return member


def _stamp(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def export_member(by: UserView, card_no: str, url: str | None = None) -> dict[str, Any]:
    """Everything kept about the member, as the law's right of access asks; the export is audited."""
    with session_scope(url) as s:
        admin = acting_admin(s, by)
        m = _member(s, card_no)
        complaints = list(s.scalars(select(Complaint).where(Complaint.member_id == m.id).order_by(Complaint.id)))
        data = {
            "member": {"card_no": m.card_no, "phone": m.phone, "name": m.name, "tier": m.tier,
                       "points": m.points, "special_needs": m.special_needs},
            "purchases": [{"receipt": r, "sold_at": _stamp(t), "total_fen": total} for r, t, total in s.execute(
                select(Sale.receipt_no, Sale.sold_at, Sale.total).where(Sale.member_id == m.id).order_by(Sale.id))],
            "returns": [{"number": n, "completed_at": _stamp(t), "refund_fen": f} for n, t, f in s.execute(
                select(Return.number, Return.completed_at, Return.refund_total)
                .where(Return.member_id == m.id).order_by(Return.id))],
            "coupons": [{"code": c, "kind": k, "status": st} for c, k, st in s.execute(
                select(Coupon.code, Coupon.kind, Coupon.status).where(Coupon.member_id == m.id).order_by(Coupon.id))],
            "complaints": [_complaint(c) for c in complaints],
        }
        audit(s, "member_exported", admin.id, f"member #{m.id}")
        return data


def _complaint(c: Complaint) -> dict[str, Any]:
    return {"number": c.number, "created_at": _stamp(c.created_at), "type": c.type, "status": c.status,
            "description": c.description, "resolution": c.resolution, "followup_at": _stamp(c.followup_at),
            "satisfaction": c.satisfaction, "csat": c.csat,
            "notes": [{"at": _stamp(n.at), "text": n.text} for n in c.notes]}


def erase_member(by: UserView, card_no: str, url: str | None = None) -> dict[str, int]:
    """Deletes the member, their complaints with notes, follow-ups and ratings; sales, returns and coupons
    stay (the books must balance) but no longer point at anyone. One transaction; audited without the card."""
    with session_scope(url) as s:
        admin = acting_admin(s, by)
        m = _member(s, card_no)
        complaint_ids = list(s.scalars(select(Complaint.id).where(Complaint.member_id == m.id)))
        counts = {"complaints": len(complaint_ids)}
        if complaint_ids:
            counts["notes"] = s.execute(delete(ComplaintNote).where(ComplaintNote.complaint_id.in_(complaint_ids))
                                        ).rowcount
            s.execute(update(Coupon).where(Coupon.complaint_id.in_(complaint_ids)).values(complaint_id=None))
            s.execute(delete(Complaint).where(Complaint.id.in_(complaint_ids)))
        for model, key in ((Sale, "sales"), (Return, "returns"), (Coupon, "coupons")):
            counts[key] = s.execute(update(model).where(model.member_id == m.id).values(member_id=None)).rowcount
        member_id = m.id
        s.delete(m)
        audit(s, "member_erased", admin.id, f"member #{member_id}", **counts)
        return counts
