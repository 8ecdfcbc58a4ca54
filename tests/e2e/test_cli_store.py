"""The command line as a shop owner uses it: demo shop, imports with exit codes, receipt look-up."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.commands.demo import SHOWCASE_ZH
from app.db import dispose_engines, init_database
from app.services.demo import create_demo_shop
from tests.store import MEMBERS_CSV, PRODUCTS_CSV, jsonl, sale, with_admin


@pytest.fixture
def db(tmp_path):
    yield str(tmp_path / "shop.sqlite")
    dispose_engines()


def test_demo_shop_prints_users_and_receipts_to_try(db, capsys):
    assert main(["--db", db, "demo", "--receipts", "60"]) == 0
    out = capsys.readouterr().out
    for user, pin in (("clerk", "1111"), ("supervisor", "222222"), ("admin", "999999")):
        assert user in out and pin in out
    assert all(words in out for words in SHOWCASE_ZH.values()), "each receipt to try is described in Chinese"
    receipt = out.split("可以试试这些小票：")[1].split()[0]
    assert main(["--db", db, "lookup", receipt, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["receipt"] == receipt and shown["lines"]


def test_db_and_lang_may_follow_the_subcommand(db, capsys):
    assert main(["demo", "--db", db, "--receipts", "30", "--lang", "en"]) == 0
    assert "Demo shop ready" in capsys.readouterr().out
    assert main(["lookup", "NOPE-1", "--db", db]) == 1
    assert main(["--lang", "en", "lookup", "NOPE-1", "--db", db]) == 1  # a --lang given first stays
    assert "No receipt NOPE-1" in capsys.readouterr().err
    assert (Path(db)).exists()


@pytest.mark.parametrize("hour", [0, 7, 13, 23])
def test_demo_shop_builds_at_any_hour_with_its_earlier_returns(tmp_path, hour):
    """The demo's earlier returns go through the real rules: one the rules refuse is skipped, not fatal."""
    when = datetime(2026, 11, 22, hour, 46, tzinfo=UTC)
    shop = create_demo_shop(f"sqlite:///{tmp_path / 'demo.sqlite'}", receipts=2000, now=when)
    assert shop.receipts == 2000 and shop.earlier_returns > 10
    dispose_engines()


def test_demo_refuses_a_database_that_already_holds_a_shop(db, capsys):
    assert main(["--db", db, "demo", "--receipts", "30"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "demo", "--receipts", "30"]) == 1
    assert "already holds data" in capsys.readouterr().err
    assert main(["--db", db, "lookup", "NOPE-1"]) == 1  # the shop is still there and readable


def test_the_database_variable_takes_a_plain_file_path(db, monkeypatch, capsys):
    monkeypatch.setenv("RETURNS_DESK_DB", db)
    assert main(["demo", "--receipts", "30"]) == 0
    assert Path(db).stat().st_size > 0


def test_import_commands_exit_non_zero_when_a_row_is_rejected(db, tmp_path, capsys, monkeypatch):
    init_database(f"sqlite:///{db}", create=True)  # as `setup` does: only it and `demo` make a database
    with_admin(f"sqlite:///{db}", monkeypatch)
    (tmp_path / "p.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    (tmp_path / "m.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    assert main(["--db", db, "import", "products", str(tmp_path / "p.csv"), "--user", "boss"]) == 0
    assert main(["--db", db, "import", "members", str(tmp_path / "m.csv"), "--user", "boss"]) == 0
    bad = sale("R2", tenders=[{"method": "cash", "amount": 1}])
    (tmp_path / "s.jsonl").write_text("\n".join(jsonl(sale("R1"), bad)) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "import", "sales", str(tmp_path / "s.jsonl"), "--user", "boss"]) == 1
    captured = capsys.readouterr()
    assert "1 imported" in captured.out and "1 rejected" in captured.out
    assert "line 2: tenders add up to ¥0.01 but the lines net ¥12.50" in captured.err
    assert main(["--db", db, "lookup", "r1"]) == 0  # typed in lower case still finds it
    assert "红烧牛肉面" in capsys.readouterr().out


def test_lookup_of_unknown_code_says_so_and_exits_1(db, capsys):
    init_database(f"sqlite:///{db}", create=True)
    assert main(["--db", db, "lookup", "NOPE-123"]) == 1
    err = capsys.readouterr().err
    assert "找不到小票 NOPE-123" in err and "No receipt NOPE-123" in err


def test_import_of_missing_file_is_a_clear_error(db, capsys):
    assert main(["--db", db, "import", "sales", "/no/such/file.jsonl"]) == 1
    assert "file not found" in capsys.readouterr().err


def test_every_listed_command_exists_and_a_missing_one_is_an_error_not_a_silent_gap(monkeypatch):
    from app import cli

    commands = cli.build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert "admin" not in commands and {"return", "void", "print", "demo"} <= set(commands)
    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "no_such_command"))
    with pytest.raises(ModuleNotFoundError, match="no_such_command"):
        cli.build_parser()
