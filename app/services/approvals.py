"""A supervisor's approval as its own call: who may sign, their PIN (with lockout), why; audited."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.db import session_scope
from app.domain.vocabulary import OVERRIDE_REASONS, SUPERVISOR_REASONS
from app.errors import InvalidInput, NotAllowed
from app.models import User, utcnow
from app.services.users import ROLE_RANK, audit, verify_pin
from app.services.views import GrantedApproval, UserView

# What a supervisor may sign for: the rule that asked for them (over the limit, frequent returner, no
# receipt …) or why they override a refusal (goodwill, store error, quality dispute, other).
APPROVAL_REASONS = tuple(r for r in SUPERVISOR_REASONS if r != "override") + tuple(OVERRIDE_REASONS)


def approve(supervisor: str, pin: str, reason: str, note: str, clerk: UserView, needs: tuple[str, ...] = (),
            url: str | None = None, now: datetime | None = None) -> GrantedApproval:
    """The supervisor signs for `needs` on `clerk`'s transaction.

    The PIN is checked in its own transaction, before any return takes its write lock, so a wrong
    try counts even though nothing else is written.
    """
    if reason not in APPROVAL_REASONS:
        raise InvalidInput(f"请选择审批原因：{' / '.join(APPROVAL_REASONS)}。",
                           f"Pick an approval reason: {', '.join(APPROVAL_REASONS)}.")
    if _user_id(supervisor, url) == clerk.id:
        raise NotAllowed("主管不能审批自己经手的退货。", "A supervisor cannot approve their own transaction.")
    approver = _signing_supervisor(supervisor, pin, "approval", url)
    if approver.id == clerk.id:  # the look-up and the PIN check are two reads: check the id again
        raise NotAllowed("主管不能审批自己经手的退货。", "A supervisor cannot approve their own transaction.")
    granted = GrantedApproval(approver, reason, note.strip(), now or utcnow(), tuple(needs))
    with session_scope(url) as s:
        audit(s, "approval_granted", approver.id, clerk.username, reason=reason, note=granted.note,
              needs=list(granted.needs), clerk_id=clerk.id)
    return granted


def approve_void(supervisor: str, pin: str, url: str | None = None, now: datetime | None = None
                 ) -> GrantedApproval:
    """A supervisor's PIN for voiding a return; the void itself checks they did not complete it."""
    approver = _signing_supervisor(supervisor, pin, "void", url)
    return GrantedApproval(approver, "", "", now or utcnow(), ("void",))


def _signing_supervisor(username: str, pin: str, action: str, url: str | None) -> UserView:
    approver = verify_pin(username, pin, action, url)
    if ROLE_RANK.get(approver.role, -1) < ROLE_RANK["supervisor"]:
        raise NotAllowed(f"{approver.username} 不是主管，不能审批。", f"{approver.username} is not a supervisor.")
    return approver


def _user_id(username: str, url: str | None) -> int | None:
    """The id behind a user name, normalised as signing in does (so " boss" is boss)."""
    with session_scope(url, write=False) as s:
        return s.scalar(select(User.id).where(User.username == username.strip()))


def check_signed(approval: GrantedApproval, clerk_id: int) -> None:
    """Refuses an approval by the very person whose transaction it is (compared by id, never name)."""
    if approval.approver.id == clerk_id:
        raise NotAllowed("主管不能审批自己经手的退货。", "A supervisor cannot approve their own transaction.")
    if ROLE_RANK.get(approval.approver.role, -1) < ROLE_RANK["supervisor"]:
        raise NotAllowed(f"{approval.approver.username} 不是主管，不能审批。",
                         f"{approval.approver.username} is not a supervisor.")
