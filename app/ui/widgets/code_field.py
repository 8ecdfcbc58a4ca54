"""A field for codes, serial numbers, phone numbers and amounts: no input method (pinyin would eat the letters)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget


class CodeField(QLineEdit):
    """Found in a real window with ibus on: typed into a plain field, "SN2611" stayed in the pinyin window."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly)

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        if query == Qt.InputMethodQuery.ImEnabled:
            return False   # Windows ignores the attribute; the query is what input methods ask
        return super().inputMethodQuery(query)
