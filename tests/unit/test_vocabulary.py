"""The shop's vocabulary once: the screen's and the paper's tables name exactly the domain's ids."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from app.domain import vocabulary as v
from app.printing import labels
from app.settings import resources_dir
from app.ui import words as w

# (the screen's table, the domain's ids) — every fixed list the counter shows
SCREEN_TABLES = [
    (w.REASONS, v.REASONS), (w.CONDITIONS, v.CONDITIONS), (w.TIERS, v.TIERS),
    (w.TENDERS, v.TENDER_METHODS), (w.OUTCOMES, v.OUTCOMES), (w.SUPERVISOR_REASONS, v.SUPERVISOR_REASONS),
    (w.OVERRIDE_REASONS, v.OVERRIDE_REASONS), (w.KINDS, v.KINDS), (w.POLICY_CLASSES, v.POLICY_CLASSES),
    (w.CODE_KINDS, v.CODE_KINDS), (w.STATUSES, v.STATUSES), (w.COMPLAINT_TYPES, v.COMPLAINT_TYPES),
    (w.SEVERITIES, v.SEVERITIES), (w.ROLES, v.ROLES),
    (w.CHANNELS, v.CHANNELS), (w.RESOLUTION_CATEGORIES, v.RESOLUTION_CATEGORIES),
    (w.CALL_OUTCOMES, v.CALL_OUTCOMES), (w.SATISFACTION, v.SATISFACTION), (w.SERVICES, v.SERVICES),
    (w.FOLLOWUP_STATUSES, v.FOLLOWUP_STATUSES),
]
# Where screen and paper show the same thing in full, the Chinese must be the domain's word for word.
SAME_WORDS = [(w.REASONS, v.REASONS), (w.TENDERS, v.TENDER_METHODS), (w.OUTCOMES, v.OUTCOMES),
              (w.OVERRIDE_REASONS, v.OVERRIDE_REASONS), (w.KINDS, v.KINDS),
              (w.CHANNELS, v.CHANNELS), (w.CALL_OUTCOMES, v.CALL_OUTCOMES), (w.SATISFACTION, v.SATISFACTION),
              (w.RESOLUTION_CATEGORIES, v.RESOLUTION_CATEGORIES)]


def _screen_chinese() -> dict[str, str]:
    words = {}
    for ts in sorted((resources_dir() / "translations").glob("*_zh_CN.ts")):  # the main file and each room's
        root = ET.parse(ts).getroot()
        words.update({m.findtext("source"): m.findtext("translation")
                      for ctx in root.iter("context") if ctx.findtext("name") == "Words" for m in ctx.iter("message")})
    return words


@pytest.mark.parametrize(("screen", "domain"), SCREEN_TABLES)
def test_every_screen_table_names_exactly_the_domains_ids(screen, domain):
    assert set(screen) == set(domain)


def test_paper_names_every_id_of_the_domain_in_the_domains_wording():
    for table in labels.VOCABULARY_TABLES:
        printed = {key for key in table if key in labels.LABELS}
        assert printed == set(table)
    assert labels.LABELS["store_credit"][0] == "储值凭证"
    assert labels.LABELS["damaged_at_sale"] == ("售出时已损坏", "Damaged at sale")
    assert labels.one("quality_fault", "zh_CN") == v.REASONS["quality_fault"][0]


def test_the_old_outcome_ids_are_gone_from_paper():
    for old in ("approve", "deny", "deny_overridable", "approve_with_conditions", "overridden"):
        assert old not in labels.LABELS


def test_screen_and_paper_say_the_same_chinese_for_the_same_thing():
    chinese = _screen_chinese()
    for screen, domain in SAME_WORDS:
        for key, source in screen.items():
            assert chinese[source] == domain[key][0] == labels.one(key, "zh_CN"), key


def test_ways_to_pay_a_difference_are_money_tenders_only():
    assert "coupon" not in v.DIFFERENCE_METHODS and set(v.DIFFERENCE_METHODS) <= set(v.TENDER_METHODS)
