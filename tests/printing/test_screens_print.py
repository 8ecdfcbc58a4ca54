"""Printing from the screens: the document's own paper at 1:1, the shop copy, the Print menu, the paper
setting (the owner's alone, checked by the service) and `returns-desk settings paper`."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.cli import main
from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import AuditEntry
from app.printing import PAPERS, render_end_of_day, render_return_slip, samples
from app.services import printouts
from app.services import shop as shop_settings
from app.services.printouts import Printout
from app.services.users import create_user, list_users
from app.services.views import UserView
from app.ui.dialogs.preview import PreviewDialog
from tests.gui.conftest import (  # noqa: F401
    clock,
    make_window,
    open_receipt,
    returns_in_db,
    shop,
    sign_in_as,
    spool,
)
from tests.printing import pdfcheck


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in
            re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)]


def print_through_qt(dialog: PreviewDialog, out, resolution: int | None) -> bytes:
    """What Print does once the system dialog is accepted, with a PDF file standing in for the printer."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    if resolution:
        printer.setResolution(resolution)
    dialog._printer = printer
    dialog._print_to_printer()
    return out.read_bytes()


@pytest.mark.parametrize("paper,resolution", [("80mm", 203), ("58mm", 203), ("80mm", None), ("a5", 203)])
def test_printing_from_the_preview_keeps_the_documents_paper_and_scale(qapp, tmp_path, paper, resolution):
    """An 80 mm slip once came out ~115 mm wide, fitted to the printer's page: now 1:1 on its own paper."""
    pdf = render_return_slip(samples.slip(), samples.SHOP, paper)
    dialog = PreviewDialog([Printout("slip", "RT2611220001", pdf)])
    printed = print_through_qt(dialog, tmp_path / "printed.pdf", resolution)
    [(width, height)] = media_boxes(printed)[:1]
    doc_w, doc_h = media_boxes(pdf)[0]
    assert abs(width - PAPERS[paper].width) < 1.0 and abs(width - doc_w) < 1.0   # Qt rounds to whole points
    assert abs(height - doc_h) < 1.0
    assert len(media_boxes(printed)) == len(media_boxes(pdf))
    ours, theirs = pdfcheck.rasterise(pdf)[0], pdfcheck.rasterise(printed)[0]
    assert pdfcheck.barcodes(theirs) == ["RT2611220001"]
    # nothing was scaled or moved: the ink starts and ends where the document has it (±2 dots)
    for a, b in zip(pdfcheck.ink_columns(ours), pdfcheck.ink_columns(theirs), strict=True):
        assert abs(a - b) <= 2, (pdfcheck.ink_columns(ours), pdfcheck.ink_columns(theirs))
    dialog.close()


def test_a_multi_page_report_prints_every_page_on_a4(qapp, tmp_path):
    pdf = render_end_of_day(samples.end_of_day(40), samples.SHOP, "a4", "en")
    dialog = PreviewDialog([Printout("eod", "2026-11-22", pdf)])
    printed = print_through_qt(dialog, tmp_path / "eod.pdf", 150)
    boxes = media_boxes(printed)
    assert len(boxes) == len(media_boxes(pdf)) >= 2
    assert all(abs(w - PAPERS["a4"].width) < 1 and abs(h - PAPERS["a4"].height) < 1 for w, h in boxes)
    dialog.close()


def complete_a_return(qtbot, window, clock) -> PreviewDialog:  # noqa: F811
    """F9 completes (the papers print at once, no dialog); F8 on the return's page previews them."""
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.current_page() is window.return_page
    qtbot.keyClick(window, Qt.Key.Key_F8)
    return window.preview


def test_the_shop_copy_can_be_shown_saved_and_printed(qtbot, make_window, clock, shop, tmp_path):  # noqa: F811
    window = make_window()
    preview = complete_a_return(qtbot, window, clock)
    [ret] = returns_in_db(shop)
    assert preview.printouts[0].key == "slip" and not preview.shop_copy_button.isHidden()
    customer = pdfcheck.text(preview.current_pdf())
    assert "顾客联" in customer and "顾客签名" not in customer
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)        # a shortcut works in the active window
    qtbot.keyClick(preview, Qt.Key.Key_F4)
    assert preview.shop_copy_button.isChecked()
    shop_copy = preview.current_pdf()
    assert "存根联" in pdfcheck.text(shop_copy) and "顾客签名" in pdfcheck.text(shop_copy)
    assert pdfcheck.barcodes(pdfcheck.rasterise(shop_copy)[0]) == [ret.number]
    assert "存根联" in preview.tabs.tabText(0)
    assert preview.save_to(tmp_path / "shop.pdf").read_bytes() == shop_copy
    printed = print_through_qt(preview, tmp_path / "printed.pdf", 203)
    assert abs(media_boxes(printed)[0][0] - PAPERS["80mm"].width) < 1
    preview.shop_copy_button.click()
    assert preview.current_pdf() == preview.printouts[0].pdf


def test_end_of_day_and_policy_notice_open_from_the_print_menu(qtbot, make_window, clock, shop):  # noqa: F811
    window = make_window("en")
    complete_a_return(qtbot, window, clock).close()
    [ret] = returns_in_db(shop)
    window.print_menu.eod_action.trigger()
    [report] = window.preview.printouts
    assert report.key == "eod" and window.preview.isVisible()
    words = " ".join(pdfcheck.text(report.pdf).split())
    assert "END-OF-DAY REPORT" in words and ret.number in words
    assert abs(media_boxes(report.pdf)[0][0] - PAPERS["80mm"].width) < 1   # the shop's paper setting
    window.preview.close()
    window.print_menu.policy_action.trigger()
    [notice] = window.preview.printouts
    assert notice.key == "policy" and "RETURNS & EXCHANGES POLICY" in pdfcheck.text(notice.pdf)
    assert window.print_menu.title() == "&Print"
    window.switch_language("zh_CN")
    assert window.print_menu.paper_menu.title() == "打印纸"
    assert window.print_menu.eod_action.text() == "日结报表（今天）"


def test_only_the_owner_changes_the_paper_and_the_screens_follow_it(qtbot, make_window, clock, shop):  # noqa: F811
    with session_scope(shop) as s:
        create_user(s, "owner", "店长 刘总", "admin", "9999")
    window = make_window()
    menu = window.print_menu
    menu.refresh()
    assert menu.paper_actions["80mm"].isChecked() and not menu.paper_actions["58mm"].isEnabled()
    menu.choose_paper("58mm")                     # a clerk gets there somehow: the service says no
    assert window.status.kind == "error" and "店长" in window.status.text()
    assert shop_settings.paper() == "80mm"

    window.lock()
    sign_in_as(qtbot, window, "owner", "9999")
    menu.refresh()
    assert menu.paper_actions["58mm"].isEnabled()
    menu.paper_actions["58mm"].trigger()
    assert shop_settings.paper() == "58mm" and menu.paper_actions["58mm"].isChecked()
    assert window.status.kind == "success"
    preview = complete_a_return(qtbot, window, clock)
    assert abs(media_boxes(preview.printouts[0].pdf)[0][0] - PAPERS["58mm"].width) < 1
    assert abs(media_boxes(printouts.end_of_day(None, "zh_CN").pdf)[0][0] - PAPERS["58mm"].width) < 1


# ---- the service and the command -----------------------------------------------------------------------
@pytest.fixture
def people(db_url):
    with session_scope(db_url) as s:
        for name, role in (("clerk", "clerk"), ("boss", "supervisor"), ("owner", "admin")):
            create_user(s, name, name, role, "1234")
    return {u.username: u for u in list_users(db_url)}


def test_set_paper_denies_by_default(db_url, people):
    for user in (None, people["clerk"], people["boss"],
                 UserView(people["clerk"].id, "clerk", "clerk", "admin")):   # a view claiming more than the DB
        with pytest.raises(NotAllowed):
            shop_settings.set_paper(user, "a4", db_url)
    assert shop_settings.paper(db_url) == "80mm"
    with pytest.raises(InvalidInput):
        shop_settings.set_paper(people["owner"], "b5", db_url)
    assert shop_settings.set_paper(people["owner"], "A5", db_url) == "a5"
    assert shop_settings.paper(db_url) == "a5"
    with session_scope(db_url, write=False) as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "setting_changed"))
        assert entry.user_id == people["owner"].id and '"after": "a5"' in entry.detail


def test_settings_paper_command(db_url, people, monkeypatch, capsys):
    assert main(["--db", db_url, "settings", "paper"]) == 0
    assert capsys.readouterr().out.strip() == "80mm"
    assert main(["--db", db_url, "settings", "paper", "a4"]) == 1       # nobody signed in
    monkeypatch.setenv("RETURNS_DESK_PIN", "1234")
    assert main(["--db", db_url, "settings", "paper", "a4", "--user", "clerk"]) == 1
    assert "店长" in capsys.readouterr().err
    assert main(["--db", db_url, "--lang", "en", "settings", "paper", "A4", "--user", "owner"]) == 0
    assert "a4" in capsys.readouterr().out
    assert shop_settings.paper(db_url) == "a4"
