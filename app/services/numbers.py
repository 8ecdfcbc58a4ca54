"""Human-readable numbers (RT2611220001) for slips, and unguessable check-digit codes (483920175567) for coupons."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import Insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.check_digit import CODE_LENGTH, luhn_digit
from app.models import NumberSequence, utcnow
from app.settings import SHOP_TZ


def next_number(session: Session, prefix: str, when: datetime | None = None) -> str:
    """PREFIX + yymmdd + 4-digit daily counter, bumped inside the caller's (write-locked) transaction."""
    day = (when or utcnow()).astimezone(SHOP_TZ).strftime("%y%m%d")
    name = f"{prefix}{day}"
    # FOR UPDATE on a row that does not exist yet locks nothing: two PostgreSQL tills would both insert
    # the day's first number. So the row is made first (a no-op when it is there), then locked.
    session.execute(_insert_missing(session, name))
    row = session.scalars(select(NumberSequence).where(NumberSequence.name == name).with_for_update()
                          .execution_options(populate_existing=True)).one()
    row.value += 1
    session.flush()
    return f"{name}{row.value:04d}"


def _insert_missing(session: Session, name: str) -> Insert:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(NumberSequence).values(name=name, value=0).on_conflict_do_nothing(index_elements=["name"])


def digit_code() -> str:
    """A coupon or store-credit code: 11 secrets-random digits and a Luhn check digit (10^11 to guess from)."""
    body = str(secrets.randbelow(9) + 1) + "".join(str(secrets.randbelow(10)) for _ in range(CODE_LENGTH - 2))
    return body + luhn_digit(body)
