"""What a clerk can read at 1366×768: whole product names, ten receipt lines without scrolling, plain wording."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.imports import import_products, import_sales
from app.ui.widgets.receipt_model import Col
from tests.gui.conftest import (
    APPLES,
    KETTLE,
    NOODLES,
    _line,
    _sale,
    approve,
    open_receipt,
    returns_in_db,
)
from tests.store import jsonl

LONG_NAME = "Master Kong Braised Beef Noodles 5-pack"
TOOTHBRUSH, SOYMILK, BIG_NOODLES = "6901234560015", "6901234560022", "6901234560039"
EXTRA_PRODUCTS = f"""sku,name_zh,name_en,category,policy_class,price,warranty_months,supplier
{TOOTHBRUSH},飞利浦 电动牙刷,Philips Electric Toothbrush,小家电,appliance,39900,24,飞利浦
{SOYMILK},九阳 豆浆机,Joyoung Soymilk Maker,小家电,appliance,59900,12,九阳
{BIG_NOODLES},康师傅红烧牛肉面 5连包,{LONG_NAME},方便食品,general,1290,0,康师傅
"""
SKUS = [BIG_NOODLES, TOOTHBRUSH, SOYMILK, NOODLES, KETTLE, APPLES]
PRICES = {BIG_NOODLES: 1290, TOOTHBRUSH: 39900, SOYMILK: 59900, NOODLES: 450, KETTLE: 12900, APPLES: 1280}


def twelve_line_receipt(shop, tmp_path) -> str:
    (tmp_path / "extra.csv").write_text(EXTRA_PRODUCTS, encoding="utf-8")
    assert import_products(tmp_path / "extra.csv", shop).ok
    lines = [_line(no, SKUS[(no - 1) % len(SKUS)], 1, PRICES[SKUS[(no - 1) % len(SKUS)]]) for no in range(1, 13)]
    paid = sum(line["unit_price"] for line in lines)
    assert import_sales(jsonl(_sale("R20261101-0012", 1, lines, [{"method": "card", "amount": paid}],
                                    member=None)), shop).ok
    return "R20261101-0012"


def test_long_english_names_are_whole_and_ten_lines_show_at_1366_by_768(qtbot, make_window, clock, shop, tmp_path):
    number = twelve_line_receipt(shop, tmp_path)
    window = make_window("en")
    window.resize(1366, 768)
    open_receipt(qtbot, window, clock, number)
    page = window.receipt_page
    table = page.table
    for key in (Qt.Key.Key_Space, Qt.Key.Key_R, Qt.Key.Key_C, Qt.Key.Key_Down, Qt.Key.Key_Space):
        qtbot.keyClick(table, key)  # picks fill the reason, condition and outcome columns
    qtbot.wait(10)
    metrics = table.fontMetrics()
    for row in range(page.lines.rowCount()):
        name = page.lines.data(page.lines.index(row, Col.ITEM))
        assert metrics.horizontalAdvance(name) + 8 <= table.columnWidth(Col.ITEM), name
    assert table.columnWidth(Col.ITEM) >= max(table.columnWidth(c) for c in range(Col.COUNT) if c != Col.ITEM)

    visible = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert visible >= 10, f"only {visible} receipt lines fit"
    # the quote stays readable: its totals are not cut off
    totals = page.quote_panel.total_label
    assert totals.isVisible() and totals.height() >= totals.sizeHint().height()
    assert page.quote_panel.height() >= page.quote_panel.minimumSizeHint().height()


def test_the_completed_return_names_people_and_the_store_credit_voucher_plainly(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0004")  # two noodles paid in cash
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.keyClicks(page.drawer, "0")  # an empty drawer: the refund becomes store credit
    qtbot.keyClick(page.table, Qt.Key.Key_O)  # and a supervisor is asked, so someone approves
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    approve(qtbot, window, "boss", "2222")
    [ret] = returns_in_db(shop)
    assert ret.status == "completed"
    facts = window.return_page.facts.text()
    assert "Clerk 店员 小王" in facts and "Approved by 主管 陈姐" in facts
    assert "Clerk clerk" not in facts and "boss" not in facts
    money = window.return_page.money.text()
    voucher = window.return_page.current.voucher_code
    assert voucher and f"Store-credit voucher {voucher}" in money
    assert money.count("Store credit") == 1  # the tender, said once


def test_the_window_fits_1366_wide_in_both_languages_whatever_the_longest_reason(qtbot, make_window, clock):
    """A combo sized to its longest entry once pushed the English window 76 px past the screen's edge."""
    for lang in ("en", "zh_CN"):
        window = make_window(lang)
        open_receipt(qtbot, window, clock, "R20261101-0001")
        assert window.minimumSizeHint().width() <= 1366, lang
        assert window.receipt_page.minimumSizeHint().width() <= 1366 - 24, lang
