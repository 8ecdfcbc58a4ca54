"""The policy notice is generated from the engine's policy, so changing the policy changes the poster."""

from __future__ import annotations

import re

import pytest

from app.domain.policy import ChangedMindRule, QualityRule, load_policy
from app.printing import render_policy_notice, samples
from app.printing.policy_words import changed_mind_words, notice_from_policy, quality_words
from app.settings import default_policy_path
from tests.printing import pdfcheck


def test_every_policy_class_has_a_row_in_its_own_words():
    policy = load_policy(default_policy_path())
    notice = notice_from_policy(policy)
    assert [r.name.zh for r in notice.rows] == [c.label_zh for c in policy.classes.values()]
    fresh = next(r for r in notice.rows if r.name.zh == policy.classes["fresh"].label_zh)
    assert fresh.changed_mind.zh == "不接受" and fresh.quality_fault.en == "refund within 24 hours"


def test_a_changed_window_changes_the_wording():
    assert changed_mind_words(ChangedMindRule(True, 10, frozenset({"unopened"}))).en == \
        "refund within 10 days if unopened and resalable"
    words = quality_words(QualityRule(True, refund_days=7, exchange_days=15, repair_until_warranty_end=True))
    assert "exchange on days 8–15" in words.en and "第 8–15 天换货" in words.zh and "维修" in words.zh
    assert quality_words(QualityRule(False)).zh == "不接受"


def test_notes_carry_the_policys_numbers():
    notes = " ".join(n.en for n in notice_from_policy(load_policy(default_policy_path())).notes)
    assert "¥200.00" in notes and "¥500.00" in notes and "+7 days" in notes


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_poster_fits_on_one_sheet(lang, paper):
    notice = notice_from_policy(load_policy(default_policy_path()))
    pdf = render_policy_notice(notice, samples.SHOP, paper, lang)
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 1
    assert notice.version in pdfcheck.text(pdf)
