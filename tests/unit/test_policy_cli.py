"""`returns-desk policy check` and `policy simulate`, run through the real command entry."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from app.settings import default_policy_path
from tests.unit.builders import POLICY
from tests.unit.test_scenario_json import ISSUE_EXAMPLE

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "policy-simulate-example.json"


def test_policy_check_prints_ok_and_the_version(capsys):
    assert main(["policy", "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK") and POLICY.version in out


def test_policy_check_of_a_bad_file_names_the_line_and_key(tmp_path, capsys):
    bad = tmp_path / "policy.toml"
    text = default_policy_path().read_text(encoding="utf-8").replace("gold = 3", "gold = three")
    bad.write_text(text, encoding="utf-8")
    assert main(["--lang", "en", "policy", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("gold"))
    assert f"line {line}" in err


def test_policy_check_of_a_wrong_value_names_the_key(tmp_path, capsys):
    bad = tmp_path / "policy.toml"
    bad.write_text(default_policy_path().read_text(encoding="utf-8").replace("gold = 3", "gold = -3"),
                   encoding="utf-8")
    assert main(["policy", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "tiers.gold" in err and "行" in err


def _scenario_file(tmp_path: Path, content: object) -> str:
    path = tmp_path / "scenarios.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_simulate_prints_each_line_in_chinese_and_english(tmp_path, capsys):
    assert main(["policy", "simulate", _scenario_file(tmp_path, ISSUE_EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "同意退款 / refund" in out and "¥10.00" in out
    assert "购买第9天" in out and "Day 9 after the sale" in out
    assert POLICY.version in out


def test_simulate_json_gives_the_quote_shape(tmp_path, capsys):
    assert main(["policy", "simulate", _scenario_file(tmp_path, ISSUE_EXAMPLE), "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["refund_total"] == 1000 and answer["lines"][0]["outcome"] == "refund"
    assert answer["tenders"] == [{"method": "cash", "amount": 1000}]


def test_simulate_json_of_a_list_gives_a_list_in_order(capsys):
    assert main(["policy", "simulate", str(EXAMPLES), "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)
    scenarios = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    assert len(answers) == len(scenarios)
    assert answers[-1]["tenders"] == [{"method": "store_credit", "amount": 20000}]


def test_simulate_with_another_policy_file(tmp_path, capsys):
    policy = tmp_path / "trial.toml"
    policy.write_text(default_policy_path().read_text(encoding="utf-8").replace("gold = 3", "gold = 1"),
                      encoding="utf-8")
    args = ["policy", "simulate", _scenario_file(tmp_path, ISSUE_EXAMPLE), "--policy", str(policy), "--json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["lines"][0]["outcome"] == "refused_overridable"


def test_simulate_of_a_malformed_scenario_names_the_field_and_exits_2(tmp_path, capsys):
    broken = json.loads(json.dumps(ISSUE_EXAMPLE))
    broken["request"][0]["reason"] = "foo"
    assert main(["--lang", "en", "policy", "simulate", _scenario_file(tmp_path, [ISSUE_EXAMPLE, broken])]) == 2
    assert "scenario [1]: request[0].reason: unknown reason 'foo'" in capsys.readouterr().err


def test_simulate_of_a_file_that_is_not_json_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text("{\n  \"today\": ,\n}", encoding="utf-8")
    assert main(["--lang", "en", "policy", "simulate", str(path)]) == 2
    assert "line 2" in capsys.readouterr().err
