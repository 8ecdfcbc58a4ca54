"""An exception nobody caught, even one raised inside a slot, is logged with its traceback and shown as
"internal error, nothing was saved" in the clerk's language; the window keeps working."""

from __future__ import annotations

import logging
import sys

import pytest

from app.errors import INTERNAL_ERROR
from app.ui import fmt
from app.ui.shell.excepthook import install_exception_hook
from tests.gui.conftest import open_receipt, scan


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_says_nothing_was_saved_and_the_window_still_works(
        qtbot, make_window, clock, shop, monkeypatch, caplog):
    window = make_window("en")
    previous = install_exception_hook(window.status.show_error)
    try:
        def broken(_when: object) -> str:
            raise RuntimeError("a bug while showing the receipt")

        shop_time = fmt.shop_time
        monkeypatch.setattr(fmt, "shop_time", broken)  # the receipt header calls it inside the scan's slot
        with caplog.at_level(logging.ERROR, logger="returns_desk.ui"):
            scan(qtbot, window.scan, "R20261101-0001", clock)
        monkeypatch.setattr(fmt, "shop_time", shop_time)  # the bug is gone again
        assert window.status.kind == "error"
        assert window.status.text() == INTERNAL_ERROR.message("en")
        [record] = [r for r in caplog.records if r.exc_info]
        assert record.exc_info[0] is RuntimeError and "a bug while showing the receipt" in caplog.text
        assert "Traceback" in caplog.text and "render_header" in caplog.text

        window.language_actions["zh_CN"].trigger()  # the same message, in the other language
        assert window.status.text() == INTERNAL_ERROR.message("zh_CN")

        open_receipt(qtbot, window, clock, "R20261101-0004")  # a scan still opens a receipt
        assert window.status.kind != "error"
    finally:
        sys.excepthook = previous
