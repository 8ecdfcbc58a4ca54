"""The counter's face under the menu bar: shop name, clerk and lock; the scan bar; status; the pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.services.views import UserView
from app.ui.widgets.keys import bind_key
from app.ui.widgets.scan import ScanField
from app.ui.widgets.status import StatusArea
from app.ui.words import ROLES, word


class CounterView(QWidget):
    """Widgets only: the window wires them (so this module knows no page and no service)."""

    def __init__(self, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counter")
        self.shop_label = QLabel(shop_name)
        self.shop_label.setObjectName("shopName")
        self.clerk_label = QLabel()
        self.clerk_label.setObjectName("clerk")
        self.lock_button = QPushButton()
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = QHBoxLayout()
        header.addWidget(self.shop_label, 1)
        header.addWidget(self.clerk_label)
        header.addWidget(self.lock_button)

        self.scan_label = QLabel()
        self.scan = ScanField()
        self.scan.setObjectName("scanField")
        self.scan_label.setBuddy(self.scan)
        self.scan_bar = QHBoxLayout()
        self.scan_bar.addWidget(self.scan_label)
        self.scan_bar.addWidget(self.scan, 1)
        self.page_buttons: list[tuple[QPushButton, str, str]] = []

        self.status = StatusArea()
        self.pages = QStackedWidget()
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(header)
        column.addLayout(self.scan_bar)
        column.addWidget(self.status)
        column.addWidget(self.pages, 1)

    def add_page_button(self, text: object, shortcut: str, slot: Callable[[], None]) -> QPushButton:
        """A button in the scan bar opening a page (`text` is marked for the "Pages" translations)."""
        button = QPushButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bind_key(button, shortcut)
        button.clicked.connect(lambda _checked=False: slot())
        self.scan_bar.addWidget(button)
        self.page_buttons.append((button, str(text), shortcut))
        return button

    def retranslate_for(self, clerk: UserView | None) -> None:
        """The words in the current language (they stay in the window's translations)."""
        self.lock_button.setText(QCoreApplication.translate("MainWindow", "Lock (F12)"))
        self.scan_label.setText(QCoreApplication.translate("MainWindow", "&Code:"))
        self.scan.setPlaceholderText(QCoreApplication.translate(
            "MainWindow", "Scan or type a receipt, card, coupon or return number, then Enter"))
        for button, text, shortcut in self.page_buttons:
            button.setText(f"{QCoreApplication.translate('Pages', text)} ({shortcut})")
        if clerk is not None:
            self.clerk_label.setText(QCoreApplication.translate("MainWindow", "{role}: {name}").format(
                role=word(ROLES, clerk.role), name=clerk.display_name))
        else:
            self.clerk_label.clear()
