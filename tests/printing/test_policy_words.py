"""The policy notice is generated from the engine's policy, so changing the policy changes the poster."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.domain.policy import ChangedMindRule, QualityRule, load_policy
from app.printing import render_policy_notice, samples
from app.printing.data import Bilingual
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


def _notes(policy) -> str:
    return " ".join(f"{n.zh} {n.en}" for n in notice_from_policy(policy).notes)


def test_goodwill_note_names_the_policys_reasons():
    policy = load_policy(default_policy_path())
    notes = _notes(policy)
    assert "因质量问题、错发商品或售出时已损坏而退换货的" in notes and "a wrong item sold" in notes
    only_quality = replace(policy, goodwill_coupon=replace(policy.goodwill_coupon, reasons=frozenset({"quality_fault"})))
    notes = _notes(only_quality)
    assert "因质量问题而退换货的" in notes and "错发" not in notes and "wrong item" not in notes
    none = replace(policy, goodwill_coupon=replace(policy.goodwill_coupon, reasons=frozenset()))
    assert "优惠券（满" not in _notes(none)


def test_customized_goods_may_be_refunded_or_exchanged():
    notice = notice_from_policy(load_policy(default_policy_path()))
    custom = next(r for r in notice.rows if r.name.zh == "定制商品")
    assert custom.quality_fault == Bilingual("7 天内退款或换货", "refund or exchange within 7 days")


@pytest.mark.parametrize("paper", ["a4", "58mm"])
def test_notice_shows_version_and_print_date_and_explains_sanbao_in_english(paper):
    notice = samples.policy_notice(default_policy_path())
    en = " ".join(pdfcheck.text(render_policy_notice(notice, samples.SHOP, paper, "en")).split())
    zh = " ".join(pdfcheck.text(render_policy_notice(notice, samples.SHOP, paper, "zh_CN")).split())
    assert f"Policy version {notice.version}" in en and "Printed 2026-11-22" in en
    assert "政策版本" in zh and "打印日期" in zh and "2026-11-22" in zh
    assert "statutory repair / exchange / return guarantee" in en and "三包" in en
