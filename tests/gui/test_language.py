"""Chinese by default, English from the menu: the window retranslates live and prints in its language."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt

from app import i18n
from scripts.build_translations import build, translations_dir
from tests.gui.conftest import returns_in_db, scan
from tests.printing.pdfcheck import barcodes, rasterise, text


def test_switching_language_retranslates_the_open_receipt_and_the_slip_stays_the_shops(qtbot, make_window, clock,
                                                                                      shop, spool):
    window = make_window("zh_CN")
    scan(qtbot, window.scan, "R20261101-0001", clock)
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert page.complete_button.text() == "完成 (F9)"
    assert "退款" in page.quote_panel.lines_label.text()
    assert page.lines.headerData(2, Qt.Orientation.Horizontal) == "售出"
    assert "售后服务台" in window.windowTitle() and "幸福路测试店" in window.windowTitle()

    window.language_actions["en"].trigger()
    assert i18n.current_language() == "en"
    assert page.complete_button.text() == "Complete (F9)"
    assert page.lines.headerData(2, Qt.Orientation.Horizontal) == "Sold"
    assert "Beef Noodles" in page.quote_panel.lines_label.text()  # product names follow the language too
    assert "change-of-mind" in page.quote_panel.lines_label.text()  # the engine's English explanation
    assert window.windowTitle().endswith("Returns Desk")
    assert window.counter_menu.title() == "&Counter"

    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    [ret] = returns_in_db(shop)
    assert window.printer.wait()
    slip = spool.jobs[0]["pdf"]
    words = text(slip)
    # the customer's slip speaks the shop's paper language (bilingual by default), not the clerk's screen's
    assert ret.number in words and "RETURN SLIP" in words and "退货单" in words
    assert ret.number in barcodes(rasterise(slip)[0])
    assert window.status.text().startswith(f"Return {ret.number} completed")

    window.language_actions["zh_CN"].trigger()
    assert window.return_page.reprint_button.text() == "重新打印 (F7)"   # one word for reprint, as on the code page
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.preview.print_button.text() == "打印 (Ctrl+P)"


def test_a_shop_that_prints_english_gets_english_slips_on_a_chinese_screen(qtbot, make_window, clock, shop, spool):
    from app.services.shop import set_settings

    set_settings({"print.language": "en", "print.shop_copy": "yes"}, shop)
    window = make_window("zh_CN")
    scan(qtbot, window.scan, "R20261101-0001", clock)
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.printer.wait() and spool.keys() == ["slip", "shop_slip"]   # the shop asked for its copy
    words = text(spool.jobs[0]["pdf"])
    assert "RETURN SLIP" in words and "退货单" not in words


def test_the_chosen_language_is_remembered_on_this_machine(qtbot, make_window, machine_settings):
    from app.ui import translation

    window = make_window("zh_CN")
    assert translation.remembered_language("zh_CN") == "zh_CN"
    window.language_actions["en"].trigger()
    assert translation.remembered_language("zh_CN") == "en"   # the next start opens in English
    window.language_actions["zh_CN"].trigger()
    assert translation.remembered_language("en") == "zh_CN"
    assert list(machine_settings.rglob("*.conf"))   # kept in this machine's settings, not the shop's database


def translated(ts_files) -> dict[tuple[str, str], str]:
    """(context, source) → translation over every room's .ts file."""
    done = {}
    for ts in ts_files:
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.find("name").text
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation.get("type") != "unfinished" and (translation.text or "").strip():
                    done[(name, message.find("source").text)] = translation.text
    return done


def test_every_screen_string_has_a_chinese_translation(tmp_path):
    """The shipped .ts files (the main one and each room's) cover every string of the code."""
    fresh = tmp_path / "all_zh_CN.ts"
    ui = sorted(str(p) for p in (translations_dir().parent.parent / "app" / "ui").rglob("*.py"))
    from scripts.build_translations import lrelease

    lupdate = lrelease().replace("lrelease", "lupdate")
    subprocess.run([lupdate, *ui, "-ts", str(fresh), "-no-obsolete", "-silent"], check=True, capture_output=True)
    done = translated(sorted(translations_dir().glob("*_zh_CN.ts")))
    missing = []
    for context in ET.parse(fresh).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            if (name, message.find("source").text) not in done:
                missing.append(f"{name}: {message.find('source').text}")
    assert missing == []


def test_translations_build_is_a_no_op_when_up_to_date():
    build()
    assert build() == []
    assert (translations_dir() / "returns_desk_zh_CN.qm").exists()
