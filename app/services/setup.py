"""The first run of a real shop: its details, region and owner; the owner's one-time recovery code."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.db import init_database, session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import Setting, User
from app.services import pins
from app.services.shop import REGIONS
from app.services.staff import clean_username
from app.services.users import audit, new_staff_code


@dataclass(frozen=True)
class ShopDetails:
    name: str
    address: str
    phone: str
    region: str = "national"  # national / shanghai / zhejiang


@dataclass(frozen=True)
class Owner:
    username: str
    display_name: str
    pin: str


def _text(value: str, field_zh: str, field_en: str, longest: int, *, required: bool = False) -> str:
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"请填写{field_zh}。", f"Enter the {field_en}.")
    if len(value) > longest or any(not ch.isprintable() for ch in value):
        raise InvalidInput(f"{field_zh}最多 {longest} 个字符，不含控制字符。",
                           f"The {field_en} is up to {longest} printable characters.")
    return value


def checked_details(details: ShopDetails) -> dict[str, str]:
    if details.region not in REGIONS:
        raise InvalidInput(f"地区应为 {' / '.join(REGIONS)}，收到 {details.region!r}。",
                           f"The region is one of {', '.join(REGIONS)}; got {details.region!r}.")
    return {"shop.name": _text(details.name, "店名", "shop name", 60, required=True),
            "shop.address": _text(details.address, "地址", "address", 120),
            "shop.phone": _text(details.phone, "电话", "phone", 30),
            "shop.region": details.region, "shop.demo": ""}


def set_up_shop(details: ShopDetails, owner: Owner, url: str | None = None) -> str:
    """Creates the database (only here and in `demo`), the shop's details and its owner; returns the
    recovery code, shown once — only its hash is kept."""
    values = checked_details(details)
    name = clean_username(owner.username)
    pins.checked_against(owner.pin, "admin", pins.RULE_DEFAULTS["admin"])  # before any file is made
    init_database(url, create=True)
    with session_scope(url) as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise NotAllowed("这个数据库已经设置过（已有用户），未做任何改动。",
                             "This database is already set up (it has users); nothing was changed.")
        user = User(username=name, display_name=owner.display_name.strip() or name, role="admin",
                    pin_hash=pins.hash_checked(s, owner.pin, "admin"), staff_code=new_staff_code(s))
        s.add(user)
        for key, value in values.items():
            s.merge(Setting(key=key, value=value))
        code = pins.new_recovery_code(s)
        s.flush()
        audit(s, "shop_set_up", user.id, name, region=details.region, shop=values["shop.name"])
    return code


def unlock_with_recovery(username: str, code: str, url: str | None = None) -> str:
    """The way back when the only admin is locked out: the owner's recovery code unlocks an admin and
    is spent — a new one is returned (shown once). A wrong code is audited and changes nothing else."""
    wrong = NotAllowed("恢复码不对，或该用户不是店长。", "Wrong recovery code, or that user is not an admin.")
    with session_scope(url) as s:
        user = s.scalar(select(User).where(User.username == username.strip(), User.role == "admin"))
        good = pins.recovery_code_matches(s, code)
        if user is None or not good:
            audit(s, "recovery_failed", user.id if user else None, user.username if user else "")
            failed = True
        else:
            user.failed_attempts, user.lockouts, user.locked_until, user.active = 0, 0, None, True
            fresh = pins.new_recovery_code(s)
            audit(s, "recovery_unlock", user.id, user.username)
            failed = False
    if failed:
        raise wrong
    return fresh


def needs_setup(url: str | None = None) -> bool:
    """No shop yet at the configured place (a missing or empty SQLite file): the set-up screen is shown."""
    from app import settings
    from app.db_files import sqlite_path

    path = sqlite_path(url or settings.default_db_url())
    return path is not None and (not path.exists() or path.stat().st_size == 0)
