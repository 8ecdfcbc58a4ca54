"""Issue 11's "bad input that still crashes": each one now a clear message naming the row and field, nothing else changed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import session_scope
from app.errors import InvalidInput
from app.models import Sale, SaleLine, SaleTender
from app.services.imports import ImportStopped, import_sales, read_lines
from app.services.lookup import find, find_receipt
from tests.store import jsonl, sale


def counts(url):
    with session_scope(url, write=False) as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Sale, SaleLine, SaleTender))


def rejected_reason(url, row) -> tuple[int, str, str]:
    report = import_sales(jsonl(row), url)
    assert report.imported == 0 and len(report.rejected) == 1, report
    r = report.rejected[0]
    return r.line_no, r.reason_zh, r.reason_en


def line(**overrides):
    base = {"line": 1, "sku": "6901234567892", "qty": 3, "unit_price": 450, "discount": 0}
    return [base | overrides]


def test_a_byte_that_is_not_utf8_in_an_argument_is_named_not_a_traceback(tmp_path, capsys):
    arg = b"R1\xff".decode("utf-8", "surrogateescape")  # what Python makes of `lookup $'R1\xff'`
    assert main(["--db", str(tmp_path / "x.sqlite"), "lookup", arg]) == 2
    err = capsys.readouterr().err
    assert "第 4 个参数" in err and "argument 4" in err and "not UTF-8" in err and "\\xff" in err
    assert not (tmp_path / "x.sqlite").exists(), "nothing was opened or created"


def test_a_superscript_digit_never_opens_another_receipt(catalogue, capsys):
    assert import_sales(jsonl(sale("HX00000002")), catalogue).ok
    for look in (find, find_receipt):
        with pytest.raises(InvalidInput) as refused:
            look("HX0000000²", catalogue)
        assert "HX0000000²" in refused.value.zh and "not valid" in refused.value.en
    assert find_receipt("ｈｘ０００００００２", catalogue).receipt_no == "HX00000002", "full-width still folds"
    assert main(["--db", catalogue, "--lang", "en", "lookup", "HX0000000²"]) == 2
    assert "HX00000002" not in capsys.readouterr().out


def test_a_superscript_digit_as_a_line_or_quantity_is_a_clear_refusal():
    from app.commands.counter import _whole

    for text in ("²", "１", "99999999999999999999", "-1", "1.5"):
        with pytest.raises(InvalidInput, match="whole number"):
            _whole(text, "QTY")
    assert _whole("12", "QTY") == 12


@pytest.mark.parametrize(("overrides", "field"), [
    ({"lines": line(qty=10**30)}, "lines[0].qty"),
    ({"lines": line(qty=10_000)}, "lines[0].qty"),
    ({"lines": line(unit_price=10**20)}, "lines[0].unit_price"),
    ({"lines": line(qty=2, unit_price=600_000_000)}, "lines[0]: the line comes to"),
    ({"lines": line(warranty_months=10**12)}, "lines[0].warranty_months"),
    ({"lines": line(warranty_months=121)}, "lines[0].warranty_months"),
    ({"points_earned": 10**40}, "points_earned"),
    ({"tenders": [{"method": "wechat", "amount": 10**25}]}, "tenders[0].amount"),
    ({"receipt_discount": -5}, "receipt_discount"),
])
def test_huge_or_negative_numbers_name_their_field(catalogue, overrides, field):
    before = counts(catalogue)
    _n, zh, en = rejected_reason(catalogue, sale(**overrides))
    assert field in en and (field in zh or "¥" in zh)
    assert counts(catalogue) == before


def test_a_number_of_five_thousand_digits_or_deep_nesting_is_a_rejected_row(catalogue):
    text = json.dumps(sale()).replace('"points_earned": 12', '"points_earned": ' + "9" * 5000)
    deep = "[" * 5000 + "]" * 5000
    report = import_sales([text, deep, json.dumps(sale("R2"))], catalogue)
    assert report.imported == 1 and [r.line_no for r in report.rejected] == [1, 2]


def test_one_bad_row_in_a_batch_of_a_thousand_loses_no_valid_row(catalogue):
    rows = [sale(f"B{n:04d}") for n in range(1000)]
    rows[500] = sale("B0500", lines=line(qty=10**30))
    rows[700] = sale("B0700", lines=line(warranty_months=10**12))
    report = import_sales(jsonl(*rows), catalogue)
    assert report.imported == 998 and [r.line_no for r in report.rejected] == [501, 701]


def test_a_byte_that_is_not_utf8_on_line_3001_rejects_that_line_only(catalogue, tmp_path):
    path = tmp_path / "sales.jsonl"
    good = [json.dumps(sale(f"U{n:05d}"), ensure_ascii=False).encode() for n in range(3010)]
    good[3000] = json.dumps(sale("U03000", cashier="收银员")).encode().replace(b"\\u6536", "收".encode("gbk"))
    path.write_bytes(b"\n".join(good) + b"\n")
    report = import_sales(read_lines(path), catalogue)
    assert report.imported == 3009
    assert [(r.line_no, "UTF-8" in r.reason_en, "GBK" in r.reason_zh) for r in report.rejected] == [(3001, True, True)]


def test_a_failure_after_committed_batches_says_truthfully_what_was_saved(catalogue):
    def lines():
        for n in range(1500):
            yield json.dumps(sale(f"P{n:04d}"))
        raise OSError("the USB stick was pulled out")

    with pytest.raises(ImportStopped) as stopped:
        import_sales(lines(), catalogue)
    assert "1000" in stopped.value.zh and "1000 sales before it were saved" in stopped.value.en
    assert "nothing was saved" not in str(stopped.value)
    assert counts(catalogue)[0] == 1000


def test_gbk_and_utf16_files_are_refused_naming_the_line(catalogue, tmp_path):
    gbk = tmp_path / "gbk.jsonl"
    gbk.write_bytes((json.dumps(sale("G1", cashier="王芳"), ensure_ascii=False) + "\n").encode("gbk"))
    report = import_sales(read_lines(gbk), catalogue)
    assert report.imported == 0 and report.rejected[0].line_no == 1 and "UTF-8" in report.rejected[0].reason_en
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_text(json.dumps(sale("W1")) + "\n", encoding="utf-16")
    with pytest.raises(InvalidInput, match="line 1: the file is UTF-16"):
        import_sales(read_lines(utf16), catalogue)
    assert counts(catalogue) == (0, 0, 0)


@pytest.mark.parametrize(("overrides", "field"), [
    ({"till": "\ud800"}, "till"),
    ({"receipt": "R1\u0000"}, "receipt"),
    ({"receipt": "R1\x1b[2J"}, "receipt"),
    ({"receipt": "R1😀"}, "receipt"),
    ({"receipt": "R1²"}, "receipt"),
    ({"till": "T1\x1b[2J"}, "till"),
    ({"till": "T1😀"}, "till"),
    ({"till": "T1\u202e"}, "till"),
    ({"cashier": "c" * 100_000}, "cashier"),
    ({"lines": line(name="面\ud83d")}, "lines[0].name"),
    ({"lines": line(sku="6901234567892\x00")}, "lines[0].sku"),
    ({"lines": line(policy_class=["general"])}, "lines[0].policy_class"),
    ({"tenders": [{"method": ["cash"], "amount": 1250}]}, "tenders[0]"),
])
def test_control_characters_surrogates_emoji_and_lengths_are_refused(catalogue, overrides, field):
    _n, zh, en = rejected_reason(catalogue, sale(**overrides))
    assert field in en and field in zh
    assert "\x1b" not in en + zh and "\x00" not in en + zh, "the message never carries the raw escape"
    assert counts(catalogue) == (0, 0, 0)


def test_an_escaped_lone_surrogate_in_the_file_is_a_rejected_row(catalogue):
    text = json.dumps(sale()).replace('"T1"', '"\\udc80"')  # escaped in the JSON text itself
    report = import_sales([text], catalogue)
    assert report.imported == 0 and "till" in report.rejected[0].reason_en


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                                  "1999-12-31T23:00:00+08:00", "2099-01-01T00:00:00+08:00"])
def test_sales_dated_outside_the_window_are_refused(catalogue, when):
    _n, zh, en = rejected_reason(catalogue, sale(sold_at=when))
    assert "sold_at" in en and "2000" in zh


def test_receipt_numbers_differing_by_case_or_spaces_are_one_receipt(catalogue):
    same = jsonl(sale("R 1"), sale("r1"))
    first = import_sales(same, catalogue)
    again = import_sales(same, catalogue)
    assert (first.imported, first.unchanged, first.rejected) == (1, 1, [])
    assert (again.imported, again.unchanged, again.rejected) == (0, 2, [])
    changed = jsonl(sale("r 2"), sale("R2", till="T9"))
    assert [len(import_sales(changed, catalogue).rejected) for _ in range(2)] == [1, 1]


def test_cli_echoes_no_raw_escape_of_a_scanned_code(catalogue, capsys):
    assert main(["--db", catalogue, "lookup", "\x1b[2J\x1b[31mR1"]) == 2
    captured = capsys.readouterr()
    assert "\x1b" not in captured.err + captured.out and "\\u001b" in captured.err
