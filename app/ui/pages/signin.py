"""Sign-in and the lock screen: pick a user, type the PIN, Enter. F12 / Ctrl+L locks the counter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.base import Retranslating
from app.ui.widgets.pin_field import PinField
from app.ui.widgets.status import guarded
from app.ui.words import ROLES, word

if TYPE_CHECKING:  # the views (dataclasses: 25 ms of imports) come after the window shows
    from app.services.views import UserView


class SignInPage(Retranslating, QWidget):
    """Shown at start and when the counter is locked; emits the signed-in user."""

    signed_in = Signal(object)  # UserView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signIn")
        self.shop = QLabel()
        self.shop.setObjectName("shopName")
        self.shop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user = QComboBox()
        self.user.setMinimumWidth(320)
        self.pin = PinField()
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.button = QPushButton()
        self.button.setDefault(True)
        self.user_label, self.pin_label = QLabel(), QLabel()
        self.user_label.setBuddy(self.user)
        self.pin_label.setBuddy(self.pin)

        box = QFrame()
        box.setObjectName("signInBox")
        form = QFormLayout(box)
        form.addRow(self.heading)
        form.addRow(self.user_label, self.user)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.message)
        form.addRow(self.button)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(self.shop)
        outer.addSpacing(24)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

        self.button.clicked.connect(self.attempt)
        self.pin.returnPressed.connect(self.attempt)
        self.user.activated.connect(lambda _i: self.pin.setFocus())
        self.locked_by: str | None = None
        self._users: list[UserView] = []
        self.opening = False   # the shop's database is still being opened: a PIN is kept, not checked
        self.kept = False      # Enter was pressed while opening: sign in as soon as the shop is open
        self.retranslate()

    def wait_for_shop(self) -> None:
        """At launch, before the database is open (and checked): the PIN can be typed, nobody signs in yet."""
        self.opening = True
        self.user.setEnabled(False)

    def shop_open(self, staff: list[UserView] | None = None) -> None:
        """The database passed its check: the user list fills (read here unless given), and a PIN typed
        meanwhile signs in now."""
        self.opening = False
        self.user.setEnabled(True)
        if staff is None:
            self.load_users(self.locked_by)
        else:
            self.show_users(staff, self.locked_by)
        self.retranslate()
        if self.kept:
            self.kept = False
            self.message.clear()
            self.attempt()

    def load_users(self, preselect: str | None = None) -> None:
        # the services (and the ORM) load after the sign-in window shows
        from app.services import users

        staff = guarded(self.message.setText, users.list_users, "list users") or []
        self.show_users(staff, preselect)

    def show_users(self, staff: list[UserView], preselect: str | None) -> None:
        chosen = preselect or self.user.currentData()
        self._users = staff
        self.user.clear()
        for user in self._users:
            self.user.addItem(self._user_text(user), user.username)
        index = self.user.findData(chosen) if chosen else -1
        self.user.setCurrentIndex(max(index, 0))

    @staticmethod
    def _user_text(user: UserView) -> str:
        return f"{user.display_name} ({user.username}) · {word(ROLES, user.role)}"

    def set_shop_name(self, name: str) -> None:
        self.shop.setText(name)

    def start(self, locked_by: str | None = None) -> None:
        """Show the page fresh: empty PIN, focus in it; when locking, the same user preselected."""
        self.locked_by = locked_by
        if not self.opening:
            self.load_users(locked_by)
        self.pin.clear()
        self.message.clear()
        self.retranslate()
        self.pin.setFocus()

    def accept_scan(self, code: str) -> None:
        """A staff card picks its user and the PIN comes next: a card alone never signs anyone in, and a
        card scanned into the PIN field is never taken for a wrong PIN."""
        if self.opening:
            self.message.setText(self.tr("Opening the shop… scan the card again in a moment."))
            return
        from app.domain.codes import shown
        from app.services import users

        person = guarded(self.message.setText, lambda: users.find_by_staff_code(code), "staff card")
        index = self.user.findData(person.username) if person is not None else -1
        self.pin.clear()
        self.pin.setFocus()
        if index < 0:
            self.message.setText(self.tr("“{code}” is not a staff card of this shop: scan your staff card or pick "
                                         "your name, then type your PIN.").format(code=shown(code)))
            return
        self.user.setCurrentIndex(index)
        self.message.setText(self.tr("{name}: type your PIN.").format(name=person.display_name))

    def attempt(self) -> None:
        if self.opening:   # typed before the shop was open: kept in the field until it is
            self.kept = bool(self.pin.text())
            if self.kept:
                self.message.setText(self.tr("Opening the shop… signing in when ready."))
            return
        from app.services import users
        from app.services.views import UserView

        username = self.user.currentData()
        if not username:
            self.message.setText(self.tr("Pick a user."))
            return
        if not self.pin.text():  # Enter on an empty PIN is not a try: nothing is checked or counted
            self.message.setText(self.tr("Enter your PIN."))
            self.pin.setFocus()
            return
        user = guarded(self.message.setText, lambda: users.sign_in(username, self.pin.text()), "sign in")
        self.pin.clear()
        if isinstance(user, UserView):
            self.message.clear()
            self.signed_in.emit(user)
        else:
            self.pin.setFocus()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Counter locked — sign in to continue") if self.locked_by
                             else self.tr("Sign in"))
        self.user_label.setText(self.tr("&User"))
        self.pin_label.setText(self.tr("&PIN"))
        self.button.setText(self.tr("Sign in (Enter)"))
        self.pin.setPlaceholderText(self.tr("4–12 digits"))
        self.user.setPlaceholderText(self.tr("Opening the shop…"))
        for i, user in enumerate(self._users):
            self.user.setItemText(i, self._user_text(user))
