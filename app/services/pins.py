"""PIN rules (digits only; longer for supervisors and admins, a shop setting) and the owner's recovery code."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy.orm import Session

from app.errors import InvalidInput
from app.models import Setting

_hasher = PasswordHasher()
MAX_DIGITS = 12
# The shop's settings (admin-only, audited); a 4-digit PIN fell to 2,223 guesses on its hash.
RULE_KEYS = {"clerk": "pin.min_clerk", "supervisor": "pin.min_supervisor", "admin": "pin.min_admin"}
RULE_DEFAULTS = {"clerk": 4, "supervisor": 6, "admin": 6}
RECOVERY_KEY = "owner.recovery_hash"
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L to misread off paper


def minimum(session: Session, role: str) -> int:
    row = session.get(Setting, RULE_KEYS.get(role, "pin.min_admin"))
    default = RULE_DEFAULTS.get(role, 6)
    if row is None or not row.value.isdecimal():
        return default
    return max(default, min(MAX_DIGITS, int(row.value)))   # the shop may ask for more digits, never fewer


def checked(session: Session, pin: str, role: str) -> str:
    """The PIN if it follows the shop's rule for `role`; a clear refusal otherwise (the PIN is never echoed)."""
    return checked_against(pin, role, minimum(session, role))


def checked_against(pin: str, role: str, least: int) -> str:
    if not (pin.isascii() and pin.isdigit() and least <= len(pin) <= MAX_DIGITS):
        raise InvalidInput(f"{_ROLE_ZH.get(role, role)}的 PIN 必须是 {least}–{MAX_DIGITS} 位数字。",
                           f"PINs for the {role} role are {least} to {MAX_DIGITS} digits.")
    if len(set(pin)) == 1 or pin in "01234567890123" or pin in "98765432109876":
        raise InvalidInput("PIN 太容易猜（同一数字或连续数字），请换一个。",
                           "That PIN is too easy to guess (one digit repeated, or a run); pick another.")
    return pin


_ROLE_ZH = {"clerk": "店员", "supervisor": "主管", "admin": "店长"}


def hash_checked(session: Session, pin: str, role: str) -> str:
    return _hasher.hash(checked(session, pin, role))


def new_recovery_code(session: Session) -> str:
    """A fresh code for the owner, shown once; only its argon2 hash is kept (the old one stops working)."""
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(16))
    code = "-".join(raw[i:i + 4] for i in range(0, 16, 4))
    row = session.get(Setting, RECOVERY_KEY)
    digest = _hasher.hash(_plain(code))
    if row is None:
        session.add(Setting(key=RECOVERY_KEY, value=digest))
    else:
        row.value = digest
    return code


def recovery_code_matches(session: Session, code: str) -> bool:
    row = session.get(Setting, RECOVERY_KEY)
    if row is None or not row.value:
        return False
    try:
        return _hasher.verify(row.value, _plain(code))
    except VerificationError:
        return False


def _plain(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())
