"""Placeholder while the page is built."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ReturnPage(QLabel):
    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window_ = window

    def open_return(self, item: object = None) -> None:
        self.setText(repr(item))

    def start(self) -> None:
        pass
