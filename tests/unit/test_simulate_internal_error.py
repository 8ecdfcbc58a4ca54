"""`policy simulate` on a file where one scenario hits a bug: that one is an internal error, the rest answer."""

from __future__ import annotations

import json

import app.commands.policy as policy_command
from app.cli import main
from app.domain.engine import evaluate
from tests.unit.test_receipt_discount_rule import FREE_GIFT
from tests.unit.test_scenario_json import ISSUE_EXAMPLE

BUGGY = {**ISSUE_EXAMPLE, "name": "trips a bug"}


def _with_a_bug(monkeypatch):
    """A real engine that breaks on one scenario, as a bug inside would (the only way to have one)."""
    def evaluate_with_bug(policy, facts, floor=None):
        if facts.customer_returns_30d == 7:
            raise ZeroDivisionError("a bug inside the engine")
        return evaluate(policy, facts, floor)
    monkeypatch.setattr(policy_command, "evaluate", evaluate_with_bug)


def _file(tmp_path, scenarios):
    path = tmp_path / "scenarios.json"
    path.write_text(json.dumps(scenarios, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_bug_in_one_scenario_is_an_internal_error_and_the_rest_of_the_file_is_answered(
        tmp_path, monkeypatch, capsys):
    _with_a_bug(monkeypatch)
    path = _file(tmp_path, [FREE_GIFT, {**BUGGY, "customer_returns_30d": 7}, ISSUE_EXAMPLE])
    assert main(["policy", "simulate", path, "--json"]) == 1
    answers = json.loads(capsys.readouterr().out)
    assert [a.get("error") for a in answers] == [None, "internal_error", None]
    assert answers[0]["lines"][0]["refund"] == 0 and answers[2]["refund_total"] == 1000
    assert set(answers[1]["message"]) == {"zh_CN", "en"}


def test_a_bug_in_one_scenario_is_named_in_the_text_answer_between_the_others(tmp_path, monkeypatch, capsys):
    _with_a_bug(monkeypatch)
    path = _file(tmp_path, [{**BUGGY, "customer_returns_30d": 7}, FREE_GIFT])
    assert main(["policy", "simulate", path]) == 1
    out = capsys.readouterr().out
    assert "场景 1 / Scenario 1: 内部错误 / internal error" in out
    assert "场景 2 / Scenario 2: free gift with 满减" in out and "policy version" in out


def test_the_free_gift_file_simulates_with_exit_0(tmp_path, capsys):
    line2 = {**FREE_GIFT, "request": [{"line": 2, "qty": 1, "reason": "quality_fault", "condition": "opened"}]}
    assert main(["policy", "simulate", _file(tmp_path, [FREE_GIFT, line2]), "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)
    assert [a["refund_total"] for a in answers] == [0, 500]
    assert answers[1]["tenders"] == [{"method": "wechat", "amount": 500}]
