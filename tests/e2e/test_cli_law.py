"""`settings region`, `policy check --region` and `policy simulate` under the shop's legal floor, as typed."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.db import dispose_engines
from tests.unit.test_scenario_json import ISSUE_EXAMPLE


@pytest.fixture
def shop(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite")
    assert main(["--db", db, "demo", "--receipts", "30"]) == 0
    capsys.readouterr()
    yield db
    dispose_engines()


def test_policy_check_lists_every_place_below_the_floor_with_its_article(capsys):
    assert main(["policy", "check", "--region", "shanghai"]) == 0
    out = capsys.readouterr().out
    assert "《消费者权益保护法》第二十六条" in out and "Consumer Rights Protection Law, art. 26" in out
    assert "《食品安全法》" in out and "上海市消费者权益保护条例" in out
    assert "below the legal floor" in out


def test_only_the_owner_changes_the_region_and_simulate_then_uses_it(shop, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RETURNS_DESK_PIN", "999999")
    assert main(["--db", shop, "settings", "region"]) == 0
    assert capsys.readouterr().out.strip() == "national"
    assert main(["--db", shop, "settings", "region", "zhejiang"]) == 1   # no owner signed in
    assert main(["--db", shop, "settings", "region", "zhejiang", "--user", "admin"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("RETURNS_DESK_DB", shop)
    path = tmp_path / "s.json"
    path.write_text(json.dumps([ISSUE_EXAMPLE, {**ISSUE_EXAMPLE, "region": "shanghai"}]), encoding="utf-8")
    assert main(["policy", "simulate", str(path), "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)
    assert [a["region"] for a in answers] == ["zhejiang", "shanghai"]
    assert main(["policy", "simulate", str(path), "--json", "--region", "national"]) == 0
    assert [a["region"] for a in json.loads(capsys.readouterr().out)] == ["national", "shanghai"]
