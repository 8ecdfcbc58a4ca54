"""The satisfaction buttons (优秀 良好 一般 差): one key each, numbered in the order shown, never blocking."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.widgets.base import Retranslating
from app.ui.words import SATISFACTION, word

# As shown, left to right; the keys follow this order (Ctrl+1 is the first label, 优秀, stored as 4).
LEVELS = ("excellent", "good", "fair", "poor")


def key_of(place: int) -> str:
    return f"Ctrl+{place + 1}"


class RatingBar(Retranslating, QWidget):
    """Emits `rated(level)` on a click or a key; `with_keys=False` for a second bar on the same window."""

    rated = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, with_keys: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("ratingBar")
        self.prompt = QLabel()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.prompt)
        for place, level in enumerate(LEVELS):
            button = QPushButton()
            button.setObjectName(f"rate_{level}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
            button.clicked.connect(lambda _c=False, lv=level: self.choose(lv))
            if with_keys:
                QShortcut(QKeySequence(key_of(place)), button).activated.connect(button.click)
            row.addWidget(button)
            self.buttons[level] = button
        row.addStretch(1)
        self.with_keys = with_keys
        self.chosen: str | None = None
        self.retranslate()

    def choose(self, level: str) -> None:
        self.chosen = level
        for lv, button in self.buttons.items():
            button.setChecked(lv == level)
        self.rated.emit(level)

    def clear(self) -> None:
        self.chosen = None
        for button in self.buttons.values():
            button.setChecked(False)

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Customer's rating:"))
        for place, (level, button) in enumerate(self.buttons.items()):
            label = word(SATISFACTION, level)
            button.setText(f"{label}  {key_of(place)}" if self.with_keys else label)
