"""Issue 11 point 5: the window shows first; quick_check runs in the background and nothing can be done
(no sign-in, so nothing written) until it passes; a damaged file is said and the counter closes."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QMessageBox, QWidget

from app.services import startup
from app.ui.shell.db_check import check_in_background
from tests.services.test_startup_checks import damage, shop_file  # noqa: F401 — the fixture


def test_a_sound_file_opens_at_once_and_the_window_is_enabled_once_the_check_passed(shop_file, qtbot):  # noqa: F811
    later = startup.open_for_window(f"sqlite:///{shop_file}")
    assert later == shop_file                   # the check is left to the background
    window = QWidget()
    qtbot.addWidget(window)
    closed = []
    check_in_background(window, later, lambda: closed.append(True))
    assert not window.isEnabled()
    qtbot.waitUntil(window.isEnabled, timeout=10_000)
    assert closed == []


def test_a_file_damaged_mid_file_is_said_the_counter_closes_and_nothing_is_written(shop_file, qtbot, monkeypatch):  # noqa: F811
    damage(shop_file, "mid-file page")
    before = hashlib.sha256(shop_file.read_bytes()).hexdigest()
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    later = startup.open_for_window(f"sqlite:///{shop_file}")
    window = QWidget()
    qtbot.addWidget(window)
    closed = []
    check_in_background(window, later, lambda: closed.append(True))
    qtbot.waitUntil(lambda: bool(closed), timeout=10_000)
    assert not window.isEnabled() and "损坏" in said[0]
    assert hashlib.sha256(shop_file.read_bytes()).hexdigest() == before
