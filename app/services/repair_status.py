"""A repair ticket moves on: sent to the supplier, back (fixed or not), customer told, collected or replaced."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.limits import checked_words
from app.domain.vocabulary import REPAIR_OUTCOMES, REPAIR_STATUSES
from app.errors import InvalidInput
from app.models import RepairTicket, utcnow
from app.services import followups, repair_history
from app.services.loop_views import RepairTicketView
from app.services.repairs import FINAL, NEXT, _find, view_of
from app.services.users import audit, require_role
from app.services.views import UserView

# The roles a move needs: giving a new unit or the money back is a supervisor's call.
NEEDS = {"replaced": "supervisor", "refunded": "supervisor"}


def advance(number: str, to: str, user: UserView, *, outcome: str = "", note: str = "",
            now: datetime | None = None, url: str | None = None) -> RepairTicketView:
    """Moves a ticket to `to`; "back" records how it came back (fixed / failed), which the repair history counts."""
    require_role(user, NEEDS.get(to, "clerk"), url)
    now = now or utcnow()
    note = checked_words(note, "备注", "The note", 500, lines=False)
    if to not in REPAIR_STATUSES:
        raise InvalidInput(f"未知的维修状态 {to}。", f"Unknown repair status {to}.")
    with session_scope(url) as s:
        ticket = _find(s, number, lock=True)
        if to not in NEXT.get(ticket.status, ()):
            raise InvalidInput(f"维修单 {ticket.number} 现在是“{REPAIR_STATUSES[ticket.status][0]}”，"
                               f"不能改为“{REPAIR_STATUSES[to][0]}”。",
                               f"Repair ticket {ticket.number} is {REPAIR_STATUSES[ticket.status][1]}; "
                               f"it cannot become {REPAIR_STATUSES[to][1]}.")
        if to == "back":
            _came_back(s, ticket, outcome, user, now)
        elif to == "sent":
            ticket.sent_at, ticket.outcome = now, ""
        if to in FINAL:
            ticket.closed_at = now
        if to == "collected":
            ticket.collected_at = now
            followups.after_repair(s, ticket, user, now)   # the follow-up call, if the customer agreed to one
        ticket.status = to
        if note.strip():
            ticket.note = (ticket.note + "\n" if ticket.note else "") + note.strip()
        audit(s, f"repair_{to}", user.id, ticket.number, outcome=ticket.outcome, note=note.strip())
        return view_of(s, ticket, now)


def _came_back(s: Session, ticket: RepairTicket, outcome: str, user: UserView, now: datetime) -> None:
    if outcome not in REPAIR_OUTCOMES:
        raise InvalidInput("请选择维修结果：已修好或未修好。", "Say how it came back: fixed or not fixed.")
    ticket.back_at, ticket.outcome = now, outcome
    if ticket.sale_line_id:
        # the one repair history (三包), which the legal floor reads; the wait is the days with the supplier
        waited = (now - ticket.sent_at).days if ticket.sent_at else 0
        repair_history.record(s, ticket.sale_line_id, ticket.serial, outcome, waited, user, at=now)


def tell_customer(number: str, user: UserView, *, now: datetime | None = None,
                  url: str | None = None) -> RepairTicketView:
    """The customer was told the repair is back (or what happens next); recorded with when."""
    require_role(user, "clerk", url)
    now = now or utcnow()
    with session_scope(url) as s:
        ticket = _find(s, number)
        ticket.told_at = now
        audit(s, "repair_customer_told", user.id, ticket.number)
        return view_of(s, ticket, now)
