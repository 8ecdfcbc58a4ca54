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


def test_the_customers_remedy_and_a_food_claims_evidence_from_the_command_line_and_a_void_takes_it_back(
        shop, tmp_path, monkeypatch, capsys):
    import sqlite3
    from datetime import UTC, datetime, timedelta

    sold = (datetime.now(UTC) - timedelta(hours=2)).isoformat()
    row = {"receipt": "CLI-LAW", "sold_at": sold, "till": "T1", "cashier": "c01",
           "lines": [{"line": 1, "sku": "6987761400192", "qty": 1, "unit_price": 39900, "discount": 0},
                     {"line": 2, "sku": "6953325200126", "qty": 1, "unit_price": 1280, "discount": 0}],
           "receipt_discount": 0, "tenders": [{"method": "cash", "amount": 41180}]}
    (tmp_path / "s.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    monkeypatch.setenv("RETURNS_DESK_PIN", "999999")
    assert main(["--db", shop, "import", "sales", str(tmp_path / "s.jsonl"), "--user", "admin"]) == 0
    monkeypatch.setenv("RETURNS_DESK_PIN", "1111")
    monkeypatch.setenv("RETURNS_DESK_SUPERVISOR_PIN", "222222")
    capsys.readouterr()
    fault = ["--db", shop, "return", "--receipt", "CLI-LAW", "--item", "1:1:quality_fault:opened", "--clerk", "clerk",
             "--dry-run", "--json"]
    assert main([*fault, "--remedy", "1:repair"]) == 0
    assert json.loads(capsys.readouterr().out)["lines"][0]["outcome"] == "repair_only"
    assert main([*fault, "--remedy", "1:teleport"]) == 1
    assert "remedy" in capsys.readouterr().err
    claim = ["--db", shop, "return", "--receipt", "CLI-LAW", "--item", "2:1:food_expired:opened",
             "--evidence", "2:2026-11-30:B77:胀包", "--clerk", "clerk", "--json"]
    assert main(claim) == 3                                            # compensation needs a supervisor
    capsys.readouterr()
    assert main([*claim, "--supervisor", "supervisor", "--override-reason", "quality_dispute"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["compensation"], done["compensation_method"]) == (100000, "cash")
    db = sqlite3.connect(shop)
    assert db.execute("SELECT expiry, batch, note FROM return_compensations").fetchall() == [("2026-11-30", "B77",
                                                                                               "胀包")]
    assert main(["--db", shop, "void", done["number"], "--supervisor", "supervisor", "--clerk", "clerk"]) == 0
    assert db.execute("SELECT voided_at IS NOT NULL FROM return_compensations").fetchone() == (1,)
    db.close()


def test_only_the_owner_installs_a_policy_and_check_then_reads_the_installed_version(shop, tmp_path, monkeypatch,
                                                                                   capsys):
    from app.settings import default_policy_path

    text = default_policy_path().read_text(encoding="utf-8").replace("cap = 20000", "cap = 25000", 1)
    (tmp_path / "p.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("RETURNS_DESK_PIN", "1111")
    assert main(["--db", shop, "policy", "install", str(tmp_path / "p.toml"), "--user", "clerk"]) == 1
    monkeypatch.setenv("RETURNS_DESK_PIN", "999999")
    capsys.readouterr()
    assert main(["--db", shop, "policy", "install", str(tmp_path / "p.toml"), "--user", "admin"]) == 0
    installed = capsys.readouterr().out.split("installed policy version ")[1].split()[0]
    monkeypatch.setenv("RETURNS_DESK_DB", shop)
    assert main(["policy", "check"]) == 0
    assert f"version {installed}" in capsys.readouterr().out
