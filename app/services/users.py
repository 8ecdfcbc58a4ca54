"""Users and PINs: argon2 hashes, 5 wrong tries then a lockout, every failure audited, roles checked here."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import User, utcnow
from app.services import audit as audit_log
from app.services.views import UserView

MAX_TRIES = 5
ROLE_RANK = {"clerk": 0, "supervisor": 1, "admin": 2}
_hasher = PasswordHasher()


def audit(session: Session, action: str, user_id: int | None, subject: str = "", **detail: object) -> None:
    audit_log.append(session, action, user_id, subject, **detail)  # the chained trail lives in audit.py


def view(user: User) -> UserView:
    return UserView(user.id, user.username, user.display_name, user.role, user.must_change_pin)


def hash_pin(pin: str) -> str:
    """The seed's hash (demo, tests); what the admin and the users set goes through app.services.pins."""
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise InvalidInput("PIN 必须是 4–12 位数字。", "A PIN is 4 to 12 digits.")
    return _hasher.hash(pin)


def create_user(session: Session, username: str, display_name: str, role: str, pin: str) -> User:
    if role not in ROLE_RANK:
        raise InvalidInput(f"未知角色 {role}", f"unknown role {role}")
    user = User(username=username, display_name=display_name, role=role, pin_hash=hash_pin(pin),
                staff_code=new_staff_code(session))
    session.add(user)
    session.flush()
    return user


LOCKOUTS = (timedelta(minutes=5), timedelta(minutes=30), None)  # each lockout longer; None: only an admin unlocks


def wrong_pin() -> NotAllowed:
    """The one answer for an unknown user, a wrong PIN and a locked account: it tells an attacker nothing."""
    return NotAllowed("用户名或 PIN 不对，或账户已锁定（连续输错 5 次会锁定）。",
                      "Wrong user name or PIN, or the account is locked (5 wrong PINs lock it).")


def is_locked(user: User, now: datetime) -> bool:
    return user.lockouts >= len(LOCKOUTS) or bool(user.locked_until and user.locked_until > now)


def new_staff_code(session: Session) -> str:
    """What the staff card's barcode carries: random, so a card cannot be made up from a user id."""
    while True:
        code = "ST" + "".join(secrets.choice("0123456789") for _ in range(10))
        if session.scalar(select(User.id).where(User.staff_code == code)) is None:
            return code


def find_by_staff_code(code: str, url: str | None = None) -> UserView | None:
    """The active person whose staff card this is, or None."""
    from app.domain.codes import normalise_code

    with session_scope(url, write=False) as s:
        user = s.scalar(select(User).where(User.staff_code == normalise_code(code), User.active.is_(True)))
        return view(user) if user is not None else None


def check_pin(session: Session, username: str, pin: str, *, action: str = "sign_in") -> User:
    """The user if the PIN is right; counts wrong tries, locks for longer each time, audits every failure.

    The failure count is committed even though the caller's action fails: the caller must let this
    function's session commit (see verify_pin) — a rollback would forgive the wrong try.
    """
    user = session.scalar(select(User).where(User.username == username.strip(), User.active.is_(True)))
    if user is None:
        _spend_a_hash(pin)  # as slow as a real user's check, so timing does not tell names apart either
        audit(session, f"{action}_failed", None, audit_log.unknown_name(username), why="unknown user")
        raise wrong_pin()
    now = utcnow()
    if is_locked(user, now):
        audit(session, f"{action}_locked", user.id, user.username)
        raise wrong_pin()
    try:
        _hasher.verify(user.pin_hash, pin)
    except VerificationError:
        user.failed_attempts += 1
        audit(session, f"{action}_failed", user.id, user.username, attempt=user.failed_attempts)
        if user.failed_attempts >= MAX_TRIES:
            _lock(session, user, now)
        raise wrong_pin() from None
    user.failed_attempts, user.lockouts, user.locked_until = 0, 0, None
    return user


def _lock(session: Session, user: User, now: datetime) -> None:
    user.failed_attempts = 0
    user.lockouts = min(user.lockouts + 1, len(LOCKOUTS))
    span = LOCKOUTS[user.lockouts - 1]
    user.locked_until = now + span if span else None
    audit(session, "pin_lockout", user.id, user.username, level=user.lockouts,
          minutes=int(span.total_seconds() // 60) if span else None)


def _spend_a_hash(pin: str) -> None:
    global _dummy
    if _dummy is None:
        _dummy = _hasher.hash("000000")
    try:
        _hasher.verify(_dummy, pin or "-")
    except VerificationError:
        pass


_dummy: str | None = None


def verify_pin(username: str, pin: str, action: str, url: str | None = None) -> UserView:
    """Checks a PIN in its own transaction, so a wrong try is recorded whatever the caller does next."""
    if not pin.strip():  # Enter pressed by mistake: nothing was tried, so nothing counts against the user
        raise InvalidInput("请输入 PIN。", "Enter your PIN.")
    failure: NotAllowed | None = None
    with session_scope(url) as s:
        try:
            user = check_pin(s, username, pin, action=action)
            if user.must_change_pin and action != "sign_in":
                raise NotAllowed(f"{user.username} 须先登录并更改 PIN（店长重置过）。",
                                 f"{user.username} must sign in and change the PIN first (it was reset).")
            if action == "sign_in":
                audit(s, "sign_in", user.id, username)
            result = view(user)
        except NotAllowed as exc:
            failure = exc  # leave the block normally so the failed try and the audit entry commit
    if failure:
        raise failure
    return result


def sign_in(username: str, pin: str, url: str | None = None) -> UserView:
    return verify_pin(username, pin, "sign_in", url)


def acting_user(session: Session, user: UserView | None, role: str, zh: str | None = None,
                en: str | None = None) -> User:
    """The acting user's row as stored now, not as at sign-in: an account disabled or demoted since is
    refused even while its window is still signed in. `role` is the least role that may act."""
    row = session.get(User, user.id) if user is not None else None
    if row is None or not row.active or ROLE_RANK.get(row.role, -1) < ROLE_RANK[role]:
        raise NotAllowed(zh or f"需要{_ROLE_ZH[role]}权限。", en or f"This needs the {role} role.")
    return row


def require_role(user: UserView | None, role: str, url: str | None = None) -> None:
    """acting_user in a read of its own, for a service that checks before it opens its transaction."""
    with session_scope(url, write=False) as s:
        acting_user(s, user, role)


_ROLE_ZH = {"clerk": "店员", "supervisor": "主管", "admin": "店长"}


def list_users(url: str | None = None) -> list[UserView]:
    with session_scope(url, write=False) as s:
        return [view(u) for u in s.scalars(select(User).where(User.active.is_(True)).order_by(User.id))]
