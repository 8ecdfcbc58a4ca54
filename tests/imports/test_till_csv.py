"""Till CSV exports through a column mapping: GB18030 with Chinese names, tabs, yuan, both example mappings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.errors import InvalidInput
from app.models import AuditEntry, Sale, SaleLine, SaleTender
from app.services.mapping import load_mapping
from app.services.till_import import detect_encoding, import_till_csv

MAPPINGS = Path(__file__).resolve().parents[2] / "resources" / "mappings"
HEADER = "小票号,销售时间,收银台,收银员,会员卡号,商品条码,商品名称,数量,单价,金额,支付方式"
CHINESE_ROWS = [
    "X001,2026-11-30 09:30:00,1,王芳,,6901234567892,康师傅红烧牛肉面,2,4.50,9.00,微信",
    "X001,2026-11-30 09:30:00,1,王芳,,6900000000014,红富士苹果,1,12.80,12.30,微信",
    "X002,2026-11-30 10:05:10,1,王芳,,6909876543212,美的电热水壶,1,129.00,129.00,现金",
]


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def stored(url):
    with session_scope(url, write=False) as s:
        sales = {x.receipt_no: (x.total, x.till, x.cashier, x.sold_at.isoformat()) for x in s.scalars(select(Sale))}
        lines = [(x.sku, x.name, x.qty, x.unit_price, x.discount, x.net)
                 for x in s.scalars(select(SaleLine).order_by(SaleLine.id))]
        tenders = [(x.method, x.amount) for x in s.scalars(select(SaleTender).order_by(SaleTender.id))]
    return sales, lines, tenders


def test_a_gb18030_export_with_chinese_names_and_yuan_amounts_imports(catalogue, tmp_path):
    csv_file = write(tmp_path / "明细.csv", "\r\n".join([HEADER, *CHINESE_ROWS]) + "\r\n", "gb18030")
    assert detect_encoding(csv_file) == "gb18030"
    report = import_till_csv(csv_file, load_mapping(MAPPINGS / "chinese_lines.toml"), catalogue)
    assert (report.imported, report.rejected) == (2, [])
    sales, lines, tenders = stored(catalogue)
    assert sales["X001"] == (2130, "1", "王芳", "2026-11-30T01:30:00+00:00")  # Beijing time stored as UTC
    assert lines[:2] == [("6901234567892", "康师傅红烧牛肉面", 2, 450, 0, 900),
                         ("6900000000014", "红富士苹果", 1, 1280, 50, 1230)]  # 金额 below 单价 is a discount
    assert tenders == [("wechat", 2130), ("cash", 12900)]
    again = import_till_csv(csv_file, load_mapping(MAPPINGS / "chinese_lines.toml"), catalogue)
    assert (again.imported, again.unchanged) == (0, 2)  # the same file twice changes nothing


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk"])
def test_the_encoding_is_detected_with_or_without_a_bom(catalogue, tmp_path, encoding):
    csv_file = write(tmp_path / "x.csv", "\n".join([HEADER, *CHINESE_ROWS]) + "\n", encoding)
    report = import_till_csv(csv_file, load_mapping(MAPPINGS / "chinese_lines.toml"), catalogue)
    assert (report.imported, report.rejected) == (2, [])
    assert stored(catalogue)[1][0][1] == "康师傅红烧牛肉面"


def test_semicolons_are_sniffed(catalogue, tmp_path):
    text = "\n".join(x.replace(",", ";") for x in [HEADER, *CHINESE_ROWS])
    report = import_till_csv(write(tmp_path / "x.csv", text, "utf-8-sig"),
                             load_mapping(MAPPINGS / "chinese_lines.toml"), catalogue)
    assert report.imported == 2


def test_the_tab_separated_english_example_with_fen_and_two_tenders(catalogue, tmp_path):
    rows = ["Receipt\tTime\tRegister\tOperator\tBarcode\tDescription\tQty\tPrice\tLineDiscount\tPayType\tPaidAmount",
            "T1-0001\t2026-11-30T09:30:00+08:00\tT1\tlin\t6901234567892\tNoodles\t2\t450\t0\tCASH\t500",
            "T1-0001\t2026-11-30T09:30:00+08:00\tT1\tlin\t6900000000014\tApples\t1\t1280\t80\tWECHAT\t1600"]
    report = import_till_csv(write(tmp_path / "t.tsv", "\n".join(rows), "utf-8"),
                             load_mapping(MAPPINGS / "english_tab.toml"), catalogue)
    assert (report.imported, report.rejected) == (1, [])
    sales, lines, tenders = stored(catalogue)
    assert sales["T1-0001"][:3] == (2100, "T1", "lin")
    assert [x[4:] for x in lines] == [(0, 900), (80, 1200)]
    assert tenders == [("cash", 500), ("wechat", 1600)]


def test_bad_rows_are_rejected_with_their_csv_row_and_the_rest_imports(catalogue, tmp_path):
    rows = [HEADER, CHINESE_ROWS[0], "X009,2026-11-30 11:00:00,1,王芳,,6901234567892,面,2,4.505,9.01,现金",
            "X010,昨天,1,王芳,,6901234567892,面,1,4.50,4.50,现金",
            "X011,2026-11-30 11:00:00,1,王芳,,6901234567892,面,1,4.50,4.50,比特币", CHINESE_ROWS[2]]
    report = import_till_csv(write(tmp_path / "x.csv", "\n".join(rows), "gb18030"),
                             load_mapping(MAPPINGS / "chinese_lines.toml"), catalogue)
    assert report.imported == 2
    reasons = {r.line_no: r.reason_zh for r in report.rejected}
    assert set(reasons) == {3, 4, 5}
    assert "4.505" in reasons[3] and "昨天" in reasons[4] and "比特币" in reasons[5]


def test_a_file_without_a_mapped_column_is_refused_by_name(catalogue, tmp_path):
    csv_file = write(tmp_path / "x.csv", "小票号,数量\nX1,1\n", "utf-8")
    with pytest.raises(InvalidInput) as err:
        import_till_csv(csv_file, load_mapping(MAPPINGS / "chinese_lines.toml"), catalogue)
    assert "商品条码" in err.value.zh and "商品条码" in err.value.en


def test_a_mapping_naming_an_unknown_method_is_refused(tmp_path):
    bad = tmp_path / "m.toml"
    bad.write_text('[sale]\nreceipt="a"\nsold_at="b"\n[line]\nsku="c"\nqty="d"\nunit_price="e"\n'
                   '[tender]\nmethod="f"\n[tender.methods]\n"花呗"="huabei"\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_mapping(bad)
    assert "huabei" in err.value.zh and "huabei" in err.value.en


def test_both_example_mappings_load():
    names = sorted(p.name for p in MAPPINGS.glob("*.toml"))
    assert names == ["chinese_lines.toml", "english_tab.toml"]
    assert load_mapping(MAPPINGS / "english_tab.toml").delimiter == "\t"
    assert load_mapping(MAPPINGS / "chinese_lines.toml").amounts == "yuan"


def test_a_bad_value_names_its_row_and_column_and_a_mixed_encoding_row_is_refused_alone(catalogue, tmp_path):
    second = CHINESE_ROWS[1].replace("12.80", "十二块")  # row 3 of the file, the second line of receipt X001
    body = "\n".join([HEADER, CHINESE_ROWS[0], second, CHINESE_ROWS[2]]).encode("gb18030")
    odd = "\nX003,2026-11-30 11:00:00,1,王芳,,6901234567892,".encode() + "面".encode() + b",1,4.50,4.50,\xff\n"
    csv_file = tmp_path / "mixed.csv"
    csv_file.write_bytes(body + odd)
    gb = tmp_path / "gb.toml"  # the encoding named, as when detection was right for the start of a long file
    gb.write_text((MAPPINGS / "chinese_lines.toml").read_text(encoding="utf-8").replace(
        'encoding = "auto"', 'encoding = "gb18030"'), encoding="utf-8")
    report = import_till_csv(csv_file, load_mapping(gb), catalogue)
    assert report.imported == 1 and stored(catalogue)[0].keys() == {"X002"}  # X001 is refused whole
    reasons = {r.line_no: (r.reason_zh, r.reason_en) for r in report.rejected}
    assert set(reasons) == {2, 5}
    assert "第 3 行" in reasons[2][0] and "单价" in reasons[2][0] and "十二块" in reasons[2][0]
    assert "row 3" in reasons[2][1] and "单价" in reasons[2][1]
    assert "encoding" in reasons[5][1]


def test_the_command_line_import_of_a_till_csv_needs_an_admin_and_is_audited(catalogue, tmp_path, monkeypatch,
                                                                           capsys):
    from app.cli import main
    from tests.store import with_admin

    csv_file = write(tmp_path / "明细.csv", "\n".join([HEADER, *CHINESE_ROWS]), "gb18030")
    args = ["--db", catalogue, "import", "sales", str(csv_file), "--mapping", str(MAPPINGS / "chinese_lines.toml")]
    assert main(args) != 0 and "--user" in capsys.readouterr().err
    with_admin(catalogue, monkeypatch)
    assert main([*args, "--user", "boss"]) == 0
    assert "导入 2 条" in capsys.readouterr().out
    with session_scope(catalogue, write=False) as s:
        done = [e.detail for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "import_done"))]
    assert len(done) == 1 and '"mapping": "chinese_lines.toml"' in done[0] and '"imported": 2' in done[0]
