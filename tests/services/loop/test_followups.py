"""Follow-up calls: made by each trigger when the customer agreed, worked from the queue, three misses close one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.errors import InvalidInput
from app.models import Complaint, FollowUp, RepairTicket, Return
from app.services import complaints, followups, returns, satisfaction, standards
from app.services.views import ExchangeItem, ReturnItem, ReturnRequest
from app.settings import SHOP_TZ
from tests.services.loop.times import NOW, SOLD

NEXT_DAY_9 = datetime(2026, 11, 4, 1, 0, tzinfo=UTC)   # Wednesday 09:00 in Shanghai


def _noodles(reason: str, agreed: bool | None = True) -> ReturnRequest:
    condition = "unopened" if reason == "changed_mind" else "opened"
    return ReturnRequest("R1", (ReturnItem(1, 1, reason, condition),), call_agreed=agreed)


def test_a_quality_fault_return_queues_a_call_for_the_next_open_day_in_the_same_transaction(shop, staff):
    done = returns.complete(_noodles("quality_fault"), staff["clerk"], url=shop, now=NOW)
    [call] = followups.queue(staff["clerk"], shop, NOW)
    assert (call.trigger, call.subject, call.member_card, call.due_at) == ("return", done.number, "M000123",
                                                                         NEXT_DAY_9)
    assert call.phone_masked == "138****5678" and call.status == "open"
    assert followups.queue(staff["clerk"], shop, NOW, due_only=True) == []
    assert followups.number_to_call(staff["clerk"], call.id, shop) == "13812345678"


def test_no_call_for_a_change_of_mind_or_when_the_customer_said_no(shop, staff):
    returns.complete(_noodles("changed_mind"), staff["clerk"], url=shop, now=NOW)
    returns.complete(_noodles("quality_fault", agreed=False), staff["clerk"], url=shop, now=NOW)
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0
        assert s.scalar(select(Return.call_agreed).order_by(Return.id.desc()).limit(1)) is False


def test_an_exchange_for_a_fault_calls_the_phone_given_by_a_customer_who_is_no_member(shop, staff):
    later = SOLD + timedelta(days=10)   # kettle on day 10: exchange only
    request = ReturnRequest("R2", (ReturnItem(1, 1, "quality_fault", "opened"),),
                            exchange_items=(ExchangeItem("6909876543212", 1),), call_agreed=True, phone="13900002222")
    done = returns.complete(request, staff["clerk"], url=shop, now=later)
    [call] = followups.queue(staff["clerk"], shop, later)
    assert (call.trigger, call.subject, call.member_card, call.phone_masked) == ("exchange", done.number, None,
                                                                                 "139****2222")


def test_an_unreachable_customer_gets_no_call_even_if_they_agreed(shop, staff):
    later = SOLD + timedelta(days=10)
    request = ReturnRequest("R2", (ReturnItem(1, 1, "quality_fault", "opened"),),
                            exchange_items=(ExchangeItem("6909876543212", 1),), call_agreed=True)
    returns.complete(request, staff["clerk"], url=shop, now=later)
    assert followups.queue(staff["clerk"], shop, later) == []


def test_a_collected_repair_queues_a_call_through_the_hook_for_the_repairs_service(shop, staff):
    done = returns.complete(_noodles("quality_fault", agreed=True), staff["clerk"], url=shop, now=NOW)
    with session_scope(shop) as s:
        ret = s.scalar(select(Return).where(Return.number == done.number))
        ticket = RepairTicket(number="WX2611030001", return_id=ret.id, sku="6901234567892", created_at=NOW,
                              promised_at=NOW + timedelta(hours=72), status="collected")
        s.add(ticket)
        s.flush()
        made = followups.after_repair(s, ticket, staff["clerk"], NOW + timedelta(days=2))
        assert made is not None and made.trigger == "repair" and made.member_id == ret.member_id
        assert followups.after_repair(s, ticket, staff["clerk"], NOW + timedelta(days=2)) is made  # once
    assert {c.trigger for c in followups.queue(staff["clerk"], shop, NOW)} == {"return", "repair"}


def test_the_delay_and_opening_days_come_from_the_shops_settings(shop, staff):
    # closed on Wednesdays, calls two open days later from 10:00: Tuesday → Thursday, Friday
    standards.set_standards(staff["owner"], {"shop.open_days": "124567", "service.followup_days": "2",
                                             "shop.opens": "10:00"}, shop)
    returns.complete(_noodles("quality_fault"), staff["clerk"], url=shop, now=NOW)
    [call] = followups.queue(staff["clerk"], shop, NOW)
    assert call.due_at.astimezone(SHOP_TZ) == datetime(2026, 11, 6, 10, 0, tzinfo=SHOP_TZ)


def test_three_failed_calls_close_it_as_unreachable(shop, staff):
    returns.complete(_noodles("quality_fault"), staff["clerk"], url=shop, now=NOW)
    [call] = followups.queue(staff["clerk"], shop, NOW)
    for n, outcome in enumerate(("no_answer", "wrong_number", "no_answer"), start=1):
        after = followups.record(staff["clerk"], call.id, outcome, url=shop, now=NEXT_DAY_9 + timedelta(hours=n))
        assert after.attempts == n and after.last_outcome == outcome
    assert after.status == "unreachable" and followups.queue(staff["clerk"], shop, NOW) == []
    with pytest.raises(InvalidInput):
        followups.record(staff["clerk"], call.id, "reached", solved=True, url=shop, now=NEXT_DAY_9)


def test_a_reached_call_records_solved_and_the_customers_rating(shop, staff):
    returns.complete(_noodles("quality_fault"), staff["clerk"], url=shop, now=NOW)
    [call] = followups.queue(staff["clerk"], shop, NOW)
    with pytest.raises(InvalidInput, match="solved"):
        followups.record(staff["clerk"], call.id, "reached", url=shop, now=NEXT_DAY_9)
    done = followups.record(staff["clerk"], call.id, "reached", solved=True, satisfaction_level="good",
                            notes="顾客说面没问题了", url=shop, now=NEXT_DAY_9)
    assert done.status == "done"
    assert satisfaction.rating_of("followup", call.subject, shop).score == 3


def test_not_really_solved_reopens_the_complaint_as_a_second_contact(shop, staff):
    c = complaints.log(staff["clerk"], description="水壶漏水", related="R1", call_agreed=True, url=shop, now=NOW)
    complaints.resolve(staff["clerk"], c.number, "repaired", "已修", url=shop, now=NOW)
    [call] = followups.queue(staff["clerk"], shop, NOW)
    assert call.trigger == "complaint" and call.subject == c.number
    followups.record(staff["clerk"], call.id, "reached", solved=False, notes="还在漏", url=shop, now=NEXT_DAY_9)
    again = complaints.get(c.number, shop, NEXT_DAY_9)
    assert (again.status, again.contacts) == ("open", 2) and "还在漏" in again.notes[-1].text


def test_not_solved_after_a_return_becomes_a_complaint_at_its_second_contact(shop, staff):
    done = returns.complete(_noodles("quality_fault"), staff["clerk"], url=shop, now=NOW)
    [call] = followups.queue(staff["clerk"], shop, NOW)
    followups.record(staff["clerk"], call.id, "reached", solved=False, url=shop, now=NEXT_DAY_9)
    with session_scope(shop, write=False) as s:
        c = s.scalar(select(Complaint))
        ret = s.scalar(select(Return).where(Return.number == done.number))
        assert (c.contacts, c.return_id, c.member_id, c.status) == (2, ret.id, ret.member_id, "open")


def test_consent_asked_at_the_end_of_a_return_is_recorded_once_and_queues_the_call(shop, staff):
    done = returns.complete(_noodles("quality_fault", agreed=None), staff["clerk"], url=shop, now=NOW)
    assert followups.queue(staff["clerk"], shop, NOW) == []
    made = followups.consent_after_return(staff["clerk"], done.number, True, url=shop, now=NOW)
    assert made is not None and made.subject == done.number and made.due_at == NEXT_DAY_9
    with pytest.raises(InvalidInput, match="already asked"):
        followups.consent_after_return(staff["clerk"], done.number, False, url=shop, now=NOW)
