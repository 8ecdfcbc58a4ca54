"""`returns-desk report NAME`: the page's numbers as text, JSON, CSV and PDF; owner or supervisor only."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.db import dispose_engines
from tests.printing.pdfcheck import text as pdf_text
from tests.services.reports import history

NOVEMBER = ("--from", "2026-11-01", "--to", "2026-11-30")


@pytest.fixture
def shop(catalogue, tmp_path, monkeypatch):
    built = history.build(catalogue, tmp_path)
    monkeypatch.setenv("RETURNS_DESK_PIN", "999999")
    yield built
    dispose_engines()


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_same_figures_as_the_service(shop, capsys):
    code, out, _ = run(capsys, "--db", shop.url, "report", "loyalty", *NOVEMBER, "--json", "--user", "owner")
    assert code == 0
    got = json.loads(out)
    # M000123 and M000128 (refused as a whole, then back) of the three served
    assert got["figures"]["repurchase_served"] == {"num": 2, "den": 3, "value": 2 / 3}
    assert got["tables"]["won_back"][0]["clerk"]["id"] == "li" and got["tables"]["won_back"][0]["spent"] == 4500


def test_csv_and_pdf_files_and_the_text_table(shop, capsys, tmp_path):
    code, out, _ = run(capsys, "--db", shop.url, "report", "money", *NOVEMBER, "--csv", str(tmp_path / "m.csv"),
                       "--user", "owner")
    assert code == 0 and (tmp_path / "m.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "退款合计,34.80" in (tmp_path / "m.csv").read_text(encoding="utf-8-sig")
    code, out, _ = run(capsys, "--db", shop.url, "--lang", "en", "report", "returns", *NOVEMBER, "--pdf",
                       str(tmp_path / "r.pdf"), "--user", "owner")
    assert code == 0 and "Return rate (units)".lower() in pdf_text((tmp_path / "r.pdf").read_bytes()).lower()
    code, out, _ = run(capsys, "--db", shop.url, "--lang", "en", "report", "staff", *NOVEMBER, "--user", "owner")
    assert code == 0 and "小李\tclerk\t3" in out


def test_the_returns_behind_a_row_and_bad_input(shop, capsys, monkeypatch):
    code, out, _ = run(capsys, "--db", shop.url, "report", "returns", *NOVEMBER, "--drill", "reason", "wrong_item",
                       "--user", "owner")
    assert code == 0 and out.count("\n") == 1 and "wrong_item" in out
    code, out, _ = run(capsys, "--db", shop.url, "report", "staff", *NOVEMBER, "--drill", "complaint_owner", "li",
                       "--user", "owner")
    assert code == 0 and out.split("\t")[:3] == [shop.ts1, "resolved", "李强 139****1111"] and "on time" in out
    code, _, err = run(capsys, "--db", shop.url, "report", "returns", "--from", "2026-11-31", "--to", "2026-12-01",
                       "--user", "owner")
    assert code == 2 and "--from" in err
    monkeypatch.setenv("RETURNS_DESK_PIN", "1111")
    code, _, err = run(capsys, "--db", shop.url, "report", "returns", *NOVEMBER, "--user", "li")
    assert code != 0 and "Only the owner or a supervisor" in err
