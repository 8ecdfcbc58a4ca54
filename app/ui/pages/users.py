"""The admin's users page: who may sign in, with what role; add, disable, enable, reset, unlock, staff card."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import staff, staff_cards
from app.services.printouts import Printout
from app.services.views import StaffRow, UserView
from app.ui.dialogs.user_form import NewPinDialog, NewUserDialog
from app.ui.widgets.base import Retranslating
from app.ui.widgets.status import guarded
from app.ui.words import ROLES, word

COLUMNS = (QT_TRANSLATE_NOOP("UsersPage", "User name"), QT_TRANSLATE_NOOP("UsersPage", "Name"),
           QT_TRANSLATE_NOOP("UsersPage", "Role"), QT_TRANSLATE_NOOP("UsersPage", "State"),
           QT_TRANSLATE_NOOP("UsersPage", "Staff card"))
BUTTONS = (("add", QT_TRANSLATE_NOOP("UsersPage", "Add a user…")), ("disable", QT_TRANSLATE_NOOP("UsersPage", "Disable")),
           ("enable", QT_TRANSLATE_NOOP("UsersPage", "Enable")), ("reset", QT_TRANSLATE_NOOP("UsersPage", "Reset PIN…")),
           ("unlock", QT_TRANSLATE_NOOP("UsersPage", "Unlock")), ("card", QT_TRANSLATE_NOOP("UsersPage", "Staff card")))


def _tr(text: str) -> str:
    return QCoreApplication.translate("UsersPage", text)


def state_words(row: StaffRow) -> str:
    if not row.active:
        return QCoreApplication.translate("UsersPage", "Disabled")
    if row.locked:
        return QCoreApplication.translate("UsersPage", "Locked (only an admin unlocks)") if row.lockouts >= 3 else QCoreApplication.translate("UsersPage", "Locked for a while")
    return QCoreApplication.translate("UsersPage", "Must change PIN") if row.must_change_pin else QCoreApplication.translate("UsersPage", "Can sign in")


class UsersPage(Retranslating, QWidget):
    def __init__(self, admin: Callable[[], UserView | None], show_printouts: Callable[[Sequence[Printout]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self.admin, self.show_printouts = admin, show_printouts
        self.rows: list[StaffRow] = []
        self.dialog: NewUserDialog | NewPinDialog | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = {"add": self.add_user, "disable": lambda: self._on_selected(self._disable),
                   "enable": lambda: self._on_selected(self._enable), "reset": lambda: self._on_selected(self.reset_pin),
                   "unlock": lambda: self._on_selected(self._unlock), "card": lambda: self._on_selected(self.card)}
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, _words in BUTTONS:
            button = QPushButton()
            button.clicked.connect(lambda _checked=False, act=actions[key]: act())
            self.buttons[key] = button
            bar.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addLayout(bar)
        box.addWidget(self.message)
        self.retranslate()

    def refresh(self) -> None:
        admin = self.admin()
        found = guarded(self.message.setText, lambda: staff.rows(admin), "users list") if admin else None
        self.rows = found or []
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, value in enumerate((row.username, row.display_name, word(ROLES, row.role), state_words(row),
                                       row.staff_code)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def selected(self) -> StaffRow | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def _on_selected(self, act: Callable[[StaffRow, UserView], object]) -> None:
        row, admin = self.selected(), self.admin()
        if row is None or admin is None:
            self.message.setText(QCoreApplication.translate("UsersPage", "Pick a user in the list first."))
            return
        if guarded(self.message.setText, lambda: act(row, admin) or True, "users action"):
            self.refresh()

    def _disable(self, row: StaffRow, admin: UserView) -> None:
        staff.set_active(admin, row.username, False)
        self.message.setText(QCoreApplication.translate("UsersPage", "{name} can no longer sign in.").format(name=row.username))

    def _enable(self, row: StaffRow, admin: UserView) -> None:
        staff.set_active(admin, row.username, True)
        self.message.setText(QCoreApplication.translate("UsersPage", "{name} can sign in again.").format(name=row.username))

    def _unlock(self, row: StaffRow, admin: UserView) -> None:
        staff.unlock(admin, row.username)
        self.message.setText(QCoreApplication.translate("UsersPage", "{name} is unlocked.").format(name=row.username))

    def add_user(self) -> None:
        admin = self.admin()
        dialog = NewUserDialog(self)
        dialog.act = lambda d: staff.add_user(admin, d.username.text(), d.display_name.text(), d.role.currentData(),
                                              d.pin.text())
        self._open(dialog)

    def reset_pin(self, row: StaffRow, admin: UserView) -> None:
        dialog = NewPinDialog(row.username, with_old=False, parent=self)
        dialog.act = lambda d: staff.reset_pin(admin, row.username, d.pin.text())
        self._open(dialog)

    def card(self, row: StaffRow, admin: UserView) -> None:
        pdf = staff_cards.card_pdf(admin, row.username)
        self.show_printouts([Printout("staff_card", row.username, pdf)])

    def _open(self, dialog: NewUserDialog | NewPinDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        for key, words in BUTTONS:
            self.buttons[key].setText(_tr(words))
        for r, row in enumerate(self.rows):
            item = self.table.item(r, 3)
            if item is not None:
                item.setText(state_words(row))
