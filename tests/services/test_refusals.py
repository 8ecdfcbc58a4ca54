"""A return refused as a whole is recorded — decisions, policy, member, clerk — and is never a return or a refund."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import AuditEntry, Member, Refusal, Return, User
from app.services import refusals, returns
from app.services.end_of_day import end_of_day_data
from app.services.imports import import_sales
from app.services.lookup import find_receipt
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)          # 10:15 in Shanghai
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)            # day 2 after the sale


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
    assert import_sales(jsonl(sale("R1", sold_at=SOLD.isoformat())), catalogue).ok   # 3 noodles, M000123
    return catalogue


def opened_noodles(qty: int = 2) -> ReturnRequest:
    # changed mind on opened packaged food: the policy refuses it (a supervisor could override)
    return ReturnRequest("R1", (ReturnItem(1, qty, "changed_mind", "opened"),), started_at=NOW)


def test_a_wholly_refused_return_is_recorded_with_its_decisions_and_moves_nothing(shop):
    clerk = sign_in("clerk", "1111", shop)
    day = NOW.astimezone(UTC).date()
    before = end_of_day_data(day, shop)
    done = refusals.record(opened_noodles(), clerk, shop, now=NOW)
    assert done.number.startswith("JT261103") and (done.receipt_no, done.lines, done.units) == ("R1", 1, 2)
    with session_scope(shop, write=False) as s:
        row = s.scalar(select(Refusal))
        assert row.member_id == s.scalar(select(Member.id).where(Member.card_no == "M000123"))
        assert row.clerk_id == clerk.id and row.refused_at == NOW and row.policy_version == done.policy_version
        decision = json.loads(row.trace)["lines"][0]
        assert decision["outcome"] == "refused_overridable" and decision["explanation"]["zh_CN"]
        assert json.loads(row.asked) == [{"line": 1, "qty": 2, "reason": "changed_mind", "condition": "opened"}]
        assert s.scalar(select(func.count(Return.id))) == 0
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "return_refused"))
        assert entry.subject == done.number and entry.user_id == clerk.id
    # still 3 to return; nothing refunded; the end-of-day totals are what they were
    assert find_receipt("R1", shop).lines[0].qty_returnable == 3
    after = end_of_day_data(day, shop)
    assert (after.returns, after.refunds_by_tender, after.issued) == (before.returns, before.refunds_by_tender,
                                                                       before.issued)


def test_a_return_that_can_be_taken_back_is_not_a_refusal(shop):
    clerk = sign_in("clerk", "1111", shop)
    unopened = ReturnRequest("R1", (ReturnItem(1, 1, "changed_mind", "unopened"),))
    with pytest.raises(InvalidInput, match="F9"):
        refusals.record(unopened, clerk, shop, now=NOW)
    # overridden by a supervisor, the line would be taken back: that is a return to complete, too
    with pytest.raises(InvalidInput):
        refusals.record(replace(opened_noodles(), overrides=frozenset({1})), clerk, shop, now=NOW)
    with pytest.raises(returns.MoreThanReturnable):     # more than was sold is a mistake to correct
        refusals.record(opened_noodles(5), clerk, shop, now=NOW)
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(func.count(Refusal.id))) == 0


def test_only_an_active_counter_user_may_record_a_refusal(shop):
    clerk = sign_in("clerk", "1111", shop)
    with session_scope(shop) as s:
        s.scalar(select(User).where(User.username == "clerk")).active = False
    with pytest.raises(NotAllowed):
        refusals.record(opened_noodles(), clerk, shop, now=NOW)
