"""Repair tickets on a real database: from a return's repair-only line to collected, walk-ins, overdue, history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import AuditEntry, RepairHistoryEntry, Sale
from app.services import followups, lookup, repair_history, repair_status, repairs, returns
from app.services.imports import import_sales
from app.services.loop_views import RepairTicketView
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 9, 1, 2, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 2, 0, tzinfo=UTC)      # two months on: in warranty, past the exchange days
KETTLE = {"line": 1, "sku": "6909876543212", "name": "电热水壶", "policy_class": "appliance", "qty": 1,
          "unit_price": 12900, "discount": 0, "promo_group": None, "final_sale": False, "warranty_months": 12}


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
    row = sale("K1", sold_at=SOLD.isoformat(), lines=[KETTLE], receipt_discount=0,
               tenders=[{"method": "wechat", "amount": 12900}])
    assert import_sales(jsonl(row), catalogue).ok
    return catalogue, sign_in("clerk", "1111", catalogue), sign_in("boss", "2222", catalogue)


def _repair_return(url, clerk):
    request = ReturnRequest("K1", (ReturnItem(1, 1, "quality_fault", "opened"),))
    return returns.complete(request, clerk, url=url, now=NOW)


def test_a_repair_only_line_makes_a_ticket_that_goes_to_collected_and_is_audited(shop):
    url, clerk, _ = shop
    done = _repair_return(url, clerk)
    [ticket] = repairs.for_return(done.number, url)
    assert ticket.status == "taken_in" and ticket.sku == "6909876543212" and ticket.receipt_no == "K1"
    assert ticket.promised_at == NOW + timedelta(hours=72) and ticket.supplier == "美的"
    assert ticket.member_card == "M000123" and ticket.product_name == "电热水壶"
    repairs.fill_in(ticket.number, clerk, serial="SN-8841", fault="不加热", accessories="底座", url=url)
    assert lookup.find(ticket.number, url) == repairs.ticket(ticket.number, url)   # a scan opens it
    repair_status.advance(ticket.number, "sent", clerk, now=NOW + timedelta(hours=2), url=url)
    back = repair_status.advance(ticket.number, "back", clerk, outcome="fixed", now=NOW + timedelta(hours=50),
                                 url=url)
    assert back.outcome == "fixed" and back.serial == "SN-8841" and back.accessories == "底座"
    told = repair_status.tell_customer(ticket.number, clerk, now=NOW + timedelta(hours=51), url=url)
    assert told.told_at == NOW + timedelta(hours=51)
    done = repair_status.advance(ticket.number, "collected", clerk, now=NOW + timedelta(hours=60), url=url)
    assert done.status == "collected" and done.closed_at == NOW + timedelta(hours=60)
    with session_scope(url, write=False) as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.subject == ticket.number)))
    assert actions == ["repair_details", "repair_sent", "repair_back", "repair_customer_told", "repair_collected"]


def test_a_ticket_moves_only_forward_and_back_needs_how_it_came_back(shop):
    url, clerk, boss = shop
    t = repairs.walk_in(clerk, sku="6909876543212", fault="开关失灵", serial="SN-1", now=NOW, url=url)
    with pytest.raises(InvalidInput, match="collected"):
        repair_status.advance(t.number, "collected", clerk, now=NOW, url=url)
    with pytest.raises(InvalidInput, match="fixed"):
        repair_status.advance(t.number, "back", clerk, now=NOW, url=url)
    with pytest.raises(NotAllowed):      # a new unit instead of the repair is the supervisor's call
        repair_status.advance(t.number, "replaced", clerk, now=NOW, url=url)
    assert repair_status.advance(t.number, "replaced", boss, now=NOW, url=url).status == "replaced"


def test_overdue_lists_tickets_past_the_shops_promise_and_the_promise_is_a_setting(shop):
    url, clerk, _ = shop
    from app.services.shop import set_settings
    late = repairs.walk_in(clerk, sku="6909876543212", fault="漏水", now=NOW, url=url)
    set_settings({repairs.PROMISE_SETTING: "24"}, url)
    soon = repairs.walk_in(clerk, sku="6909876543212", fault="漏电", now=NOW, url=url)
    assert soon.promised_at == NOW + timedelta(hours=24) and late.promised_at == NOW + timedelta(hours=72)
    assert [t.number for t in repairs.overdue(NOW + timedelta(hours=30), url)] == [soon.number]
    assert {t.number for t in repairs.overdue(NOW + timedelta(hours=80), url)} == {soon.number, late.number}
    repair_status.advance(late.number, "back", clerk, outcome="fixed", now=NOW + timedelta(hours=79), url=url)
    assert [t.number for t in repairs.overdue(NOW + timedelta(hours=80), url)] == [soon.number]
    assert repairs.overdue(NOW + timedelta(hours=80), url)[0].overdue


def test_a_returns_repair_ticket_keeps_the_shops_promise_too(shop):
    url, clerk, _ = shop
    from app.services.shop import set_settings
    set_settings({repairs.PROMISE_SETTING: "48"}, url)
    done = _repair_return(url, clerk)
    [ticket] = repairs.for_return(done.number, url)
    assert ticket.promised_at == NOW + timedelta(hours=48)


def test_each_repair_of_the_same_sold_unit_counts_in_its_history(shop):
    url, clerk, _ = shop
    counts = []
    for n in range(3):
        t = repairs.walk_in(clerk, sku="6909876543212", fault="不加热", serial="SN-9", receipt_no="K1",
                            now=NOW + timedelta(days=n), url=url)
        counts.append(t.earlier_repairs)
        repair_status.advance(t.number, "back", clerk, outcome="failed", now=NOW + timedelta(days=n, hours=5),
                              url=url)
        repair_status.advance(t.number, "collected", clerk, now=NOW + timedelta(days=n, hours=6), url=url)
    assert counts == [0, 1, 2]
    other = repairs.walk_in(clerk, sku="6909876543212", fault="x", serial="SN-10", now=NOW, url=url)
    assert isinstance(other, RepairTicketView) and other.earlier_repairs == 0


def test_a_ticket_that_comes_back_writes_the_one_repair_history_the_legal_floor_reads(shop):
    url, clerk, _ = shop
    for n, outcome in enumerate(("failed", "failed", "fixed")):
        t = repairs.walk_in(clerk, sku="6909876543212", fault="不加热", receipt_no="K1",
                            now=NOW + timedelta(days=10 * n), url=url)
        repair_status.advance(t.number, "sent", clerk, now=NOW + timedelta(days=10 * n), url=url)
        repair_status.advance(t.number, "back", clerk, outcome=outcome, now=NOW + timedelta(days=10 * n + 4),
                              url=url)
    with session_scope(url, write=False) as s:
        rows = list(s.scalars(select(RepairHistoryEntry).order_by(RepairHistoryEntry.id)))
        sale_id = s.scalar(select(Sale.id).where(Sale.receipt_no == "K1"))
        [line] = repair_history.for_sale(s, sale_id)
    assert [(r.outcome, r.parts_wait_days) for r in rows] == [("failed", 4), ("failed", 4), ("fixed", 4)]
    assert (line.line, line.failed_repairs, line.parts_wait_days) == (1, 2, 4)   # 三包: two failed repairs
    walk_in = repairs.walk_in(clerk, sku="6909876543212", fault="x", serial="SN-77", now=NOW, url=url)
    repair_status.advance(walk_in.number, "back", clerk, outcome="failed", now=NOW + timedelta(days=1), url=url)
    with session_scope(url, write=False) as s:   # no receipt, no unit sold to count it against
        assert s.scalar(select(func.count()).select_from(RepairHistoryEntry)) == 3


def test_collecting_a_repair_queues_the_follow_up_call_the_customer_agreed_to(shop):
    url, clerk, _ = shop
    asked = repairs.walk_in(clerk, sku="6909876543212", fault="漏水", phone="13800001111", call_agreed=True,
                            now=NOW, url=url)
    silent = repairs.walk_in(clerk, sku="6909876543212", fault="漏水", phone="13800002222", now=NOW, url=url)
    for t in (asked, silent):
        repair_status.advance(t.number, "back", clerk, outcome="fixed", now=NOW + timedelta(hours=20), url=url)
        repair_status.advance(t.number, "collected", clerk, now=NOW + timedelta(hours=30), url=url)
    calls = followups.queue(clerk, url, now=NOW + timedelta(days=3))
    assert [(c.trigger, c.subject, c.phone_masked) for c in calls] == [("repair", asked.number, "138****1111")]


def test_repairs_past_their_promise_are_told_at_sign_in(shop):
    url, clerk, _ = shop
    from app.models import utcnow
    from app.services import loop_notices, notices
    assert loop_notices.repairs_overdue in notices.HOOKS
    repairs.walk_in(clerk, sku="6909876543212", fault="漏水", now=utcnow() - timedelta(hours=80), url=url)
    repairs.walk_in(clerk, sku="6909876543212", fault="漏水", now=utcnow(), url=url)
    assert [n.text("en") for n in notices.at_sign_in(clerk, url)] == [
        "1 repair ticket(s) past the promised date (repair page, Shift+F9)."]
