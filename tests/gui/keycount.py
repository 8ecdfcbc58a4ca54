"""Counts the keys a flow takes: every key event that reaches the application is seen once; a scan counts 1
(its characters and Enter come from the scanner), a supervisor's PIN digits are not counted (the issue's rule)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Self

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class KeyCounter(QObject):
    """Every key press gives the focus widget one ShortcutOverride before anything else (also when a
    shortcut then takes it, as F9 is): those are counted, once each, however far the event travels."""

    def __init__(self, detector=None) -> None:
        super().__init__()
        self.detector = detector   # its replay of held table keys is the same keys again, not counted
        self.keys = 0
        self.scans = 0
        self.seen: list[tuple[int, str]] = []   # (key, first receiver) of each counted key, for the message
        self._outside = 0          # > 0 while a scan or a PIN is typed: not counted as keys
        self._last: tuple[int, QObject] | None = None  # the last key's event and its first receiver

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and not (self.detector and self.detector.replaying):
            address = shiboken6.getCppPointer(event)[0]
            previous = self._last
            handed_on = (previous is not None and previous[0] == address and shiboken6.isValid(previous[1])
                         and watched is not previous[1] and isinstance(watched, QWidget)
                         and watched.isAncestorOf(previous[1]))
            if not handed_on:
                if not self._outside:
                    self.keys += 1
                    self.seen.append((event.key(), type(watched).__name__))
                self._last = (address, watched)
        return False

    @contextmanager
    def scanner(self):
        """A scan: one step for the clerk, whatever its length."""
        self._outside += 1
        try:
            yield
        finally:
            self._outside -= 1
            self.scans += 1
            self._last = None

    @contextmanager
    def not_counted(self):
        self._outside += 1
        try:
            yield
        finally:
            self._outside -= 1
            self._last = None

    @property
    def total(self) -> int:
        return self.keys + self.scans

    def __enter__(self) -> Self:
        QApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        QApplication.instance().removeEventFilter(self)
