"""`returns-desk complaint …` and `followup …`: the register and the call queue from the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from app.cli import main
from app.db import dispose_engines, session_scope
from app.services.imports import import_sales
from app.services.users import create_user
from tests.store import jsonl, sale


@pytest.fixture
def shop(catalogue, monkeypatch):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
    assert import_sales(jsonl(sale("R1", sold_at=(datetime.now(UTC) - timedelta(days=1)).isoformat())), catalogue).ok
    monkeypatch.setenv("RETURNS_DESK_PIN", "1111")
    yield catalogue
    dispose_engines()


def run(capsys, *args):
    code = main(list(args))
    return code, capsys.readouterr().out


def test_a_complaint_goes_new_note_resolve_reopen_and_its_call_is_recorded(shop, capsys):
    code, out = run(capsys, "complaint", "new", "面里有异物", "--related", "R1", "--call", "yes", "--user", "clerk",
                    "--json")
    assert code == 0
    number = json.loads(out)["number"]
    assert json.loads(out)["member"] == "M000123"
    assert run(capsys, "complaint", "note", number, "已致电", "--user", "clerk")[0] == 0
    code, out = run(capsys, "complaint", "resolve", number, "--category", "explained", "--resolution", "已解释",
                    "--user", "clerk", "--json")
    assert json.loads(out)["status"] == "resolved"
    code, out = run(capsys, "followup", "list", "--user", "clerk", "--json")
    [call] = json.loads(out)
    assert call["subject"] == number and call["phone"] == "138****5678"
    code, out = run(capsys, "followup", "record", str(call["id"]), "--outcome", "reached", "--solved", "no",
                    "--satisfaction", "fair", "--user", "clerk", "--json")
    assert json.loads(out)[0]["status"] == "done"
    code, out = run(capsys, "complaint", "list", "--user", "clerk", "--json")
    [again] = json.loads(out)
    assert again["number"] == number and again["contacts"] == 2 and again["status"] == "open"


def test_a_resolution_category_outside_the_list_is_refused_by_the_parser(shop, capsys):
    with pytest.raises(SystemExit):
        main(["complaint", "resolve", "TS1", "--category", "magic", "--resolution", "x", "--user", "clerk"])


def test_the_owner_sets_the_service_standards_and_a_clerk_may_only_read_them(shop, capsys, monkeypatch):
    with session_scope(shop) as s:
        create_user(s, "owner", "店长", "admin", "9999")
    code, out = run(capsys, "complaint", "standards", "--user", "clerk", "--json")
    assert code == 0 and json.loads(out)["respond_hours"] == 24
    assert main(["complaint", "standards", "--set", "service.respond_hours=12", "--user", "clerk"]) == 1
    monkeypatch.setenv("RETURNS_DESK_PIN", "9999")
    code, out = run(capsys, "complaint", "standards", "--set", "shop.open_days=123456", "--set",
                    "shop.holidays=2026-10-01,2026-10-02", "--user", "owner", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["open_days"] == "123456" and shown["holidays"] == ["2026-10-01", "2026-10-02"]
