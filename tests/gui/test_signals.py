"""PySide6 6.12.0 loses a reference to True on every Python-side emit; app.ui.signals.emit gives it back."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.ui.signals import emit


class Sender(QObject):
    changed = Signal(int)


def test_twenty_thousand_emits_leave_true_as_it_was():
    sender = Sender()
    got = []
    sender.changed.connect(got.append)
    before = sys.getrefcount(True)
    for n in range(20_000):
        emit(sender.changed, n)
    assert abs(sys.getrefcount(True) - before) <= 5  # a bare emit would have lost 20,000
    assert len(got) == 20_000


def test_the_screens_emit_only_through_the_helper():
    """A bare `.emit(` would bring the leak back (an abort after a day of use on Python 3.11)."""
    ui = Path(__file__).resolve().parents[2] / "app" / "ui"
    offenders = [f"{path.name}:{n}" for path in sorted(ui.glob("*.py")) if path.name != "signals.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if re.search(r"\.emit\(", line)]
    assert offenders == []
