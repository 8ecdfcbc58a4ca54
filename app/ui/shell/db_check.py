"""The database's quick_check in the background while the window is already up; nothing is done before it passes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app import i18n
from app.services import startup


class _Result(QObject):
    # emitted from the checking thread: Qt queues it to the window's thread
    done = Signal(object)


def check_in_background(window: QWidget, path: Path, on_damage: Callable[[], None]) -> threading.Thread:
    """Disables the window (no sign-in, so no write) until `path` passes quick_check; a damaged file is
    said in both languages, naming the newest good backup, and then `on_damage` (the app quits)."""
    window.setEnabled(False)
    result = _Result(window)

    def finished(problem: object) -> None:
        if problem is None:
            window.setEnabled(True)
            return
        QMessageBox.critical(window, "Returns Desk", problem.message(i18n.current_language()))  # type: ignore[attr-defined]
        on_damage()

    result.done.connect(finished)
    thread = threading.Thread(target=lambda: result.done.emit(startup.damage_found(path)), name="quick-check",
                              daemon=True)
    thread.start()
    return thread
