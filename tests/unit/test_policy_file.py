"""The policy file: every DOMAIN.md number as data, validation that names line and key, versions."""

from __future__ import annotations

import pytest

from app.domain.policy import (
    PolicyError,
    line_of_key,
    load_policy,
    parse_policy,
)
from app.services.policy import current_policy
from app.settings import default_policy_path, shop_policy_path
from tests.unit.builders import POLICY

DEFAULT_TEXT = default_policy_path().read_text(encoding="utf-8")


def test_default_policy_holds_every_number_of_the_domain_rules():
    p = POLICY
    assert p.tier_extra_days == {"standard": 0, "silver": 0, "gold": 3, "diamond": 7}
    assert p.final_sale_changed_mind is False
    assert (p.supervisor.refund_over, p.supervisor.returns_30d_at_least, p.supervisor.no_receipt) == (50000, 3, True)
    assert (p.no_receipt.identification_required, p.no_receipt.lowest_price_days, p.no_receipt.cap) == (True, 30, 20000)
    c = p.goodwill_coupon
    assert (c.value, c.min_spend, c.days_valid) == (500, 3000, 30)
    assert c.reasons == {"quality_fault", "wrong_item", "damaged_at_sale"}
    assert set(p.classes) == {"general", "fresh", "appliance", "personal_care", "customized", "non_returnable"}
    general = p.classes["general"]
    assert (general.changed_mind.days, general.changed_mind.conditions) == (7, {"unopened"})
    assert (general.quality_fault.refund_days, general.quality_fault.exchange_days) == (7, 15)
    assert p.classes["fresh"].changed_mind.accepted is False
    assert p.classes["fresh"].quality_fault.refund_hours == 24
    appliance = p.classes["appliance"].quality_fault
    assert (appliance.refund_days, appliance.exchange_days, appliance.repair_until_warranty_end,
            appliance.default_warranty_months) == (7, 15, True, 12)
    assert p.classes["customized"].quality_fault.refund_days == 7
    assert p.classes["non_returnable"].returnable is False
    assert p.time_zone.key == "Asia/Shanghai"


def test_policy_classes_carry_chinese_and_english_labels():
    fresh = POLICY.classes["fresh"]
    assert fresh.label("zh_CN") == "生鲜食品" and fresh.label("en") == "fresh food"


def test_policy_version_is_a_short_content_hash():
    assert len(POLICY.version) == 12
    assert parse_policy(DEFAULT_TEXT, "x").version == POLICY.version
    assert parse_policy(DEFAULT_TEXT + "\n# changed\n", "x").version != POLICY.version


def _error(text: str) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "shop.toml")
    return caught.value


def _line_number(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_wrong_value_names_the_file_line_and_key():
    text = DEFAULT_TEXT.replace("refund_over = 50000", "refund_over = \"500元\"")
    err = _error(text)
    assert err.line == _line_number(text, "refund_over =")
    assert err.key == "supervisor.refund_over"
    assert f"shop.toml, line {err.line}, key supervisor.refund_over" in err.en
    assert f"第{err.line}行" in err.zh


def test_a_wrong_value_inside_an_inline_table_names_its_line():
    text = DEFAULT_TEXT.replace("quality_fault = { refund_hours = 24 }", "quality_fault = { refund_hours = -1 }")
    err = _error(text)
    assert err.key == "classes.fresh.quality_fault.refund_hours"
    assert err.line == _line_number(text, "refund_hours = -1")


def test_an_unknown_key_is_named():
    text = DEFAULT_TEXT.replace("[tiers]\n", "[tiers]\nplatinum = 9\n")
    err = _error(text)
    assert err.key == "tiers.platinum" and err.line == _line_number(text, "platinum")
    assert "unknown key" in err.en


def test_an_unknown_condition_is_named():
    text = DEFAULT_TEXT.replace('days = 7, conditions = ["unopened"] }', 'days = 7, conditions = ["sealed"] }', 1)
    err = _error(text)
    assert err.key == "classes.general.changed_mind.conditions"
    assert "'sealed'" in err.en


def test_a_returnable_class_without_rules_is_refused():
    err = _error(DEFAULT_TEXT + '\n[classes.toys]\nlabel = { zh_CN = "玩具", en = "toys" }\n')
    assert err.key == "classes.toys.changed_mind"
    assert err.line == len((DEFAULT_TEXT + "\n[classes.toys]").splitlines())


def test_a_toml_syntax_error_names_its_line():
    err = _error(DEFAULT_TEXT.replace("[supervisor]", "[supervisor"))
    assert err.line == _line_number(DEFAULT_TEXT, "[supervisor]")


def test_missing_supervisor_section_is_named():
    start = DEFAULT_TEXT.index("[supervisor]")
    end = DEFAULT_TEXT.index("# Returns without a receipt")
    assert _error(DEFAULT_TEXT[:start] + DEFAULT_TEXT[end:]).key == "supervisor"


def test_line_of_key_finds_dotted_and_nested_keys():
    text = "[a]\nx = 1\n[a.b]\ny = { z = 2 }\n"
    assert line_of_key(text, ("a", "x")) == 2
    assert line_of_key(text, ("a", "b", "y", "z")) == 4
    assert line_of_key(text, ("a", "b", "missing")) == 3


def test_the_shops_own_copy_wins_over_the_default():
    shop_policy_path().write_text(DEFAULT_TEXT.replace("cap = 20000", "cap = 30000"), encoding="utf-8")
    policy = current_policy()
    assert policy.no_receipt.cap == 30000
    assert policy.source == str(shop_policy_path())
    assert policy.version != POLICY.version


def test_the_loaded_policy_is_read_again_only_when_its_file_changes():
    own = shop_policy_path()
    own.write_text(DEFAULT_TEXT, encoding="utf-8")
    first = current_policy()
    assert current_policy() is first                      # unchanged file: the parsed policy is kept
    own.write_text(DEFAULT_TEXT.replace("cap = 20000", "cap = 25000"), encoding="utf-8")
    assert current_policy().no_receipt.cap == 25000       # a change (size or time) is seen at once


def test_without_a_shop_copy_the_default_is_active():
    assert current_policy().version == POLICY.version


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(Exception) as caught:
        load_policy(tmp_path / "nope.toml")
    assert "nope.toml" in str(caught.value)
