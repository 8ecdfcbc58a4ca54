"""Barcode scanner support: one application-wide burst detector and the fields input methods cannot take.

A USB scanner is a fast keyboard. The detector sees every key (and every input-method commit) before any
widget; a burst at scanner speed ended by Enter is a scan, routed to the scan handler whatever has focus.
Keys are timed by the events' own timestamps, so keys that queued while the app was busy keep their real
gaps. A table's single-key commands are held until the keys are known not to be a burst, then replayed;
what a burst typed into a text field is put back as it was (scan_undo).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.domain.codes import normalise_code as normalise
from app.ui.widgets.scan_undo import _Burst, snapshot

__all__ = ["ENTER_KEYS", "MAX_GAP", "MIN_LENGTH", "CodeField", "NameOrCodeField", "ScanDetector", "ScanField",
           "install_detector", "no_input_method", "snapshot"]

MIN_LENGTH = 6
PIN_LENGTH = 6  # the longest PIN (supervisors and owners)
MAX_GAP = 0.035  # seconds between two keys of one burst; people are slower
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
WATCHED = frozenset((QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.InputMethod))
COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                     | Qt.KeyboardModifier.MetaModifier)


def holds_keys(widget: QObject) -> bool:
    """Widgets whose printable keys are commands (the receipt and goods tables): those keys wait."""
    return bool(getattr(widget, "holds_scan_keys", False))


def _a_pin(widget: QWidget | None, chars: list[str]) -> bool:
    """Up to 6 digits typed fast into a PIN field are a PIN, not a scan; a staff card or a product scanned
    there (letters, or longer) still is one."""
    return (isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Password
            and len(chars) <= PIN_LENGTH and "".join(chars).isdecimal())


class ScanDetector(QObject):
    """Watches every key press and input-method commit in the application; a fast burst ended by Enter is
    a scan (`code_scanned`), and that Enter reaches no widget.

    `clock` returns seconds; None (the default) times keys by the events' own timestamps. Tests pass a
    fake clock.
    """

    code_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None,
                 min_length: int = MIN_LENGTH, max_gap: float = MAX_GAP) -> None:
        super().__init__(parent)
        self.clock = clock
        self.min_length = min_length
        self.max_gap = max_gap
        self.enabled = True
        self._burst = _Burst()
        self._last_event: tuple[int, int] | None = None  # (event address, receiver) to skip propagation
        self._last_receiver: QWidget | None = None
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._replaying = False
        self._stamp_base: tuple[float, float] | None = None  # (last event timestamp, monotonic then)
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(round(max_gap * 1000) + 15)
        self._release_timer.timeout.connect(self.release)

    @property
    def holding(self) -> bool:
        return bool(self._held)

    @property
    def replaying(self) -> bool:
        """True while held keys are handed to their widgets (the same keys again, not new ones)."""
        return self._replaying

    # -- the filter ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()   # every event of the application passes here: the others leave at once
        if kind not in WATCHED or not self.enabled or self._replaying or not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            return self.committed(watched, event.commitString())
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            self._shortcut_key(event)   # a function key taken by a shortcut never arrives as a key press
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if self._is_propagation(watched, event):
            return False
        stamp = event.timestamp() / 1000 if self.clock is None and event.timestamp() else None
        swallowed = self.key_pressed(watched, event.key(), event.text(), event.modifiers(), stamp)
        if swallowed:
            return True
        if holds_keys(watched) and self._is_command(event):
            self._held.append((watched, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())))
            self._release_timer.start()
            return True
        return False

    def _shortcut_key(self, event: QKeyEvent) -> None:
        """F9, Esc, Ctrl+… end any burst (and let held keys happen first, in order)."""
        if event.key() in ENTER_KEYS or event.key() in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):
            return
        if not event.text() or not event.text().isprintable() or event.modifiers() & COMMAND_MODIFIERS:
            self.release()
            self._burst = _Burst()

    @staticmethod
    def _is_command(event: QKeyEvent) -> bool:
        return bool(event.text()) and event.text().isprintable() and not event.modifiers() & COMMAND_MODIFIERS

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

    def _now(self, stamp: float | None) -> float:
        """Seconds on one time base: the key events' own stamps; an input-method commit (which has none)
        is placed after the last key by the time that passed since."""
        if self.clock is not None:
            return self.clock()
        if stamp is not None:
            self._stamp_base = (stamp, time.monotonic())
            return stamp
        if self._stamp_base is not None:
            last, then = self._stamp_base
            return last + (time.monotonic() - then)
        return time.monotonic()

    # -- the decision (Qt-free apart from the widget, so tests can drive it directly) -----------
    def key_pressed(self, widget: QWidget | None, key: int, text: str,
                    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
                    stamp: float | None = None) -> bool:
        """Returns True when the key is swallowed (the Enter that ends a scan)."""
        now = self._now(stamp)
        burst = self._burst
        if key in ENTER_KEYS:
            fast = bool(burst.chars) and now - burst.last < self.max_gap
            if fast and len(burst.chars) >= self.min_length and not _a_pin(widget, burst.chars):
                code = normalise("".join(burst.chars))
                self._held.clear()   # the held keys were the scan's own: they never happen
                burst.undo()
                self._burst = _Burst()
                if code:
                    self.code_scanned.emit(code)
                    return True
            self.release()
            self._burst = _Burst()
            return False
        if modifiers & COMMAND_MODIFIERS or not text or not text.isprintable():
            if key in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):  # scanners press Shift for capitals
                return False
            self.release()
            self._burst = _Burst()
            return False
        self._add(widget, text, now)
        return False

    def committed(self, widget: QWidget, text: str) -> bool:
        """An input method's commit: its characters count as typed at once. A table never takes them."""
        if not text:
            return False
        now = self._now(None)
        for char in text:
            self._add(widget, char, now)
        return holds_keys(widget)

    def _add(self, widget: QWidget | None, text: str, now: float) -> None:
        burst = self._burst
        if not burst.chars or now - burst.last >= self.max_gap:
            self.release()   # the keys before this pause were a person's: they happen now, in order
            burst = self._burst = _Burst()  # a new burst may start here: remember the state before it
        if widget is not None:
            burst.touch(widget)
        burst.chars.append(text)
        burst.last = now

    def release(self) -> None:
        """The held table keys were not a scan: each goes to its widget, in the order typed."""
        self._release_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for widget, event in held:
                if shiboken6.isValid(widget):
                    QApplication.sendEvent(widget, event)
        finally:
            self._replaying = False

    def reset(self) -> None:
        self._held.clear()
        self._burst = _Burst()


def no_input_method(widget: QWidget) -> None:
    """Codes are digits and capitals: no pinyin window may take a scanner's letters (see PITFALLS)."""
    widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    widget.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)


class CodeField(QLineEdit):
    """A line for codes (member card, phone, staff card): no input method, even where Windows ignores the flag."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        no_input_method(self)

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        if query == Qt.InputMethodQuery.ImEnabled:
            return False
        return super().inputMethodQuery(query)


class NameOrCodeField(QLineEdit):
    """A line for a code or a person's name: no input method (a scanner's letters pass through pinyin
    mangled, "R2026…" became "ROBERT026…") until the clerk asks to type a name (`set_names(True)`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = False
        no_input_method(self)

    def set_names(self, on: bool) -> None:
        self.names = on
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, on)
        self.setInputMethodHints(Qt.InputMethodHint.ImhNone if on else
                                 Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)
        QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled | Qt.InputMethodQuery.ImHints)

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        if query == Qt.InputMethodQuery.ImEnabled:
            return self.names
        return super().inputMethodQuery(query)


class ScanField(CodeField):
    """The always-ready code field: codes upper-cased; Enter hands over what was typed by hand."""

    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.returnPressed.connect(self._on_return_pressed)

    def _on_return_pressed(self) -> None:
        code = normalise(self.text())
        self.clear()
        self.code_entered.emit(code)


def install_detector(detector: ScanDetector) -> None:
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(detector)
