"""Did a customer come back? A later imported sale within 30 days of a moment, not within the first 2 hours."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import DateTime, and_, bindparam, exists, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from app.models import Sale
from app.models.base import UtcDateTime
from app.services.reports.periods import Period

WITHIN = timedelta(days=30)
NOT_BEFORE = timedelta(hours=2)   # a till sale this soon after a service is usually the exchange rung up

_TIME = UtcDateTime()


class shifted(FunctionElement[datetime]):
    """A stored time plus some seconds, in each dialect's own arithmetic (SQLite keeps times as text)."""

    type = DateTime()
    inherit_cache = True


@compiles(shifted, "sqlite")
def _sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    moment, seconds = list(element.clauses)
    return (f"strftime('%Y-%m-%d %H:%M:%f', {compiler.process(moment, **kw)}, "
            f"'+' || {compiler.process(seconds, **kw)} || ' seconds')")


@compiles(shifted, "postgresql")
def _postgres(element: Any, compiler: Any, **kw: Any) -> str:
    moment, seconds = list(element.clauses)
    return f"({compiler.process(moment, **kw)} + make_interval(secs => {compiler.process(seconds, **kw)}))"


def came_back(s: Session, visits: Iterable[tuple[int, datetime]]) -> set[tuple[int, datetime]]:
    """The (member, moment) pairs followed by a sale to that member in (moment + 2 h, moment + 30 days]."""
    query = select(Sale.id).where(Sale.member_id == bindparam("m"), Sale.sold_at > bindparam("lo", type_=_TIME),
                                  Sale.sold_at <= bindparam("hi", type_=_TIME)).limit(1)
    return {(member, moment) for member, moment in visits
            if s.execute(query, {"m": member, "lo": moment + NOT_BEFORE, "hi": moment + WITHIN}).first()}


def first_purchases(s: Session, period: Period) -> list[tuple[int, datetime, bool]]:
    """Each member who bought in the period: their first purchase in it, and whether they bought again after it."""
    firsts = (select(Sale.member_id.label("member"), func.min(Sale.sold_at).label("t"))
              .where(Sale.member_id.is_not(None), Sale.sold_at >= period.since, Sale.sold_at < period.until)
              .group_by(Sale.member_id).subquery())
    later = Sale.__table__.alias("later")
    again = exists().where(and_(later.c.member_id == firsts.c.member,
                                later.c.sold_at > shifted(firsts.c.t, int(NOT_BEFORE.total_seconds())),
                                later.c.sold_at <= shifted(firsts.c.t, int(WITHIN.total_seconds()))))
    return [(m, t, bool(back)) for m, t, back in s.execute(select(firsts.c.member, firsts.c.t, again))]
