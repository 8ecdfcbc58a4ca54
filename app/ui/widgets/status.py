"""The status area under the scan field, and the one place where errors become words a clerk reads."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.errors import INTERNAL_ERROR, DeskError
from app.i18n import current_language
from app.ui.widgets.base import Retranslating

log = logging.getLogger("returns_desk.ui")
T = TypeVar("T")
# A message, or a function that words it in the current language (so a language switch can say it again).
Message = str | Callable[[], str]


class StatusArea(Retranslating, QLabel):
    """One line (wrapping when long) that says what just happened: info, success or an error.

    Give it a function (`lambda: self.tr("…").format(…)`) rather than finished text and a language switch
    words the message again; finished text cannot be translated, so a switch clears it instead of
    leaving it in the other language.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(34)
        self.kind = "info"
        self._again: Callable[[], str] | None = None
        self._language = current_language()
        self.show_info("")

    def _show(self, kind: str, message: Message) -> None:
        self.kind = kind
        self._again = message if callable(message) else None
        self._language = current_language()
        self.setProperty("kind", kind)
        self.setText(message() if callable(message) else message)
        self.style().unpolish(self)
        self.style().polish(self)

    def show_info(self, message: Message) -> None:
        self._show("info", message)

    def show_success(self, message: Message) -> None:
        self._show("success", message)

    def show_error(self, message: Message) -> None:
        self._show("error", message)

    def clear_message(self) -> None:
        self._show("info", "")

    def retranslate(self) -> None:
        # Qt may announce one switch more than once: act only when the language really changed.
        if self._language != current_language():
            if self._again is not None:
                self._show(self.kind, self._again)
            elif self.text():
                self.clear_message()
            self._language = current_language()


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

