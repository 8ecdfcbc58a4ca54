"""Food-safety compensation (食品安全法 art. 148) and the red-letter invoice a refund owes: written and read back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.quote import ReturnQuote
from app.models import Return, Sale
from app.models.law import ReturnCompensation
from app.services.users import audit
from app.services.views import GrantedApproval

_TEXT = {"expiry": 40, "batch": 60}


def write(s: Session, ret: Return, q: ReturnQuote, signed: GrantedApproval | None) -> None:
    """Paid apart from the refund, as the engine's tender (cash or the sale's first money tender, never
    the drawer's store-credit spill); the quote asked for a supervisor, so `signed` is there."""
    c = q.compensation
    if c is None:
        return
    assert signed is not None, "food compensation always needs a supervisor (SUPERVISOR_REASONS)"
    evidence = {key: "; ".join(e.get(key, "") for e in c.evidence.values() if e.get(key))
                for key in ("expiry", "batch", "note")}
    s.add(ReturnCompensation(return_id=ret.id, amount=c.amount, method=c.tender, approved_by_id=signed.approver.id,
                             expiry=evidence["expiry"][:_TEXT["expiry"]], batch=evidence["batch"][:_TEXT["batch"]],
                             note=evidence["note"]))
    audit(s, "food_compensation_paid", signed.approver.id, ret.number, amount=c.amount, method=c.tender,
          lines=list(c.lines), **evidence)


def void_for_return(s: Session, ret: Return, by_id: int, now: datetime) -> None:
    """A voided return takes its compensation back too: marked void (kept, never deleted) and audited,
    so the drawer check no longer counts it and the trail says what the customer handed back."""
    for paid in s.scalars(select(ReturnCompensation).where(ReturnCompensation.return_id == ret.id,
                                                           ReturnCompensation.voided_at.is_(None))):
        paid.voided_at = now
        audit(s, "food_compensation_voided", by_id, ret.number, amount=paid.amount, method=paid.method)


def of_return(s: Session, ret: Return) -> dict[str, object]:
    """The compensation paid and the red-letter invoice due, as CompletedReturn fields."""
    paid = s.execute(select(func.sum(ReturnCompensation.amount), func.min(ReturnCompensation.method))
                     .where(ReturnCompensation.return_id == ret.id, ReturnCompensation.voided_at.is_(None))).one()
    invoice = s.scalar(select(Sale.invoice).where(Sale.id == ret.sale_id)) if ret.sale_id else None
    refunded = max(0, ret.refund_total)
    return {"compensation": int(paid[0] or 0), "compensation_method": paid[1] or "",
            "red_invoice": refunded if invoice else 0, "invoice": invoice}
