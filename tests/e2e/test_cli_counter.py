"""`returns-desk return` / `void` without a screen: exit codes, JSON, PINs from the environment only."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app.cli import main
from app.db import dispose_engines, session_scope
from app.services.imports import import_sales
from app.services.users import create_user
from tests.store import jsonl, sale

TODAY = datetime.now(UTC)


@pytest.fixture
def counter(catalogue, monkeypatch):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
    recent = (TODAY - timedelta(days=1)).isoformat()
    rows = [sale("R1", sold_at=recent),
            sale("BIG", sold_at=recent, member=None, receipt_discount=0,
                 lines=[{"line": 1, "sku": "6909876543212", "qty": 5, "unit_price": 12900, "discount": 0}],
                 tenders=[{"method": "card", "amount": 64500}]),
            sale("CARD", sold_at=recent, receipt_discount=0,
                 lines=[{"line": 1, "sku": "GIFT100", "policy_class": "non_returnable", "qty": 1,
                         "unit_price": 10000, "discount": 0}], tenders=[{"method": "cash", "amount": 10000}])]
    assert import_sales(jsonl(*rows), catalogue).ok
    monkeypatch.setenv("RETURNS_DESK_PIN", "1111")
    yield catalogue
    dispose_engines()


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_completed_return_prints_number_refund_tenders_and_points_as_json(counter, capsys):
    code, out, _ = run(capsys, "return", "--receipt", "R1", "--item", "1:1:changed_mind:unopened",
                       "--clerk", "clerk", "--json")
    assert code == 0
    body = json.loads(out)
    assert body["number"].startswith("RT") and body["status"] == "completed"
    assert body["refund_total"] == 416 and body["tenders"] == [{"method": "wechat", "amount": 416}]  # ⌊1250·1/3⌋
    assert body["points_reversed"] == 3 and body["lines"][0]["outcome"] == "refund"
    code, out, _ = run(capsys, "lookup", "R1", "--json")
    assert json.loads(out)["lines"][0]["returnable"] == 2


def test_dry_run_quotes_and_writes_nothing(counter, capsys):
    code, out, _ = run(capsys, "return", "--receipt", "R1", "--item", "1:3:changed_mind:unopened",
                       "--clerk", "clerk", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["refund_total"] == 1250
    _, out, _ = run(capsys, "lookup", "R1", "--json")
    assert json.loads(out)["lines"][0]["returned"] == 0


def test_needs_a_supervisor_exits_3_then_completes_with_one(counter, capsys, monkeypatch):
    args = ["return", "--receipt", "BIG", "--item", "1:5:quality_fault:opened", "--clerk", "clerk"]
    code, _, err = run(capsys, *args)
    assert code == 3 and "supervisor must approve" in err
    monkeypatch.setenv("RETURNS_DESK_SUPERVISOR_PIN", "2222")
    code, out, _ = run(capsys, *args, "--supervisor", "boss", "--override-reason", "quality_dispute", "--json")
    assert code == 0 and json.loads(out)["supervisor"] == "boss"


def test_refused_by_policy_exits_4(counter, capsys):
    code, _, err = run(capsys, "return", "--receipt", "CARD", "--item", "1:1:changed_mind:unopened", "--clerk", "clerk")
    assert code == 4 and "cannot be returned" in err


def test_other_errors_exit_1_with_one_line(counter, capsys, monkeypatch):
    code, _, err = run(capsys, "return", "--receipt", "NOPE", "--item", "1:1:changed_mind:unopened", "--clerk", "clerk")
    assert code == 1 and "No receipt NOPE" in err and len(err.strip().splitlines()) == 1
    monkeypatch.setenv("RETURNS_DESK_PIN", "9999")
    code, _, err = run(capsys, "return", "--receipt", "R1", "--item", "1:1:changed_mind:unopened", "--clerk", "clerk")
    assert code == 1 and "Wrong user name or PIN" in err


def test_pin_is_never_taken_from_the_command_line(counter, capsys, monkeypatch):
    monkeypatch.delenv("RETURNS_DESK_PIN")
    monkeypatch.setattr("sys.stdin", None)
    code, _, err = run(capsys, "return", "--receipt", "R1", "--item", "1:1:changed_mind:unopened", "--clerk", "clerk")
    assert code == 1 and "RETURNS_DESK_PIN" in err


def test_void_by_supervisor_gives_the_units_back(counter, capsys, monkeypatch):
    _, out, _ = run(capsys, "return", "--receipt", "R1", "--item", "1:2:changed_mind:unopened", "--clerk", "clerk",
                    "--json")
    number = json.loads(out)["number"]
    monkeypatch.setenv("RETURNS_DESK_SUPERVISOR_PIN", "2222")
    code, out, _ = run(capsys, "void", number, "--supervisor", "boss", "--clerk", "clerk", "--json")
    assert code == 0 and json.loads(out)["status"] == "voided"
    _, out, _ = run(capsys, "lookup", "R1", "--json")
    assert json.loads(out)["lines"][0]["returnable"] == 3


def test_a_supervisor_voids_alone_and_a_wrong_pin_is_audited_as_a_void(counter, capsys, monkeypatch):
    _, out, _ = run(capsys, "return", "--receipt", "R1", "--item", "1:1:changed_mind:unopened", "--clerk", "clerk",
                    "--json")
    number = json.loads(out)["number"]
    monkeypatch.setenv("RETURNS_DESK_SUPERVISOR_PIN", "9999")
    code, _, err = run(capsys, "--lang", "en", "void", number, "--supervisor", "boss")
    assert code == 1 and "Wrong user name or PIN" in err
    monkeypatch.setenv("RETURNS_DESK_SUPERVISOR_PIN", "2222")
    code, out, _ = run(capsys, "void", number, "--supervisor", "boss", "--json")
    assert code == 0 and json.loads(out)["status"] == "voided"
    with session_scope(counter, write=False) as s:
        actions = [a for (a,) in s.execute(text("SELECT action FROM audit_log ORDER BY id"))]
    assert "void_failed" in actions and "sign_in_failed" not in actions


def test_a_made_up_reason_and_more_than_returnable_exit_1_and_write_nothing(counter, capsys):
    code, _, err = run(capsys, "--lang", "en", "return", "--receipt", "R1", "--item", "1:1:whatever:unopened",
                       "--clerk", "clerk")
    assert code == 1 and "Unknown reason 'whatever'" in err
    for extra in ([], ["--dry-run"]):
        code, _, err = run(capsys, "--lang", "en", "return", "--receipt", "R1", "--item",
                           "1:4:changed_mind:unopened", "--clerk", "clerk", *extra)
        assert code == 1 and "at most 3 can be returned" in err
    _, out, _ = run(capsys, "lookup", "R1", "--json")
    assert json.loads(out)["lines"][0]["returnable"] == 3


def test_a_refusal_prints_each_lines_reason_as_json(counter, capsys):
    code, out, _ = run(capsys, "return", "--receipt", "CARD", "--item", "1:1:changed_mind:unopened",
                       "--clerk", "clerk", "--json")
    body = json.loads(out)
    assert code == 4 and body["status"] == "refused" and body["lines"][0]["outcome"] == "refused"
