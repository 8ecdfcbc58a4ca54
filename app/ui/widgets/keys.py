"""Function keys for buttons that act at once (a button's own shortcut animates a click for 100 ms first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QComboBox


def bind_key(button: QAbstractButton, key: str) -> QShortcut:
    """`key` clicks `button` while the button is on screen (a page's keys work only on that page)."""
    shortcut = QShortcut(QKeySequence(key), button)
    shortcut.activated.connect(button.click)
    return shortcut


def cycle_key(box: QComboBox, key: str) -> QShortcut:
    """`key` steps `box` to its next choice (and round again): one key per choice, no mouse, no list."""
    shortcut = QShortcut(QKeySequence(key), box)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: box.setCurrentIndex((box.currentIndex() + 1) % max(1, box.count())))
    return shortcut
