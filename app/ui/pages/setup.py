"""The first run of a real shop: its name, address, phone, region and owner; shows the recovery code once."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import setup
from app.ui.widgets.base import Retranslating
from app.ui.widgets.pin_field import PinField
from app.ui.widgets.status import guarded

REGIONS = (("national", QT_TRANSLATE_NOOP("SetupScreen", "Nationwide rules")),
           ("shanghai", QT_TRANSLATE_NOOP("SetupScreen", "Shanghai")),
           ("zhejiang", QT_TRANSLATE_NOOP("SetupScreen", "Zhejiang")))
FIELDS = (("name", QT_TRANSLATE_NOOP("SetupScreen", "Shop name")),
          ("address", QT_TRANSLATE_NOOP("SetupScreen", "Address")),
          ("phone", QT_TRANSLATE_NOOP("SetupScreen", "Phone")),
          ("region", QT_TRANSLATE_NOOP("SetupScreen", "Region (legal rules)")),
          ("owner", QT_TRANSLATE_NOOP("SetupScreen", "Owner's user name")),
          ("owner_name", QT_TRANSLATE_NOOP("SetupScreen", "Owner's name")),
          ("pin", QT_TRANSLATE_NOOP("SetupScreen", "Owner's PIN (6+ digits)")),
          ("pin_again", QT_TRANSLATE_NOOP("SetupScreen", "PIN again")))


def _tr(text: str) -> str:
    return QCoreApplication.translate("SetupScreen", text)


class SetupScreen(Retranslating, QDialog):
    """Shown instead of the counter when no shop database exists at the configured place."""

    def __init__(self, url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupScreen")
        self.url, self.recovery_code = url, ""
        self.heading, self.message, self.code, self.note = QLabel(), QLabel(), QLabel(), QLabel()
        self.heading.setObjectName("heading")
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)
        self.code.setObjectName("recoveryCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setWordWrap(True)
        self.name, self.address, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.owner, self.owner_name, self.pin, self.pin_again = QLineEdit(), QLineEdit(), PinField(), PinField()
        self.region = QComboBox()
        for key, _words in REGIONS:
            self.region.addItem("", key)
        self.create, self.done_button = QPushButton(), QPushButton()
        self.create.setDefault(True)
        self.create.clicked.connect(self.try_set_up)
        self.done_button.clicked.connect(self.accept)
        self.labels = {key: QLabel() for key, _ in FIELDS}
        self.stack = QStackedWidget()
        self.stack.addWidget(self._form())
        self.stack.addWidget(self._code_page())
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(self.stack)
        self.setMinimumWidth(560)
        self.retranslate()

    def _form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        widgets = {"name": self.name, "address": self.address, "phone": self.phone, "region": self.region,
                   "owner": self.owner, "owner_name": self.owner_name, "pin": self.pin,
                   "pin_again": self.pin_again}
        for key, _words in FIELDS:
            self.labels[key].setBuddy(widgets[key])
            form.addRow(self.labels[key], widgets[key])
        form.addRow(self.message)
        form.addRow(self.create)
        return page

    def _code_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        for widget in (self.note, self.code, self.done_button):
            box.addWidget(widget)
        box.addStretch(1)
        return page

    def try_set_up(self) -> None:
        if self.pin.text() != self.pin_again.text():
            self.message.setText(QCoreApplication.translate("SetupScreen", "The two PINs differ."))
            return
        details = setup.ShopDetails(self.name.text(), self.address.text(), self.phone.text(),
                                    self.region.currentData())
        owner = setup.Owner(self.owner.text(), self.owner_name.text(), self.pin.text())
        code = guarded(self.message.setText, lambda: setup.set_up_shop(details, owner, self.url), "set-up")
        self.pin.clear()  # a PIN never stays in a widget longer than needed
        self.pin_again.clear()
        if code is None:
            return
        self.recovery_code = code
        self.code.setText(self.recovery_code)
        self.stack.setCurrentIndex(1)
        self.done_button.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("SetupScreen", "Set up the shop"))
        self.heading.setText(QCoreApplication.translate("SetupScreen", "Set up the shop"))
        for key, words in FIELDS:
            self.labels[key].setText(_tr(words))
        for i, (_key, words) in enumerate(REGIONS):
            self.region.setItemText(i, _tr(words))
        self.create.setText(QCoreApplication.translate("SetupScreen", "Set up"))
        self.done_button.setText(QCoreApplication.translate("SetupScreen", "I have written it down"))
        self.note.setText(QCoreApplication.translate("SetupScreen", "The owner's recovery code, shown only this once. Write it down and keep it "
                              "away from the till: it unlocks the owner's account if the PIN is lost "
                              "(returns-desk unlock)."))
