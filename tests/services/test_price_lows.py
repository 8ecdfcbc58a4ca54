"""The 30-day lowest price from the kept hourly lows equals a scan of every line sold, at every edge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text

from app.db import dispose_engines, get_engine, session_scope
from app.migrate import head_revision, upgrade_to_head
from app.models import Sale, SaleLine
from app.services import price_lows
from app.services.imports import import_sales
from tests.store import jsonl, sale

NOODLES = "6901234567892"
START = datetime(2026, 10, 1, 0, 0, 0, tzinfo=UTC)
# (minutes after START, discount on 3 × ¥4.50): lows inside an hour, at its edges, a day apart, 40 days apart
SOLD = [(0, 0), (59, 30), (61, 90), (119, 12), (24 * 60 + 30, 45), (40 * 24 * 60, 60), (40 * 24 * 60 + 1, 0)]


def _sales() -> list[str]:
    rows = []
    for n, (minutes, discount) in enumerate(SOLD):
        when = (START + timedelta(minutes=minutes)).isoformat()
        row = sale(f"L{n:03d}", sold_at=when, member=None, receipt_discount=0, points_earned=0)
        row["lines"][0]["discount"] = discount
        row["tenders"] = [{"method": "cash", "amount": 1350 - discount}]
        rows.append(row)
    return jsonl(*rows)


def _scanned(url: str, now: datetime) -> int | None:
    """What the old query read: every line of the SKU in [now - 30 days, now]."""
    with session_scope(url, write=False) as s:
        low = s.scalar(select(func.min(SaleLine.net / SaleLine.qty)).join(Sale).where(
            SaleLine.sku == NOODLES, Sale.sold_at >= now - timedelta(days=30), Sale.sold_at <= now))
    return None if low is None else int(low)


def _kept(url: str, now: datetime) -> int | None:
    with session_scope(url, write=False) as s:
        return price_lows.lowest(s.connection(), NOODLES, now)


def _moments() -> list[datetime]:
    edges = [START + timedelta(minutes=m, seconds=sec) for m, _d in SOLD for sec in (-1, 0, 1, 30)]
    return [*edges, *(e + timedelta(days=30) for e in edges), START + timedelta(days=45)]


def test_the_kept_lows_give_what_a_scan_of_every_line_gives(catalogue):
    assert import_sales(_sales(), catalogue).ok
    moments = _moments()
    assert [_kept(catalogue, t) for t in moments] == [_scanned(catalogue, t) for t in moments]
    assert {_kept(catalogue, t) for t in moments} >= {None, 420, 435}  # some windows see the lows, some nothing


def test_the_migration_fills_the_lows_from_the_sales_already_in(catalogue, monkeypatch):
    assert import_sales(_sales(), catalogue).ok
    engine = get_engine(catalogue)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM sku_hour_lows"))
        conn.execute(text("DROP TABLE sku_hour_lows"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0009_policy_install'"))
    upgrade_to_head(engine, target="0010_speed")   # only the migration that made the table runs again
    with engine.begin() as conn:                   # the later ones' tables are still there: back at the head
        conn.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
    moments = _moments()
    assert [_kept(catalogue, t) for t in moments] == [_scanned(catalogue, t) for t in moments]
    dispose_engines()
