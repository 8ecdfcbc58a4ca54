"""Barcode scanner support: an application-wide burst detector and a scan field input methods cannot take.

A USB scanner is a fast keyboard. Its characters have already reached whatever widget had focus by the
time the burst is recognised, so the detector remembers each touched widget's state from before the
burst and puts it back: a scan never stays in a quantity or note field.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from app.domain.codes import normalise_code as normalise

MIN_LENGTH = 6
MAX_GAP = 0.035  # seconds between two keys of one burst; people are slower
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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


class ScanDetector(QObject):
    """Watches every key press in the application; a fast burst ended by Enter is a scan.

    Install with `QApplication.instance().installEventFilter(detector)`. `clock` returns seconds
    (monotonic); tests pass a fake one.
    """

    code_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic,
                 min_length: int = MIN_LENGTH, max_gap: float = MAX_GAP) -> None:
        super().__init__(parent)
        self.clock = clock
        self.min_length = min_length
        self.max_gap = max_gap
        self.enabled = True
        self._burst = _Burst()
        self._last_event: tuple[int, int] | None = None  # (event address, receiver) to skip propagation
        self._last_receiver: QWidget | None = None

    # -- the filter ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.enabled or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if self._is_propagation(watched, event):
            return False
        return self.key_pressed(watched, event.key(), event.text(), event.modifiers())

    def _is_propagation(self, watched: QWidget, event: QKeyEvent) -> bool:
        """The same key press handed on to a parent (QLineEdit ignores Return) is not a second key."""
        address = shiboken6.getCppPointer(event)[0]
        previous = self._last_receiver
        same = (self._last_event is not None and self._last_event[0] == address and previous is not None
                and shiboken6.isValid(previous) and watched is not previous and watched.isAncestorOf(previous))
        if not same:
            self._last_event = (address, id(watched))
            self._last_receiver = watched
        return same

    # -- the decision (Qt-free apart from the widget, so tests can drive it directly) -----------
    def key_pressed(self, widget: QWidget | None, key: int, text: str,
                    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> bool:
        """Returns True when the key is swallowed (the Enter that ends a scan)."""
        if isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Password:
            self._burst = _Burst()  # a 6-digit PIN typed quickly is a PIN, never a scan to undo and route
            return False
        now = self.clock()
        burst = self._burst
        if key in ENTER_KEYS:
            fast = bool(burst.chars) and now - burst.last < self.max_gap
            if fast and len(burst.chars) >= self.min_length:
                code = normalise("".join(burst.chars))
                burst.undo()
                self._burst = _Burst()
                if code:
                    self.code_scanned.emit(code)
                    return True
            self._burst = _Burst()
            return False
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                        | Qt.KeyboardModifier.MetaModifier):
            self._burst = _Burst()
            return False
        if not text or not text.isprintable():
            if key in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):  # scanners press Shift for capitals
                return False
            self._burst = _Burst()
            return False
        if not burst.chars or now - burst.last >= self.max_gap:
            burst = self._burst = _Burst()  # a new burst may start here: remember the state before it
        if widget is not None:
            burst.touch(widget)
        burst.chars.append(text)
        burst.last = now
        return False

    def reset(self) -> None:
        self._burst = _Burst()


class ScanField(QLineEdit):
    """The always-ready code field: no input method (pinyin would eat the letters), codes upper-cased."""

    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.returnPressed.connect(self._on_return_pressed)

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        if query == Qt.InputMethodQuery.ImEnabled:
            return False
        return super().inputMethodQuery(query)

    def _on_return_pressed(self) -> None:
        code = normalise(self.text())
        self.clear()
        self.code_entered.emit(code)


def install_detector(detector: ScanDetector) -> None:
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(detector)
