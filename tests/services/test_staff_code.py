"""Staff cards: every person gets a code to scan, and an approval may carry the reason that asked for it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.errors import InvalidInput
from app.models import User
from app.services import approvals
from app.services.users import create_user, find_by_staff_code, sign_in


@pytest.fixture
def people(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管 陈姐", "supervisor", "2222")
    return catalogue


def test_each_person_gets_a_staff_code_and_a_scan_finds_them(people):
    with session_scope(people, write=False) as s:
        codes = dict(s.execute(select(User.username, User.staff_code)).all())
    assert all(re.fullmatch(r"ST\d{10}", code) for code in codes.values()) and len(set(codes.values())) == 2
    boss = codes["boss"]
    assert find_by_staff_code(boss.lower(), people).username == "boss"   # normalised like every scanned code
    assert find_by_staff_code("ST0000000000", people) is None
    with session_scope(people) as s:
        s.scalar(select(User).where(User.username == "boss")).active = False
    assert find_by_staff_code(boss, people) is None              # a person who left finds nobody


def test_an_approval_names_the_rule_that_asked_for_it(people):
    clerk = sign_in("clerk", "1111", people)
    granted = approvals.approve("boss", "2222", "refund_over_limit", "", clerk, ("refund_over_limit",), url=people)
    assert granted.reason == "refund_over_limit"
    for reason in ("frequent_returner", "no_receipt", "goodwill", "store_error", "quality_dispute", "other"):
        assert approvals.approve("boss", "2222", reason, "", clerk, url=people).reason == reason
    with pytest.raises(InvalidInput, match="approval reason"):
        approvals.approve("boss", "2222", "override", "", clerk, url=people)   # an override says why


def test_the_owner_sets_the_papers_language_and_the_shop_copy_and_nobody_else(people):
    from app.errors import NotAllowed
    from app.services import shop as shop_settings

    with session_scope(people) as s:
        create_user(s, "owner", "店长", "admin", "999999")
    owner, clerk = sign_in("owner", "999999", people), sign_in("clerk", "1111", people)
    assert shop_settings.print_choices(people) == ("zh_CN", False)        # bilingual, no shop copy by default
    with pytest.raises(NotAllowed):
        shop_settings.set_setting(clerk, "print.shop_copy", "yes", people)
    with pytest.raises(InvalidInput, match="zh_CN"):
        shop_settings.set_setting(owner, "print.language", "fr", people)
    shop_settings.set_setting(owner, "print.language", "en", people)
    shop_settings.set_setting(owner, "print.shop_copy", "YES", people)
    assert shop_settings.print_choices(people) == ("en", True)
