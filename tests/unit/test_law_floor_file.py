"""The legal floor's shipped files: versions, regions, validation, and where a policy falls below."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.domain.law import LawError, load_floor, regions
from app.domain.law_check import below_floor
from app.domain.policy import parse_policy
from app.errors import InvalidInput
from app.settings import default_policy_path
from tests.unit.builders import POLICY
from tests.unit.law_builders import LAW_DIR, NATIONAL, SHANGHAI_FLOOR, ZHEJIANG


def test_the_floor_ships_national_shanghai_and_zhejiang_with_their_versions():
    assert regions(LAW_DIR) == {"national": ("全国", "national"), "shanghai": ("上海", "Shanghai"),
                                "zhejiang": ("浙江", "Zhejiang")}
    assert NATIONAL.version == "national@2026.12.1"
    assert ZHEJIANG.version == "national@2026.12.1+zhejiang@2026.12.1"
    assert SHANGHAI_FLOOR.repair_minimum is not None and SHANGHAI_FLOOR.repair_minimum.months == 6
    assert NATIONAL.repair_minimum is None and NATIONAL.bundle_own_net is None
    assert (NATIONAL.food_safety.multiple, NATIONAL.food_safety.minimum) == (10, 100000)


def test_an_unknown_region_is_refused_naming_the_regions_shipped():
    with pytest.raises(InvalidInput) as err:
        load_floor(LAW_DIR, "hainan")
    assert "hainan" in err.value.en and "shanghai" in err.value.en


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "law"
    shutil.copytree(LAW_DIR, folder)
    path = folder / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("file", "old", "new", "key", "line"), [
    ("national.toml", "refund_days = 7\nterm_days", "refund_days = -7\nterm_days", "consumer_law.refund_days", 28),
    ("national.toml", "parts_wait_days = 90", "parts_waiting = 90", "sanbao.parts_waiting", 42),
    ("shanghai.toml", "min_months = 6", 'min_months = "six"', "repair.min_months", 11),
    ("zhejiang.toml", 'region = "zhejiang"', 'region = "jiangsu"', "profile.region", 4),
])
def test_a_broken_floor_file_names_file_line_and_key(tmp_path, file, old, new, key, line):
    folder = _broken(tmp_path, file, old, new)
    with pytest.raises(LawError) as err:
        load_floor(folder, file.removesuffix(".toml"))
    assert f"{file}, line {line}, key {key}" in err.value.en
    assert f"第{line}行" in err.value.zh


def test_a_floor_file_without_a_version_is_refused(tmp_path):
    folder = _broken(tmp_path, "national.toml", 'version = "2026.12.1"\n', "")
    with pytest.raises(LawError, match="profile.version"):
        load_floor(folder)


# --- `policy check`: every place a policy gives less than its floor ---

def _places(floor) -> list[tuple[str | None, str]]:
    return [(s.policy_class, s.rule) for s in below_floor(POLICY, floor)]


NATIONAL_PLACES = [
    ("general", "law.consumer_law.refund"),           # art. 24: refused after day 15
    ("fresh", "law.consumer_law.refund"),             # art. 24: refused after 24 hours
    ("appliance", "law.sanbao.failed_repairs"),       # 三包 art. 11/12: no repair history
    ("personal_care", "law.consumer_law.refund"),     # art. 24: refused after day 15
    ("customized", "law.consumer_law.refund"),        # art. 24: refused after day 7
    ("non_returnable", "law.consumer_law.notice"),    # art. 26: tobacco refused outright
    (None, "law.food_safety.claim"),                  # 食品安全法 art. 148: no compensation
]


def test_the_default_policy_is_below_the_floor_in_the_places_of_issue_15():
    assert _places(NATIONAL) == NATIONAL_PLACES
    assert _places(SHANGHAI_FLOOR) == NATIONAL_PLACES[:3] + [("appliance", "law.region.repair_minimum")] \
        + NATIONAL_PLACES[3:]                         # 上海 art. 33: repair ends with a short warranty
    assert _places(ZHEJIANG) == NATIONAL_PLACES + [(None, "law.region.bundle_own_net")]   # 浙江 art. 13


def test_each_shortfall_names_its_law_in_both_languages():
    for found in below_floor(POLICY, SHANGHAI_FLOOR):
        assert found.cite[0].startswith(("《", "三包")) and found.cite[1]
        assert found.zh and found.en
    general = below_floor(POLICY, NATIONAL)[0]
    assert "7日内退款、15日内换货" in general.zh and "an exchange within 15 days" in general.en


def test_a_policy_as_generous_as_the_law_is_below_it_only_where_it_cannot_speak():
    text = default_policy_path().read_text(encoding="utf-8")
    text = text.replace("quality_fault = { refund_days = 7, exchange_days = 15 }",
                        "quality_fault = { refund_days = 7, exchange_days = 730 }")
    text = text.replace("quality_fault = { refund_hours = 24 }", "quality_fault = { refund_days = 7 }")
    text = text.replace("quality_fault = { refund_days = 7 }   # refund or exchange within 7 days",
                        "quality_fault = { refund_days = 7, exchange_days = 730 }")
    generous = parse_policy(text.split("[classes.non_returnable]")[0], "generous.toml")
    assert [(s.policy_class, s.rule) for s in below_floor(generous, NATIONAL)] == [
        ("appliance", "law.sanbao.failed_repairs"), (None, "law.food_safety.claim")]
