"""The status area under the scan field, and the one place where errors become words a clerk reads."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.errors import INTERNAL_ERROR, DeskError
from app.i18n import current_language

log = logging.getLogger("returns_desk.ui")
T = TypeVar("T")


class StatusArea(QLabel):
    """One line (wrapping when long) that says what just happened: info, success or an error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(40)
        self.kind = "info"
        self.show_info("")

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setProperty("kind", kind)
        self.setText(text)
        self.style().unpolish(self)
        self.style().polish(self)

    def show_info(self, text: str) -> None:
        self._show("info", text)

    def show_success(self, text: str) -> None:
        self._show("success", text)

    def show_error(self, text: str) -> None:
        self._show("error", text)


def error_text(exc: BaseException) -> str:
    """What a clerk reads for a failure: the known message in the UI language, else 'nothing was saved'."""
    if isinstance(exc, DeskError):
        return exc.message(current_language())
    return INTERNAL_ERROR.message(current_language())


def guarded(show_error: Callable[[str], None], action: Callable[[], T], what: str = "action") -> T | None:
    """Runs one user action; a known failure is shown, a bug is logged with its traceback and shown
    as 'internal error, nothing was saved'. Returns None when it failed."""
    try:
        return action()
    except DeskError as exc:
        show_error(error_text(exc))
    except Exception as exc:  # a bug: the services roll back, so nothing was saved
        log.exception("unexpected error in %s", what)
        show_error(error_text(exc))
    return None

