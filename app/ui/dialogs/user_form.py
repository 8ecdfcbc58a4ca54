"""The users page's dialogs: a new user (name, role, first PIN) and a new PIN (reset, or one's own change)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.ui.widgets.base import Retranslating
from app.ui.widgets.pin_field import PinField
from app.ui.widgets.status import guarded
from app.ui.words import ROLES, word


def _tr(text: str) -> str:
    return QCoreApplication.translate("UserForm", text)


class _Form(Retranslating, QDialog):
    pin: PinField
    pin_again: PinField

    def __init__(self, rows: list[tuple[str, QWidget]], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.act: Callable[[Any], object] | None = None  # the service call the page wants done on OK
        self.form = QFormLayout(self)
        self.labels: list[tuple[QLabel, str]] = []
        for text, widget in rows:
            label = QLabel()
            label.setBuddy(widget)
            self.labels.append((label, text))
            self.form.addRow(label, widget)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.form.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)

    def try_accept(self) -> None:
        """Both forms ask for the new PIN twice: a slip of the finger is caught before the service call."""
        if self.pin.text() != self.pin_again.text():
            self.message.setText(QCoreApplication.translate("UserForm", "The two PINs differ."))
            return
        self.finish()

    def finish(self) -> None:
        """Runs the page's action; a refusal (a PIN too short, a name taken) keeps the dialog open with it."""
        act = self.act
        done = act is None or guarded(self.message.setText, lambda: act(self) or True, "user form") is not None
        for field in self.findChildren(PinField):
            field.clear()
        if done:
            self.accept()

    def retranslate(self) -> None:
        for label, text in self.labels:
            label.setText(_tr(text))


class NewUserDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.username, self.display_name, self.role = QLineEdit(), QLineEdit(), QComboBox()
        self.pin, self.pin_again = PinField(), PinField()
        for role in ("clerk", "supervisor", "admin"):
            self.role.addItem("", role)
        super().__init__([(QT_TRANSLATE_NOOP("UserForm", "User name"), self.username),
                          (QT_TRANSLATE_NOOP("UserForm", "Name on screen"), self.display_name),
                          (QT_TRANSLATE_NOOP("UserForm", "Role"), self.role),
                          (QT_TRANSLATE_NOOP("UserForm", "First PIN"), self.pin),
                          (QT_TRANSLATE_NOOP("UserForm", "PIN again"), self.pin_again)], parent)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(QCoreApplication.translate("UserForm", "Add a user"))
        for i in range(self.role.count()):
            self.role.setItemText(i, word(ROLES, self.role.itemData(i)))


class NewPinDialog(_Form):
    """`with_old`: one's own change (the old PIN first); without: the admin's reset of someone else's."""

    def __init__(self, who: str, *, with_old: bool, parent: QWidget | None = None) -> None:
        self.who, self.old, self.pin, self.pin_again = who, PinField(), PinField(), PinField()
        rows = [(QT_TRANSLATE_NOOP("UserForm", "Current PIN"), self.old)] if with_old else []
        rows += [(QT_TRANSLATE_NOOP("UserForm", "New PIN"), self.pin),
                 (QT_TRANSLATE_NOOP("UserForm", "New PIN again"), self.pin_again)]
        super().__init__(rows, parent)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(QCoreApplication.translate("UserForm", "New PIN for {who}").format(who=self.who))
