"""Issue 11 point 1: the policy is installed into the shop's database by an admin, versioned and audited;
every till decides under it and an edited file in one till's data folder changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import AuditEntry, InstalledPolicy
from app.services import notices, returns
from app.services.imports import import_sales
from app.services.policy import current_policy, install, policy_at
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from app.settings import default_policy_path, shop_policy_path
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
DEFAULT = default_policy_path().read_text(encoding="utf-8")
ONE_DAY = DEFAULT.replace("changed_mind = { accepted = true, days = 7,", "changed_mind = { accepted = true, days = 1,", 1)


@pytest.fixture
def shop(catalogue, tmp_path):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "owner", "店长", "admin", "3333")
    assert import_sales(jsonl(sale("R1", sold_at=SOLD.isoformat(), member=None)), catalogue).ok
    (tmp_path / "one-day.toml").write_text(ONE_DAY, encoding="utf-8")
    return catalogue


def changed_mind_on_day_3(url):
    request = ReturnRequest("R1", (ReturnItem(1, 1, "changed_mind", "unopened"),))
    return returns.quote(request, url, now=SOLD + timedelta(days=3))


def test_only_an_admin_installs_and_the_install_is_audited_with_both_versions(shop, tmp_path):
    with pytest.raises(NotAllowed):
        install(sign_in("clerk", "1111", shop), tmp_path / "one-day.toml", shop)
    policy, before = install(sign_in("owner", "3333", shop), tmp_path / "one-day.toml", shop)
    assert before == current_policy().version != policy.version
    with session_scope(shop, write=False) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "policy_installed")).one()
        assert entry.subject == policy.version and before in entry.detail and "one-day.toml" in entry.detail
    assert install(sign_in("owner", "3333", shop), tmp_path / "one-day.toml", shop) == (policy, None)
    with session_scope(shop, write=False) as s:   # the same version again: nothing written
        assert s.scalar(select(func.count()).select_from(InstalledPolicy)) == 1


def test_the_installed_policy_decides_and_an_edited_file_in_the_data_folder_changes_nothing(shop, tmp_path):
    assert changed_mind_on_day_3(shop).quote.lines[0].outcome == "refund"
    policy, _ = install(sign_in("owner", "3333", shop), tmp_path / "one-day.toml", shop)
    quote = changed_mind_on_day_3(shop).quote
    assert quote.lines[0].outcome != "refund" and quote.policy_version == policy.version
    shop_policy_path().write_text(DEFAULT.replace("days = 7,", "days = 30,", 1), encoding="utf-8")
    assert changed_mind_on_day_3(shop).quote.policy_version == policy.version   # the file is not in force
    owner = sign_in("owner", "3333", shop)
    told = [n.en for n in notices.at_sign_in(owner, shop)]
    assert any("not in force" in t and policy.version in t for t in told)


def test_a_broken_file_is_refused_naming_its_line_and_nothing_is_installed(shop, tmp_path):
    (tmp_path / "broken.toml").write_text(DEFAULT.replace("days = 7,", "days = 99999999999,", 1), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        install(sign_in("owner", "3333", shop), tmp_path / "broken.toml", shop)
    assert "broken.toml" in caught.value.en and "line 58" in caught.value.en
    assert policy_at(shop).version == current_policy().version
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(func.count()).select_from(InstalledPolicy)) == 0


def test_a_policy_file_broken_after_start_leaves_the_last_good_in_force_and_the_admin_is_told(shop):
    own = shop_policy_path()
    own.write_text(ONE_DAY, encoding="utf-8")
    good = policy_at(shop)
    own.write_text(ONE_DAY.replace("[supervisor]", "[supervisor", 1), encoding="utf-8")
    assert policy_at(shop) is good
    assert changed_mind_on_day_3(shop).quote.policy_version == good.version
    told = [n.en for n in notices.at_sign_in(sign_in("owner", "3333", shop), shop)]
    assert any("policy file is broken" in t and good.version in t for t in told)
    assert not [n for n in notices.at_sign_in(sign_in("clerk", "1111", shop), shop) if "policy" in n.en]
