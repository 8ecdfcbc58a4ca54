"""Ratings after every service: 4 = 优秀 … 1 = 差, one per service and case (the last counts), averaged like CSAT."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.errors import InvalidInput
from app.models import Rating
from app.services import complaints, returns, satisfaction
from app.services.views import ReturnItem, ReturnRequest
from tests.services.loop.times import NOW


def test_every_service_can_be_rated_and_the_average_reads_higher_is_better(shop, staff):
    clerk = staff["clerk"]
    ret = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "changed_mind", "unopened"),)), clerk, url=shop,
                           now=NOW)
    c = complaints.log(clerk, description="x", url=shop, now=NOW)
    assert satisfaction.rate(clerk, "return", ret.number, "excellent", shop, NOW).score == 4
    satisfaction.rate(clerk, "complaint", c.number, "poor", shop, NOW)
    satisfaction.rate(clerk, "repair", "WX1", "fair", shop, NOW)
    satisfaction.rate(clerk, "followup", c.number, "good", shop, NOW)
    satisfaction.rate(clerk, "exchange", "RT-X", "good", shop, NOW)
    figures = {f.service: f for f in satisfaction.figures(NOW - timedelta(hours=1), NOW + timedelta(hours=1), shop)}
    assert {s: f.average for s, f in figures.items()} == {"return": 4, "exchange": 3, "complaint": 1, "repair": 2,
                                                          "followup": 3}
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(Rating.member_id).where(Rating.subject == ret.number)) is not None


def test_a_second_rating_of_the_same_service_replaces_the_first(shop, staff):
    satisfaction.rate(staff["clerk"], "return", "RT1", "poor", shop, NOW)
    satisfaction.rate(staff["clerk"], "return", "RT1", "good", shop, NOW + timedelta(seconds=5))
    assert satisfaction.rating_of("return", "RT1", shop).level == "good"
    [only] = satisfaction.figures(NOW - timedelta(hours=1), NOW + timedelta(hours=1), shop)
    assert only.count == 1


def test_an_unknown_level_or_service_is_refused(shop, staff):
    with pytest.raises(InvalidInput, match="excellent"):
        satisfaction.rate(staff["clerk"], "return", "RT1", "5", shop, NOW)
    with pytest.raises(InvalidInput):
        satisfaction.rate(staff["clerk"], "lunch", "RT1", "good", shop, NOW)
