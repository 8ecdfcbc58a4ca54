"""Did a customer come back? A later imported sale within 30 days of a moment, not within the first 2 hours."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import Column, Integer, MetaData, Table, and_, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateTable

from app.models import Sale
from app.models.base import UtcDateTime
from app.services.bulk import insert_rows
from app.services.reports.periods import Period
from app.services.reports.sql_time import shifted, unindexed

WITHIN = timedelta(days=30)
NOT_BEFORE = timedelta(hours=2)   # a till sale this soon after a service is usually the exchange rung up

_TIME = UtcDateTime()
# The moments to look after, for one statement; temporary: each connection has its own, nothing is stored.
_VISITS = Table("report_visits", MetaData(), Column("n", Integer, primary_key=True), Column("m", Integer),
                Column("t", UtcDateTime()), prefixes=["TEMPORARY"])


def came_back(s: Session, visits: Iterable[tuple[int, datetime]]) -> set[tuple[int, datetime]]:
    """The (member, moment) pairs followed by a sale to that member in (moment + 2 h, moment + 30 days].

    The pairs go into a temporary table, then one statement asks for all of them: a year has thousands of
    services, and one look-up each (or a VALUES list compiled afresh) costs more than the query itself.
    """
    pairs = list(dict.fromkeys(visits))
    if not pairs:
        return set()
    conn = s.connection()
    conn.execute(CreateTable(_VISITS, if_not_exists=True))
    conn.execute(_VISITS.delete())
    insert_rows(conn, _VISITS, ("n", "m", "t"), [(n, m, t) for n, (m, t) in enumerate(pairs)])
    v = _VISITS.c
    back = exists().where(and_(Sale.member_id == v.m, Sale.sold_at > shifted(v.t, int(NOT_BEFORE.total_seconds())),
                               Sale.sold_at <= shifted(v.t, int(WITHIN.total_seconds()))))
    found = {pairs[n] for (n,) in s.execute(select(v.n).where(back))}
    conn.execute(_VISITS.delete())
    return found


def first_purchases(s: Session, period: Period) -> list[tuple[int, datetime, bool]]:
    """Each member who bought in the period: their first purchase in it, and whether they bought again after it."""
    firsts = (select(Sale.member_id.label("member"), func.min(Sale.sold_at).label("t"))
              .where(Sale.member_id.is_not(None), unindexed(Sale.sold_at) >= period.since,
                     unindexed(Sale.sold_at) < period.until)
              .group_by(Sale.member_id).subquery())
    later = Sale.__table__.alias("later")
    again = exists().where(and_(later.c.member_id == firsts.c.member,
                                later.c.sold_at > shifted(firsts.c.t, int(NOT_BEFORE.total_seconds())),
                                later.c.sold_at <= shifted(firsts.c.t, int(WITHIN.total_seconds()))))
    return [(m, t, bool(back)) for m, t, back in s.execute(select(firsts.c.member, firsts.c.t, again))]
