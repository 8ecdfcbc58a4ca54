"""PySide6 6.12.0 on Python 3.11 loses a reference to None on every void call (True on every emit):
app.ui.qt_compat gives them a reserve so a long shift never runs them out."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit

import app.ui  # noqa: F401 — importing the screens protects the singletons
from app.ui import qt_compat


class Sender(QObject):
    changed = Signal(int)


def test_a_shift_of_qt_calls_leaves_none_true_and_false_far_from_zero(qapp):
    field, sender = QLineEdit(), Sender()
    for n in range(200_000):  # a long day at the counter, in calls that each lose a reference
        field.setText("x")
        sender.changed.emit(n)
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > 1_000_000


def test_protection_is_applied_once_and_only_where_needed():
    if sys.version_info >= (3, 12):
        assert qt_compat.protect() is False  # immortal singletons need nothing
    else:
        assert qt_compat.protect() is qt_compat.leaks_none()
        before = sys.getrefcount(None)
        qt_compat.protect()
        assert abs(sys.getrefcount(None) - before) < qt_compat.RESERVE // 2  # not added twice
