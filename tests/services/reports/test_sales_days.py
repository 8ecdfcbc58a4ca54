"""The sales_by_day summary the reports read equals a full recount of the sale lines, whatever the import did."""

from __future__ import annotations

from sqlalchemy import update

from app.db import session_scope
from app.models import Setting
from app.services import sales_days
from app.services.imports import import_sales
from app.services.reports import run
from tests.services.reports import history
from tests.services.reports.conftest import NOVEMBER
from tests.store import jsonl


def test_the_summary_kept_by_the_import_equals_a_recount(shop):
    with session_scope(shop.url, write=False) as s:
        kept, recounted = sales_days.counted(s), sales_days.recount(s)
    assert kept == recounted
    assert kept[(history.at("2026-11-15 10:00").date(), history.NOODLES)] == (10, 4500, 1)
    # the same file again: nothing new is written, nothing is counted twice
    assert import_sales(jsonl(*history.SALES), shop.url).imported == 0
    with session_scope(shop.url, write=False) as s:
        assert sales_days.counted(s) == kept


def test_a_sale_at_2359_and_one_at_0000_count_on_their_own_shop_days(shop):
    late = history.sold("L1", "2026-11-25 23:59", None, [history.line(1, history.NOODLES, 1, 450)])
    early = history.sold("L2", "2026-11-26 00:00", None, [history.line(1, history.NOODLES, 2, 450)])
    assert import_sales(jsonl(late, early), shop.url).ok
    with session_scope(shop.url, write=False) as s:
        kept = sales_days.counted(s)
        assert kept == sales_days.recount(s)
    day = history.at("2026-11-25 12:00").date()
    assert kept[(day, history.NOODLES)][0] == 1 and kept[(day.replace(day=26), history.NOODLES)][0] == 2


def test_when_the_shop_zone_changed_the_reports_count_from_the_lines_until_rebuilt(shop):
    before = run("returns", shop.owner, NOVEMBER, shop.url)
    with session_scope(shop.url) as s:
        s.execute(update(Setting).where(Setting.key == sales_days.ZONE_KEY).values(value="Europe/Berlin"))
    stale = run("returns", shop.owner, NOVEMBER, shop.url)
    assert stale.figure("units_sold") == before.figure("units_sold") == 28
    with session_scope(shop.url) as s:
        sales_days.rebuild(s)
        assert sales_days.zone_matches(s)
