"""Ratings after every service: 4 = 优秀 … 1 = 差, one per service and case (the last counts), averaged like CSAT."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.errors import InvalidInput, NotFound
from app.models import Rating
from app.services import complaints, repairs, returns, satisfaction
from app.services.views import ExchangeItem, ReturnItem, ReturnRequest
from tests.services.loop.times import NOW


def test_every_service_can_be_rated_and_the_average_reads_higher_is_better(shop, staff):
    clerk = staff["clerk"]
    ret = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "changed_mind", "unopened"),)), clerk, url=shop,
                           now=NOW)
    swap = returns.complete(ReturnRequest("R2", (ReturnItem(1, 1, "quality_fault", "opened"),),
                                          exchange_items=(ExchangeItem("6909876543212", 1),), call_agreed=True,
                                          phone="13900002222"), clerk, url=shop, now=NOW)
    c = complaints.log(clerk, description="x", url=shop, now=NOW)
    ticket = repairs.walk_in(clerk, sku="6909876543212", fault="不加热", url=shop, now=NOW)
    assert satisfaction.rate(clerk, "return", ret.number, "excellent", shop, NOW).score == 4
    satisfaction.rate(clerk, "complaint", c.number, "poor", shop, NOW)
    satisfaction.rate(clerk, "repair", ticket.number, "fair", shop, NOW)
    satisfaction.rate(clerk, "followup", swap.number, "good", shop, NOW)   # the call after the faulty kettle
    satisfaction.rate(clerk, "exchange", swap.number, "good", shop, NOW)
    figures = {f.service: f for f in satisfaction.figures(NOW - timedelta(hours=1), NOW + timedelta(hours=1), shop)}
    assert {s: f.average for s, f in figures.items()} == {"return": 4, "exchange": 3, "complaint": 1, "repair": 2,
                                                          "followup": 3}
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(Rating.member_id).where(Rating.subject == ret.number)) is not None


def test_a_second_rating_of_the_same_service_replaces_the_first(shop, staff):
    c = complaints.log(staff["clerk"], description="x", url=shop, now=NOW)
    satisfaction.rate(staff["clerk"], "complaint", c.number, "poor", shop, NOW)
    satisfaction.rate(staff["clerk"], "complaint", c.number, "good", shop, NOW + timedelta(seconds=5))
    assert satisfaction.rating_of("complaint", c.number, shop).level == "good"
    [only] = satisfaction.figures(NOW - timedelta(hours=1), NOW + timedelta(hours=1), shop)
    assert only.count == 1


def test_only_a_service_on_record_is_rated(shop, staff):
    """A typed or stale number, or a return rated as an exchange, is refused by name; nothing is stored."""
    clerk = staff["clerk"]
    ret = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "changed_mind", "unopened"),)), clerk, url=shop,
                           now=NOW)
    for service, subject in (("return", "RT-NONE"), ("exchange", ret.number), ("complaint", ret.number),
                             ("repair", "WX404"), ("followup", ret.number)):   # no call was agreed for it
        with pytest.raises(NotFound) as refused:
            satisfaction.rate(clerk, service, subject, "good", shop, NOW)
        assert subject in refused.value.zh and subject in refused.value.en
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(func.count(Rating.id))) == 0


def test_an_unknown_level_or_service_is_refused(shop, staff):
    with pytest.raises(InvalidInput, match="excellent"):
        satisfaction.rate(staff["clerk"], "return", "RT1", "5", shop, NOW)
    with pytest.raises(InvalidInput):
        satisfaction.rate(staff["clerk"], "lunch", "RT1", "good", shop, NOW)
