"""What a scan typed into a widget changed, and how to put it back (the detector undoes a burst with it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)


def snapshot(widget: QWidget) -> Callable[[], None] | None:
    """A function that puts `widget` back as it is now, or None for widgets text cannot change."""
    restore = getattr(widget, "scan_snapshot", None)
    if callable(restore):  # widgets with their own state (e.g. the receipt table's picks)
        return restore()
    if isinstance(widget, QLineEdit):
        text, cursor = widget.text(), widget.cursorPosition()
        owner = widget.parent()
        if isinstance(owner, QAbstractSpinBox):  # a spin box's inner editor: restore the box itself
            return snapshot(owner)
        if isinstance(owner, QComboBox) and owner.isEditable():
            return snapshot(owner)

        def put_back_line() -> None:
            widget.setText(text)
            widget.setCursorPosition(cursor)

        return put_back_line
    if isinstance(widget, QAbstractSpinBox):
        value = widget.property("value")

        def put_back_spin() -> None:
            widget.setProperty("value", value)
            line = widget.findChild(QLineEdit)
            if line is not None and isinstance(widget, QSpinBox | QDoubleSpinBox):
                # typed text not yet committed lives in the editor
                line.setText(widget.prefix() + widget.textFromValue(value) + widget.suffix())

        return put_back_spin
    if isinstance(widget, QComboBox):
        index = widget.currentIndex()
        edit_text = widget.currentText() if widget.isEditable() else None

        def put_back_combo() -> None:
            widget.setCurrentIndex(index)
            if edit_text is not None:
                widget.setEditText(edit_text)

        return put_back_combo
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        plain = widget.toPlainText()
        position = widget.textCursor().position()

        def put_back_text() -> None:
            widget.setPlainText(plain)
            cursor = widget.textCursor()
            cursor.setPosition(min(position, len(plain)))
            widget.setTextCursor(cursor)

        return put_back_text
    return None


@dataclass
class _Burst:
    chars: list[str] = field(default_factory=list)
    last: float = 0.0
    restores: dict[int, Callable[[], None]] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)

    def touch(self, widget: QWidget) -> None:
        key = id(widget)
        if key in self.restores:
            return
        restore = snapshot(widget)
        if restore is not None:
            self.restores[key] = restore
            self.order.append(key)

    def undo(self) -> None:
        for key in reversed(self.order):  # innermost last-touched first, then what opened it
            self.restores[key]()
