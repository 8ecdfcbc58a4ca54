"""Issue 11 point 1: what the whole shop shares lives in the database; only an admin changes it, audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import AuditEntry, Setting
from app.services import shop
from app.services.users import create_user, sign_in

CHANGES = [("print.paper", " A5 ", "a5", "b5"), ("shop.region", "Shanghai", "shanghai", "beijing"),
           ("backup.folder", "/media/usb/returns", "/media/usb/returns", "\x1b[2J"),
           ("backup.keep", "07", "7", "0"), ("import.account", "till1", "till1", ""),
           ("pin.min_clerk", "6", "6", "3"), ("pin.min_supervisor", "08", "8", "5"), ("pin.min_admin", "8", "8", "13")]


@pytest.fixture
def people(db_url):
    with session_scope(db_url) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "222222")
        create_user(s, "owner", "店长", "admin", "333333")
    return db_url


@pytest.mark.parametrize(("key", "typed", "stored", "bad"), CHANGES)
def test_only_the_owner_changes_a_shared_setting_and_it_is_audited_with_before_and_after(people, key, typed,
                                                                                          stored, bad):
    before = shop.get_settings(people).get(key, "")
    for who, pin in (("clerk", "1111"), ("boss", "222222")):
        with pytest.raises(NotAllowed):
            shop.set_setting(sign_in(who, pin, people), key, typed, people)
    with pytest.raises(NotAllowed):
        shop.set_setting(None, key, typed, people)
    owner = sign_in("owner", "333333", people)
    with pytest.raises(InvalidInput):
        shop.set_setting(owner, key, bad, people)
    assert shop.get_settings(people).get(key, "") == before          # refused: nothing changed
    assert shop.set_setting(owner, key, typed, people) == stored
    assert shop.get_settings(people)[key] == stored
    with session_scope(people, write=False) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "setting_changed")).one()
        assert entry.subject == key and json.loads(entry.detail) == {"before": before, "after": stored}


def test_the_shop_may_ask_for_longer_pins_never_shorter_ones(people):
    from app.services import pins

    owner = sign_in("owner", "333333", people)
    shop.set_setting(owner, "pin.min_clerk", "6", people)
    with session_scope(people) as s:
        assert pins.minimum(s, "clerk") == 6
        with pytest.raises(InvalidInput, match="6 to 12 digits"):
            pins.checked(s, "1357", "clerk")
        s.add(Setting(key="pin.min_admin", value="4"))
        assert pins.minimum(s, "admin") == 6       # written around the setter: still never below six
