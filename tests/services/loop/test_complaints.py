"""Complaints: logged from a scanned receipt, deadlines by severity, notes, owner, resolve, compensate, reopen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import AuditEntry, Coupon, FollowUp
from app.services import complaints, coupons, returns, standards
from app.services.complaints import Compensation
from app.services.views import ReturnItem, ReturnRequest
from app.settings import SHOP_TZ
from tests.services.loop.times import NOW


def test_a_complaint_from_a_scanned_receipt_takes_its_customer_and_gets_the_default_deadlines(shop, staff):
    c = complaints.log(staff["clerk"], description="面里有异物", related="r1", url=shop, now=NOW)
    assert c.number.startswith("TS261103") and c.receipt_no == "R1" and c.member_card == "M000123"
    assert (c.channel, c.type, c.severity, c.status, c.contacts) == ("counter", "quality", "normal", "open", 1)
    assert c.respond_by == NOW + timedelta(hours=24) and c.resolve_by == NOW + timedelta(hours=48)
    assert c.next_due == c.respond_by and not c.overdue and not c.escalated
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "complaint_logged")) == 1


def test_a_return_slip_links_the_return_and_its_receipt(shop, staff):
    done = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "changed_mind", "unopened"),)), staff["clerk"],
                            url=shop, now=NOW)
    c = complaints.log(staff["clerk"], description="退款慢", type="return", related=done.number, url=shop, now=NOW)
    assert (c.return_no, c.receipt_no, c.member_card) == (done.number, "R1", "M000123")


def test_urgent_answers_in_two_hours_and_major_goes_to_the_owner_once(shop, staff):
    urgent = complaints.log(staff["clerk"], description="热水壶冒烟", severity="urgent", url=shop, now=NOW)
    assert urgent.respond_by == NOW + timedelta(hours=2) and not urgent.escalated
    major = complaints.log(staff["clerk"], description="顾客烫伤", severity="major", phone="139 0000 1111",
                           url=shop, now=NOW)
    assert major.escalated and major.phone_masked == "139****1111"
    with pytest.raises(NotAllowed):
        complaints.escalations(staff["boss"], shop, NOW)
    assert [c.number for c in complaints.escalations(staff["owner"], shop, NOW)] == [major.number]
    assert complaints.escalations(staff["owner"], shop, NOW) == []   # seen at that sign-in


def test_the_owner_edits_the_deadlines_and_a_clerk_may_not(shop, staff):
    with pytest.raises(NotAllowed):
        standards.set_standards(staff["boss"], {"service.respond_hours": "12"}, shop)
    with pytest.raises(InvalidInput):
        standards.set_standards(staff["owner"], {"service.respond_hours": "soon"}, shop)
    standards.set_standards(staff["owner"], {"service.respond_hours": "12", "service.urgent_respond_hours": "1"}, shop)
    c = complaints.log(staff["clerk"], description="价签不符", type="price", url=shop, now=NOW)
    assert c.respond_by == NOW + timedelta(hours=12) and c.resolve_by == NOW + timedelta(hours=48)


def test_the_work_list_puts_what_falls_due_next_first_and_marks_the_overdue(shop, staff):
    clerk = staff["clerk"]
    slow = complaints.log(clerk, description="服务态度", type="service", url=shop, now=NOW - timedelta(hours=30))
    later = complaints.log(clerk, description="价签", type="price", url=shop, now=NOW)
    urgent = complaints.log(clerk, description="漏水", severity="urgent", url=shop, now=NOW)
    listed = complaints.work_list(clerk, shop, NOW + timedelta(hours=1))
    assert [c.number for c in listed] == [slow.number, urgent.number, later.number]
    assert [c.overdue for c in listed] == [True, False, False]
    # a note is the response: the next deadline becomes the resolve-by one
    noted = complaints.note(clerk, slow.number, "已电话联系顾客", shop, NOW + timedelta(hours=2))
    assert noted.responded_at == NOW + timedelta(hours=2) and noted.next_due == slow.resolve_by
    assert noted.overdue is False and noted.notes[0].author == "clerk"


def test_an_owner_is_given_by_a_supervisor(shop, staff):
    c = complaints.log(staff["clerk"], description="x", url=shop, now=NOW)
    with pytest.raises(NotAllowed):
        complaints.assign(staff["clerk"], c.number, "boss", shop, NOW)
    assert complaints.assign(staff["boss"], c.number, "clerk", shop, NOW).owner == "clerk"


def test_compensation_is_a_supervisors_and_goes_through_the_coupons_service(shop, staff):
    c = complaints.log(staff["clerk"], description="面已过期", related="R1", url=shop, now=NOW)
    comp = Compensation("coupon", 1000, days_valid=30)
    with pytest.raises(NotAllowed):
        complaints.resolve(staff["clerk"], c.number, "compensated", "赔券", compensation=comp, url=shop, now=NOW)
    done = complaints.resolve(staff["boss"], c.number, "compensated", "赠送10元券", compensation=comp, url=shop,
                              now=NOW)
    assert done.status == "resolved" and done.category == "compensated" and done.next_due is None
    with session_scope(shop, write=False) as s:
        coupon = s.scalar(select(Coupon).where(Coupon.reason == "complaint"))
    assert coupon.value == 1000 and coupons.status(coupon.code, shop).member_card == "M000123"
    assert coupon.code in done.notes[-1].text


def test_a_reopened_complaint_counts_as_a_second_contact_with_fresh_deadlines(shop, staff):
    clerk = staff["clerk"]
    c = complaints.log(clerk, description="水壶不加热", url=shop, now=NOW)
    complaints.resolve(clerk, c.number, "explained", "教顾客使用", url=shop, now=NOW + timedelta(hours=1))
    with pytest.raises(InvalidInput):
        complaints.resolve(clerk, c.number, "explained", "again", url=shop, now=NOW)
    back = NOW + timedelta(days=3)
    again = complaints.reopen(clerk, c.number, "顾客又来了，还是不加热", shop, back)
    assert (again.status, again.contacts, again.resolved_at) == ("open", 2, None)
    assert again.respond_by == back + timedelta(hours=24) and again.notes[-1].text.startswith("顾客又来了")
    with pytest.raises(InvalidInput):
        complaints.reopen(clerk, c.number, "twice", shop, back)   # still open: a note, not a reopen
    final = complaints.resolve(clerk, c.number, "refund_exchange", "换新", url=shop, now=back + timedelta(hours=2))
    assert final.contacts == 2


def test_bad_input_is_named_in_both_languages(shop, staff):
    clerk = staff["clerk"]
    with pytest.raises(InvalidInput, match="channel") as err:
        complaints.log(clerk, description="x", channel="fax", url=shop, now=NOW)
    assert "渠道" in err.value.zh
    with pytest.raises(InvalidInput, match="Describe"):
        complaints.log(clerk, description="  ", url=shop, now=NOW)
    with pytest.raises(InvalidInput, match="phone"):
        complaints.log(clerk, description="x", phone="12", url=shop, now=NOW)


def test_a_resolved_complaint_queues_a_call_only_when_the_customer_agreed(shop, staff):
    clerk = staff["clerk"]
    asked_no = complaints.log(clerk, description="a", related="R1", call_agreed=False, url=shop, now=NOW)
    anonymous = complaints.log(clerk, description="b", call_agreed=True, url=shop, now=NOW)
    agreed = complaints.log(clerk, description="c", related="R1", url=shop, now=NOW)
    for c in (asked_no, anonymous):
        complaints.resolve(clerk, c.number, "explained", "ok", url=shop, now=NOW)
    complaints.resolve(clerk, agreed.number, "explained", "ok", call_agreed=True, url=shop, now=NOW)
    with session_scope(shop, write=False) as s:
        assert list(s.scalars(select(FollowUp.subject))) == [agreed.number]


def test_the_end_of_day_report_shows_the_major_complaint_the_overdue_ones_and_the_days_ratings(shop, staff):
    from app.printing.report import render_end_of_day
    from app.services import end_of_day, satisfaction
    from app.services.documents import shop_info
    from app.settings import SHOP_TZ
    from tests.printing.pdfcheck import text as pdf_text

    clerk = staff["clerk"]
    major = complaints.log(clerk, description="顾客烫伤", severity="major", url=shop, now=NOW)
    complaints.log(clerk, description="价签", type="price", url=shop, now=NOW - timedelta(days=2))
    satisfaction.rate(clerk, "complaint", major.number, "fair", shop, NOW)
    data = end_of_day.end_of_day_data(NOW.astimezone(SHOP_TZ).date(), shop)
    assert [c.number for c in data.escalated] == [major.number]
    # by the day's end both are past their deadline: the two-day-old one, and the major one (2 h to respond)
    assert data.complaints_overdue == 2 and data.escalated[0].overdue and data.ratings[0].average == 2
    text = pdf_text(render_end_of_day(data, shop_info(shop), "a4", "zh_CN"))
    assert major.number in text and "重大投诉" in text and "逾期投诉" in text


def test_a_complaint_coupon_in_the_loyalty_report_drills_into_its_complaint(shop, staff):
    from app.services.reports.drill import returns_behind
    from app.services.reports.periods import custom

    c = complaints.log(staff["clerk"], description="面已过期", related="R1", url=shop, now=NOW)
    complaints.resolve(staff["boss"], c.number, "compensated", "赠送10元券",
                       compensation=Compensation("coupon", 1000, days_valid=30), url=shop, now=NOW)
    day = NOW.astimezone(SHOP_TZ).date().isoformat()
    behind = returns_behind(staff["owner"], custom(day, day), "coupon_reason", "complaint", shop)
    assert [(r.number, r.kind, r.refund, [t.id for t in r.reasons]) for r in behind] == [
        (c.number, "complaint", 0, ["quality"])]
    assert [r.number for r in returns_behind(staff["owner"], custom(day, day), "clerk_coupons", "boss", shop)] == [
        c.number]
