"""`returns-desk repair …`, `coupon …` and `supplier claim` on a real database, PINs from the environment."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.db import dispose_engines, session_scope
from app.services.users import create_user


@pytest.fixture
def shop(catalogue, monkeypatch):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "1111")
    monkeypatch.setenv("RETURNS_DESK_PIN", "1111")
    yield catalogue
    dispose_engines()


def run(capsys, *args):
    code = main(list(args))
    return code, capsys.readouterr()


def test_a_walk_in_repair_from_the_command_line_to_collected_and_printed(shop, capsys, tmp_path):
    code, out = run(capsys, "repair", "new", "--sku", "6909876543212", "--fault", "不加热", "--serial", "SN-1",
                    "--user", "clerk", "--json")
    assert code == 0
    number = json.loads(out.out)["number"]
    assert run(capsys, "repair", "status", number, "--to", "back", "--outcome", "fixed", "--user", "clerk")[0] == 0
    assert run(capsys, "repair", "status", number, "--told", "--to", "collected", "--user", "clerk")[0] == 0
    code, out = run(capsys, "repair", "status", number, "--json")
    assert json.loads(out.out)["status"] == "collected"
    assert run(capsys, "repair", "list", "--overdue", "--json")[1].out.strip() == "[]"
    assert run(capsys, "repair", "print", number, "--out", str(tmp_path / "t"))[0] == 0
    assert (tmp_path / "t-repair.pdf").exists() and (tmp_path / "t-repair_tag.pdf").exists()


def test_a_coupon_from_issue_to_redeemed_and_checked_from_the_command_line(shop, capsys):
    from app.services import coupon_issue
    from app.services.users import sign_in

    sc = coupon_issue.goodwill(sign_in("boss", "1111", shop), kind="store_credit", value=1000, url=shop)
    code, out = run(capsys, "coupon", "redeem", sc.code, "--purchase", "400", "--user", "clerk", "--json")
    assert code == 0 and json.loads(out.out)["balance"] == 600
    code, out = run(capsys, "coupon", "check", sc.code, "--json")
    assert json.loads(out.out)["status"] == "issued" and json.loads(out.out)["balance"] == 600
    assert run(capsys, "coupon", "void", sc.code, "--user", "clerk")[0] != 0     # clerks do not void
    assert run(capsys, "coupon", "void", sc.code, "--user", "boss")[0] == 0
    wrong = sc.code[:-1] + str((int(sc.code[-1]) + 1) % 10)
    code, out = run(capsys, "coupon", "check", wrong)
    assert code != 0 and "校验位" in out.err
