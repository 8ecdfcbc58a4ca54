"""The return page takes the terminal's refund reference and resends kept papers; the owner picks the printers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.db import session_scope
from app.services import machine, print_jobs, printouts, returns
from app.services.machine import PrinterChoice
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from app.ui.dialogs.printers import PrintersDialog


def _wechat_return(shop):
    clerk = sign_in("clerk", "1111", shop)
    return returns.complete(ReturnRequest("R20261101-0001", (ReturnItem(1, 1, "changed_mind", "unopened"),)), clerk)


def test_a_wechat_refund_waits_for_the_terminals_reference_scanned_then_confirmed_with_f11(qtbot, make_window, shop):
    window = make_window()
    done = _wechat_return(shop)
    page = window.return_page
    window.show_page(page)
    page.open_return(done)
    assert page.pending_tender() == "wechat" and not page.reference.isHidden()
    assert not page.reference.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert page.accept_scan("4200001234567890")          # a scanned terminal slip fills the field, no more
    assert returns.pending_refunds(shop) != []
    page.confirm_button.click()
    assert returns.pending_refunds(shop) == [] and page.pending_tender() == "" and page.reference.isHidden()


def test_a_kept_slip_is_printed_again_from_the_return_page(qtbot, make_window, shop, tmp_path):
    with session_scope(shop) as s:
        create_user(s, "owner", "店长", "admin", "9999")
    rec = tmp_path / "roll"
    rec.mkdir()
    (rec / "OFFLINE").write_text("")
    machine.set_printer(sign_in("owner", "9999", shop), PrinterChoice("roll", "record", str(rec)))
    window = make_window()
    done = _wechat_return(shop)
    kept = print_jobs.submit(printouts.for_return(done.number, "zh_CN").printouts[0])
    assert kept.kept
    page = window.return_page
    window.show_page(page)
    page.open_return(done)
    assert not page.resend_button.isHidden()
    page.resend_button.click()
    assert print_jobs.pending() and "脱机" in window.status.text()
    (rec / "OFFLINE").unlink()
    page.resend_button.click()
    assert print_jobs.pending() == [] and page.resend_button.isHidden()
    assert len(list(rec.glob("*.pdf"))) == 1


def test_the_owner_chooses_this_tills_printers_once_and_a_clerk_is_refused(qtbot, shop):
    with session_scope(shop) as s:
        create_user(s, "owner", "店长", "admin", "9999")
    clerk_dialog = PrintersDialog(sign_in("clerk", "1111", shop))
    qtbot.addWidget(clerk_dialog)
    clerk_dialog.boxes[0].backend.setCurrentText("escpos")
    clerk_dialog.boxes[0].connection.setText("network:192.168.1.50:9100")
    clerk_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "owner" in clerk_dialog.message.text() or "店长" in clerk_dialog.message.text()
    assert not machine.machine_path().exists()
    dialog = PrintersDialog(sign_in("owner", "9999", shop))
    qtbot.addWidget(dialog)
    roll, sheet = dialog.boxes
    roll.backend.setCurrentText("escpos")
    roll.connection.setText("network:192.168.1.50:9100")
    roll.shop_copy.setChecked(True)
    sheet.name.setCurrentText("Office-A4")
    sheet.paper.setCurrentText("a5")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    chosen = machine.printers()
    assert chosen["roll"].backend == "escpos" and chosen["roll"].connection == "network:192.168.1.50:9100"
    assert chosen["roll"].shop_copy and (chosen["sheet"].name, chosen["sheet"].paper) == ("Office-A4", "a5")
    again = PrintersDialog(sign_in("owner", "9999", shop))   # read back from this machine's file
    qtbot.addWidget(again)
    assert again.boxes[0].connection.text() == "network:192.168.1.50:9100"


def test_completing_sends_every_paper_to_this_tills_roll_printer_and_a_failure_shows_at_once(
        qtbot, make_window, clock, shop, tmp_path):
    """The counter's own send (print_jobs.submit): slip, goodwill coupon and the shop copy ("shop_slip") on
    the roll, no dialog; with the printer offline the status line says so at once, the papers are kept and
    F3 on the return's page sends them once it is back."""
    import json

    from app.services.shop import set_settings
    from app.ui.shell.printing import submit_send
    from tests.gui.conftest import open_receipt

    with session_scope(shop) as s:
        create_user(s, "owner", "店长", "admin", "9999")
    set_settings({"print.shop_copy": "yes"}, shop)
    rec = tmp_path / "roll"
    machine.set_printer(sign_in("owner", "9999", shop), PrinterChoice("roll", "record", str(rec)))
    window = make_window()
    window.printer.send = submit_send          # not the tests' spool: the service, as the counter runs
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_R)   # a quality fault: a goodwill coupon too
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.printer.wait() and window.current_page() is window.return_page
    jobs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(rec.glob("*.json"))]
    assert [j["document"] for j in jobs] == ["slip", "shop_slip", "coupon"]   # in this order, each its own job
    assert [j["title"].split()[0] for j in jobs] == ["slip", "shop_slip", "coupon"]
    assert all(j["media"].startswith("Custom.80x") for j in jobs) and print_jobs.pending() == []

    (rec / "OFFLINE").write_text("")
    window.return_page.reprint()                # F7: the same papers again, to a printer now offline
    assert window.printer.wait()
    qtbot.waitUntil(lambda: window.status.kind == "error")
    assert "脱机" in window.status.text() and "F3" in window.status.text()
    kept = print_jobs.pending(window.return_page.current.number)
    assert kept and not window.return_page.resend_button.isHidden()
    (rec / "OFFLINE").unlink()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert print_jobs.pending() == [] and window.return_page.resend_button.isHidden()
