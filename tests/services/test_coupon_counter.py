"""Coupons and store credit at the counter on a real database: every state by scanning, parts, voids, imports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.domain.check_digit import is_valid, luhn_digit
from app.errors import InvalidInput, NotAllowed, NotFound
from app.models import Coupon, Member
from app.services import coupon_counter, coupon_issue, lookup, loop_notices, notices
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from tests.store import jsonl, sale

NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)
assert loop_notices.codes_used_twice in notices.HOOKS   # registered on import


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员小李", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
    return catalogue, sign_in("clerk", "1111", catalogue), sign_in("boss", "2222", catalogue)


def _coupon(url, boss, **kw):
    return coupon_issue.goodwill(boss, now=NOW, url=url, **kw)


def test_codes_are_twelve_random_digits_with_a_check_digit_and_a_mistype_is_told_apart(shop):
    url, _, boss = shop
    codes = [_coupon(url, boss).code for _ in range(5)]
    assert len(set(codes)) == 5 and all(len(c) == 12 and c.isdigit() and is_valid(c) for c in codes)
    wrong = codes[0][:-1] + str((int(codes[0][-1]) + 1) % 10)
    with pytest.raises(InvalidInput, match="check digit"):
        coupon_counter.check(wrong, url=url)
    unknown = "12345678901" + luhn_digit("12345678901")
    with pytest.raises(NotFound, match="not issued"):
        coupon_counter.check(unknown, url=url)
    # a card terminal's 12-digit reference scanned on the return page is not taken for a coupon
    assert coupon_counter.issued_here(codes[0], url) and not coupon_counter.issued_here(unknown, url)
    assert not coupon_counter.issued_here(wrong, url)


def test_every_state_by_scanning_with_when_and_where(shop):
    url, clerk, boss = shop
    valid = _coupon(url, boss, value=500, min_spend=3000)
    assert coupon_counter.check(valid.code, now=NOW, url=url).status == "issued"
    assert coupon_counter.check(valid.code, now=NOW + timedelta(days=40), url=url).status == "expired"
    used = _coupon(url, boss)
    coupon_counter.redeem(used.code, 5000, clerk, now=NOW + timedelta(hours=1), url=url)
    seen = coupon_counter.check(used.code, url=url)
    assert seen.status == "redeemed" and seen.used_at == NOW + timedelta(hours=1) and "店员小李" in seen.used_where
    voided = _coupon(url, boss)
    coupon_counter.void(voided.code, boss, note="印错", now=NOW + timedelta(hours=2), url=url)
    gone = coupon_counter.check(voided.code, url=url)
    assert gone.status == "void" and gone.used_at == NOW + timedelta(hours=2)
    assert lookup.find(used.code, url).status == "redeemed"


def test_a_coupon_needs_its_minimum_spend_and_takes_its_value_off_once(shop):
    url, clerk, boss = shop
    c = _coupon(url, boss, value=500, min_spend=3000)
    with pytest.raises(InvalidInput, match="minimum spend"):
        coupon_counter.redeem(c.code, 2999, clerk, now=NOW, url=url)
    paid = coupon_counter.redeem(c.code, 3000, clerk, now=NOW, url=url)
    assert (paid.taken_off, paid.to_pay, paid.balance) == (500, 2500, None)
    with pytest.raises(NotAllowed, match="already redeemed"):
        coupon_counter.redeem(c.code, 9000, clerk, now=NOW + timedelta(minutes=5), url=url)
    [(code, _at, _where, who)] = coupon_counter.flagged(url)     # the second try is flagged to the supervisor
    assert code == c.code and who == "店员小李"


def test_store_credit_is_spent_in_parts_and_shows_its_balance(shop):
    url, clerk, boss = shop
    sc = _coupon(url, boss, kind="store_credit", value=10000)
    first = coupon_counter.redeem(sc.code, 3550, clerk, now=NOW, url=url)
    assert (first.taken_off, first.to_pay, first.balance) == (3550, 0, 6450)
    assert coupon_counter.check(sc.code, url=url).status == "issued"
    assert coupon_counter.check(sc.code, url=url).balance == 6450
    last = coupon_counter.redeem(sc.code, 8000, clerk, now=NOW + timedelta(days=1), url=url)
    assert (last.taken_off, last.to_pay, last.balance) == (6450, 1550, 0)
    assert coupon_counter.check(sc.code, url=url).status == "redeemed"


def test_only_a_supervisor_voids_and_a_used_coupon_cannot_be_voided(shop):
    url, clerk, boss = shop
    c = _coupon(url, boss)
    with pytest.raises(NotAllowed):
        coupon_counter.void(c.code, clerk, url=url)
    with pytest.raises(NotAllowed):
        coupon_issue.goodwill(clerk, url=url)        # issuing goodwill is the supervisor's too
    coupon_counter.redeem(c.code, 5000, clerk, now=NOW, url=url)
    with pytest.raises(NotAllowed, match="already redeemed"):
        coupon_counter.void(c.code, boss, url=url)


def test_a_counter_redemption_seen_again_on_the_imported_sale_counts_once_and_a_second_sale_is_flagged(shop):
    url, clerk, boss = shop
    c = _coupon(url, boss)
    coupon_counter.redeem(c.code, 5000, clerk, now=NOW, url=url)
    assert import_sales(jsonl(sale("R1", sold_at=NOW.isoformat(), coupons_redeemed=[c.code])), url).ok
    assert coupon_counter.flagged(url) == []
    with session_scope(url, write=False) as s:
        from app.models import CouponRedemption
        rows = list(s.scalars(select(CouponRedemption)))
    assert len(rows) == 1 and rows[0].sale_id is not None
    assert import_sales(jsonl(sale("R2", sold_at=(NOW + timedelta(days=1)).isoformat(),
                                   coupons_redeemed=[c.code])), url).ok
    [(code, _at, where, _who)] = coupon_counter.flagged(url)
    assert code == c.code and where == "R2"


def test_birthday_coupons_go_to_members_whose_birthday_falls_this_week_once(shop):
    url, _, boss = shop
    with session_scope(url) as s:
        for card, bday in (("M000123", date(1980, 11, 4)), ("M000124", date(1990, 11, 20))):
            s.scalar(select(Member).where(Member.card_no == card)).birthday = bday
    given = coupon_issue.birthday_coupons(boss, day=date(2026, 11, 3), now=NOW, url=url)
    assert [c.member_card for c in given] == ["M000123"]
    assert coupon_issue.birthday_coupons(boss, day=date(2026, 11, 5), now=NOW, url=url) == []
    with session_scope(url, write=False) as s:
        assert s.scalar(select(Coupon.reason).where(Coupon.code == given[0].code)) == "birthday"


def test_a_code_used_twice_is_told_to_the_supervisor_at_sign_in_and_not_to_the_clerk(shop):
    url, clerk, boss = shop
    c = coupon_issue.goodwill(boss, url=url)            # today: the notice looks back a week from now
    coupon_counter.redeem(c.code, 5000, clerk, url=url)
    with pytest.raises(NotAllowed):
        coupon_counter.redeem(c.code, 5000, clerk, url=url)
    told = [n.text("en") for n in notices.at_sign_in(boss, url)]
    assert any("1 coupon code(s) used twice" in t for t in told)
    assert not any("used twice" in n.text("en") for n in notices.at_sign_in(clerk, url))
