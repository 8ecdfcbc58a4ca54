"""Only the owner and supervisors read reports; the drill shows the returns behind a row; ranges in shop time."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import InvalidInput, NotAllowed
from app.services.reports import custom, preset, run
from app.services.reports.drill import complaints_behind, returns_behind
from tests.services.reports.conftest import NOVEMBER


def test_a_clerk_is_refused_and_a_supervisor_may_read(shop):
    with pytest.raises(NotAllowed):
        run("returns", shop.clerk, NOVEMBER, shop.url)
    with pytest.raises(NotAllowed):
        returns_behind(shop.clerk, NOVEMBER, "reason", "wrong_item", shop.url)
    assert run("money", shop.supervisor, NOVEMBER, shop.url).figure("refunded") == 3480


def test_the_returns_behind_a_reason_a_day_a_tender_and_a_supervisor(shop):
    def numbers(drill, key):
        return [(r.kind, r.clerk, r.refund, [t.id for t in r.reasons]) for r in
                returns_behind(shop.owner, NOVEMBER, drill, key, shop.url)]

    assert numbers("reason", "wrong_item") == [("return", "小王", 450, ["wrong_item"])]
    assert [r[2] for r in numbers("day", "2026-11-04")] == [450, 450]
    assert [r[2] for r in numbers("tender", "wechat")] == [450, 400]
    assert numbers("supervisor", "boss") == [("return", "小王", 1280, ["changed_mind"])]
    assert len(numbers("day", "2026-11-30")) == 1 and numbers("policy_class", "fresh")[0][2] == 1280
    assert numbers("supplier", "本地果园")[0][2] == 1280 and len(numbers("clerk", "li")) == 3
    assert numbers("policy_class", "appliance") == [("exchange", "小王", 0, ["quality_fault"])]
    with pytest.raises(InvalidInput):
        returns_behind(shop.owner, NOVEMBER, "weather", "x", shop.url)


def test_presets_are_whole_shop_days_up_to_today():
    wed = date(2026, 12, 2)
    assert (preset("today", wed).start, preset("today", wed).end) == (wed, wed)
    assert preset("this_week", wed).start == date(2026, 11, 30)
    assert (preset("last_month", wed).start, preset("last_month", wed).end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert (preset("this_quarter", wed).start, preset("this_quarter", wed).end) == (date(2026, 10, 1), wed)
    assert (preset("last_quarter", wed).start, preset("last_quarter", wed).end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert preset("last_quarter", date(2026, 2, 1)).start == date(2025, 10, 1)
    # November in Shanghai starts at 16:00 UTC on 31 October
    assert custom("2026-11-01", "2026-11-30").since.isoformat() == "2026-10-31T16:00:00+00:00"
    with pytest.raises(InvalidInput, match="--to"):
        custom("2026-11-01", "2026-13-01")
    with pytest.raises(InvalidInput):
        custom("2026-11-02", "2026-11-01")


def test_a_policy_version_drills_into_its_returns_and_its_whole_refusals(shop):
    behind = returns_behind(shop.owner, NOVEMBER, "policy", shop.v2, shop.url)
    # D (11-16), X (11-22), F (11-30) and J, refused as a whole on 11-15 — in time order
    assert [r.kind for r in behind] == ["refusal", "return", "exchange", "return"]
    j = behind[0]
    assert j.number.startswith("JT261115") and (j.receipt, j.refund, j.clerk) == ("R15", 0, "小王")
    assert [t.id for t in j.reasons] == ["changed_mind"]


def test_complaint_tables_drill_into_the_complaints_behind_them(shop):
    quality, service = (complaints_behind(shop.owner, NOVEMBER, "complaint_type", kind, shop.url) for kind in
                        ("quality", "service"))
    # quality: TS0 (opened by B's follow-up call on 11-05), TS1 (11-20) — in the order they were opened
    assert [c.number for c in quality] == [shop.ts0, shop.ts1] and [c.number for c in service] == [shop.ts2]
    ts0, ts1, ts2 = *quality, service[0]
    # TS1: 李强 (M000124), answered in 1 h, resolved in 30 h, on time
    assert (ts1.customer, ts1.status.id, ts1.owner, ts1.response_hours, ts1.resolution_hours) == (
        "李强 139****1111", "resolved", "小李", 1.0, 30.0)
    assert ts1.on_time and not ts1.reopened
    # TS0: the same customer, never answered; TS2: nobody's name, reopened, answered after 78 h, open
    assert (ts0.customer, ts0.status.id, ts0.owner, ts0.response_hours, ts0.on_time) == (
        "李强 139****1111", "open", "", None, False)
    assert (ts2.customer, ts2.status.id, ts2.response_hours, ts2.resolution_hours, ts2.on_time, ts2.reopened) == (
        "", "open", 78.0, None, False, True)
    assert [c.number for c in complaints_behind(shop.owner, NOVEMBER, "complaint_owner", "li", shop.url)] == [shop.ts1]
    assert complaints_behind(shop.owner, custom("2026-06-01", "2026-06-30"), "complaint_type", "quality",
                             shop.url) == []
    with pytest.raises(NotAllowed):
        complaints_behind(shop.clerk, NOVEMBER, "complaint_owner", "li", shop.url)
    with pytest.raises(InvalidInput):
        complaints_behind(shop.owner, NOVEMBER, "reason", "x", shop.url)


def test_a_coupon_bar_drills_into_the_returns_that_gave_the_coupons(shop):
    """Goodwill coupons came with A, B and the exchange X (test_report_figures): those three, in time order."""
    goodwill = returns_behind(shop.owner, NOVEMBER, "coupon_reason", "goodwill", shop.url)
    assert [r.kind for r in goodwill] == ["return", "return", "exchange"]
    assert [r.at for r in goodwill] == sorted(r.at for r in goodwill)
    assert returns_behind(shop.owner, NOVEMBER, "coupon_reason", "complaint", shop.url) == []
    # per clerk: 小李 gave one of them, 小王 the other two — the same rows the won-back table counts
    li, wang = (returns_behind(shop.owner, NOVEMBER, "clerk_coupons", who, shop.url) for who in ("li", "wang"))
    assert (len(li), len(wang)) == (1, 2) and {r.number for r in li + wang} == {r.number for r in goodwill}
    assert {r.clerk for r in li} == {"小李"} and {r.clerk for r in wang} == {"小王"}
