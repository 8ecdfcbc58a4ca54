"""The admin's users: add, disable, enable, reset a PIN, unlock; everyone changes their own PIN. Audited."""

from __future__ import annotations

import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed, NotFound
from app.models import User, utcnow
from app.services import pins
from app.services.users import (
    ROLE_RANK,
    acting_user,
    audit,
    check_pin,
    is_locked,
    new_staff_code,
    view,
)
from app.services.views import StaffRow, UserView


def acting_admin(session: Session, by: UserView | None) -> User:
    """The acting user's row as stored now (not as at sign-in); anyone but an active admin is refused."""
    return acting_user(session, by, "admin", "只有店长（管理员）可以这样做。", "Only the owner (an admin) may do this.")


def clean_username(typed: str) -> str:
    name = unicodedata.normalize("NFKC", typed).strip()
    if not (1 <= len(name) <= 40) or any(not ch.isprintable() or ch.isspace() for ch in name):
        raise InvalidInput("用户名为 1–40 个字符，不含空格或控制字符。",
                           "A user name is 1 to 40 characters, no spaces or control characters.")
    if sum(ch.isdigit() for ch in name) * 2 >= len(name):
        raise InvalidInput("用户名不能主要由数字组成（以免与 PIN 混淆）。",
                           "A user name may not be mostly digits (it would look like a PIN).")
    return name


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound(f"没有用户 {username.strip()}。", f"No user {username.strip()}.")
    return user


def add_user(by: UserView, username: str, display_name: str, role: str, pin: str,
             url: str | None = None) -> UserView:
    if role not in ROLE_RANK:
        raise InvalidInput(f"未知角色 {role}（可选 clerk / supervisor / admin）",
                           f"unknown role {role} (clerk, supervisor or admin)")
    name, shown = clean_username(username), display_name.strip() or username.strip()
    if len(shown) > 80 or any(not ch.isprintable() for ch in shown):
        raise InvalidInput("显示名最多 80 个字符，不含控制字符。", "A display name is up to 80 printable characters.")
    with session_scope(url) as s:
        admin = acting_admin(s, by)
        if s.scalar(select(User.id).where(User.username == name)) is not None:
            raise InvalidInput(f"用户名 {name} 已有人用。", f"The user name {name} is taken.")
        user = User(username=name, display_name=shown, role=role, pin_hash=pins.hash_checked(s, pin, role),
                    must_change_pin=True, staff_code=new_staff_code(s))
        s.add(user)
        s.flush()
        audit(s, "user_added", admin.id, name, role=role)
        return view(user)


def set_active(by: UserView, username: str, active: bool, url: str | None = None) -> None:
    """Disable (cannot sign in or approve; their records stay theirs) or enable again."""
    with session_scope(url) as s:
        admin = acting_admin(s, by)
        user = _user(s, username)
        if not active and user.role == "admin" and _active_admins(s) <= 1 and user.active:
            raise NotAllowed("不能停用唯一的店长账户。", "The only admin cannot be disabled.")
        user.active = active
        audit(s, "user_enabled" if active else "user_disabled", admin.id, user.username)


def _active_admins(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(User)
                              .where(User.role == "admin", User.active.is_(True))) or 0)


def reset_pin(by: UserView, username: str, new_pin: str, url: str | None = None) -> None:
    """A new PIN the admin hands over; the user must change it at the next sign-in. Also unlocks."""
    with session_scope(url) as s:
        admin = acting_admin(s, by)
        user = _user(s, username)
        user.pin_hash = pins.hash_checked(s, new_pin, user.role)
        user.must_change_pin = user.id != admin.id
        user.failed_attempts, user.lockouts, user.locked_until = 0, 0, None
        audit(s, "pin_reset", admin.id, user.username)


def unlock(by: UserView, username: str, url: str | None = None) -> None:
    with session_scope(url) as s:
        admin = acting_admin(s, by)
        user = _user(s, username)
        user.failed_attempts, user.lockouts, user.locked_until = 0, 0, None
        audit(s, "user_unlocked", admin.id, user.username)


def change_pin(username: str, old_pin: str, new_pin: str, url: str | None = None) -> UserView:
    """Anyone changes their own PIN with the old one; a wrong old PIN counts as a wrong try."""
    failure: NotAllowed | None = None
    with session_scope(url) as s:
        try:
            user = check_pin(s, username, old_pin, action="pin_change")
        except NotAllowed as exc:
            failure = exc  # the wrong try must commit
        else:
            if new_pin == old_pin:
                raise InvalidInput("新 PIN 不能与旧 PIN 相同。", "The new PIN must differ from the old one.")
            user.pin_hash = pins.hash_checked(s, new_pin, user.role)
            user.must_change_pin = False
            audit(s, "pin_changed", user.id, user.username)
            result = view(user)
    if failure:
        raise failure
    return result


def rows(by: UserView, url: str | None = None) -> list[StaffRow]:
    with session_scope(url, write=False) as s:
        acting_admin(s, by)
        now = utcnow()
        return [StaffRow(u.id, u.username, u.display_name, u.role, u.active, is_locked(u, now), u.lockouts,
                         u.must_change_pin, u.staff_code or "")
                for u in s.scalars(select(User).order_by(User.id))]


def locked_names(session: Session) -> list[str]:
    now = utcnow()
    return [u.username for u in s_active(session) if is_locked(u, now)]


def s_active(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.active.is_(True)).order_by(User.id)))
