"""What every screen piece shares: a language switch re-words it, and a dialog may take a scanned code."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix into any QWidget (before the Qt class): Qt's LanguageChange calls `retranslate()`."""

    def retranslate(self) -> None:
        """Sets every text of the widget in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        cast(Any, super()).changeEvent(event)  # the Qt class after this mixin in the MRO


class TakesScans:
    """Mix into a dialog that reads codes from the scanner while it is open."""

    def accept_scan(self, code: str) -> bool:
        """True when the code was this dialog's (nothing else sees it then)."""
        return False
