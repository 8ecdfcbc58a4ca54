"""Users and PINs: argon2 hashes, 5 wrong tries then a lockout, every failure audited, roles checked here."""

from __future__ import annotations

from datetime import timedelta

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
LOCKOUT = timedelta(minutes=5)
ROLE_RANK = {"clerk": 0, "supervisor": 1, "admin": 2}
_hasher = PasswordHasher()


def audit(session: Session, action: str, user_id: int | None, subject: str = "", **detail: object) -> None:
    audit_log.append(session, action, user_id, subject, **detail)  # the chained trail lives in audit.py


def view(user: User) -> UserView:
    return UserView(user.id, user.username, user.display_name, user.role)


def hash_pin(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 6):
        raise InvalidInput("PIN 必须是 4–6 位数字。", "A PIN is 4 to 6 digits.")
    return _hasher.hash(pin)


def create_user(session: Session, username: str, display_name: str, role: str, pin: str) -> User:
    if role not in ROLE_RANK:
        raise InvalidInput(f"未知角色 {role}", f"unknown role {role}")
    user = User(username=username, display_name=display_name, role=role, pin_hash=hash_pin(pin))
    session.add(user)
    session.flush()
    user.staff_code = staff_code_for(user.id)
    session.flush()
    return user


def staff_code_for(user_id: int) -> str:
    """The code printed on a person's staff card (Code 128): "ST" and the user's number."""
    return f"ST{user_id:04d}"


def find_by_staff_code(code: str, url: str | None = None) -> UserView | None:
    """The active person whose staff card this is, or None."""
    from app.domain.codes import normalise_code

    with session_scope(url, write=False) as s:
        user = s.scalar(select(User).where(User.staff_code == normalise_code(code), User.active.is_(True)))
        return view(user) if user is not None else None


def check_pin(session: Session, username: str, pin: str, *, action: str = "sign_in") -> User:
    """The user if the PIN is right; counts wrong tries, locks after MAX_TRIES, audits every failure.

    The failure count is committed even though the caller's action fails: the caller must let this
    function's session commit (see verify_pin) — a rollback would forgive the wrong try.
    """
    user = session.scalar(select(User).where(User.username == username.strip(), User.active.is_(True)))
    wrong = NotAllowed("用户名或 PIN 不对。", "Wrong user name or PIN.")
    if user is None:
        audit(session, f"{action}_failed", None, audit_log.unknown_name(username), why="unknown user")
        raise wrong
    now = utcnow()
    if user.locked_until and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        audit(session, f"{action}_locked", user.id, username)
        raise NotAllowed(f"{username} 的 PIN 输错次数过多，已锁定，请 {minutes} 分钟后再试。",
                         f"{username} is locked after too many wrong PINs; try again in {minutes} min.")
    try:
        _hasher.verify(user.pin_hash, pin)
    except VerificationError:
        user.failed_attempts += 1
        audit(session, f"{action}_failed", user.id, username, attempt=user.failed_attempts)
        if user.failed_attempts >= MAX_TRIES:
            user.locked_until = now + LOCKOUT
            user.failed_attempts = 0
            audit(session, "pin_lockout", user.id, username)
            raise NotAllowed(f"PIN 连续输错 {MAX_TRIES} 次，{username} 已锁定 {LOCKOUT.seconds // 60} 分钟。",
                             f"{MAX_TRIES} wrong PINs: {username} is locked for {LOCKOUT.seconds // 60} min.")
        left = MAX_TRIES - user.failed_attempts
        raise NotAllowed(f"PIN 不对，还可再试 {left} 次。", f"Wrong PIN; {left} tries left.") from None
    user.failed_attempts = 0
    return user


def verify_pin(username: str, pin: str, action: str, url: str | None = None) -> UserView:
    """Checks a PIN in its own transaction, so a wrong try is recorded whatever the caller does next."""
    if not pin.strip():  # Enter pressed by mistake: nothing was tried, so nothing counts against the user
        raise InvalidInput("请输入 PIN。", "Enter your PIN.")
    failure: NotAllowed | None = None
    with session_scope(url) as s:
        try:
            user = check_pin(s, username, pin, action=action)
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


def require_role(user: UserView, role: str) -> None:
    if ROLE_RANK.get(user.role, -1) < ROLE_RANK[role]:
        raise NotAllowed(f"需要{_ROLE_ZH[role]}权限。", f"This needs the {role} role.")


_ROLE_ZH = {"clerk": "店员", "supervisor": "主管", "admin": "店长"}


def list_users(url: str | None = None) -> list[UserView]:
    with session_scope(url, write=False) as s:
        return [view(u) for u in s.scalars(select(User).where(User.active.is_(True)).order_by(User.id))]
