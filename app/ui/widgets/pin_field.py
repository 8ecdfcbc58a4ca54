"""The PIN field of the sign-in page and the supervisor dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget


class PinField(QLineEdit):
    """A PIN: digits only, never shown, no input method."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(12)  # supervisors and admins: 6 to 12 digits
        self.setValidator(QRegularExpressionValidator(r"\d{0,12}", self))
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        if query == Qt.InputMethodQuery.ImEnabled:
            return False
        return super().inputMethodQuery(query)
