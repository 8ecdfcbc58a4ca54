"""Human-readable numbers (RT2611220001) and hard-to-guess codes (CP7K3M9Q2X) for slips, coupons, vouchers."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import NumberSequence, utcnow
from app.settings import SHOP_TZ

# No 0/O, 1/I: codes are read aloud and typed by hand when a scanner fails.
_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def next_number(session: Session, prefix: str, when: datetime | None = None) -> str:
    """PREFIX + yymmdd + 4-digit daily counter, bumped inside the caller's (write-locked) transaction."""
    day = (when or utcnow()).astimezone(SHOP_TZ).strftime("%y%m%d")
    name = f"{prefix}{day}"
    row = session.scalar(select(NumberSequence).where(NumberSequence.name == name).with_for_update())
    if row is None:
        row = NumberSequence(name=name, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return f"{name}{row.value:04d}"


def random_code(prefix: str, length: int = 8) -> str:
    """A coupon or voucher code: short enough for 58 mm paper, too many to guess (32^8)."""
    return prefix + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(length))
