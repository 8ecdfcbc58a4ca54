"""Supervisor approval in place: the supervisor scans their staff card (or picks themselves with one
digit), types their PIN, and the reason defaults to the rule that asked for them. Never the clerk.

The dialog does not decide anything: it hands an Approval to `attempt` (which calls the services) and
shows what went wrong — a wrong PIN, tries left, the lockout — until it works or is cancelled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import users
from app.services.views import Approval, UserView
from app.ui.widgets.base import Retranslating, TakesScans
from app.ui.widgets.pin_field import PinField
from app.ui.widgets.status import error_text, guarded, log
from app.ui.words import OVERRIDE_REASONS, SUPERVISOR_REASONS, word


class SupervisorDialog(Retranslating, TakesScans, QDialog):
    """`attempt(approval)` returns the result or raises a DeskError; `approved` carries the result."""

    approved = Signal(object)

    def __init__(self, clerk: UserView, attempt: Callable[[Approval], object], parent: QWidget | None = None,
                 reasons: tuple[str, ...] = (), with_reason: bool = True, purpose: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("supervisorDialog")
        self.clerk = clerk
        self.attempt = attempt
        self.reasons = reasons
        self.with_reason = with_reason
        self.purpose = purpose
        self.result_value: object = None
        self.why = QLabel()
        self.why.setObjectName("supervisor")
        self.why.setWordWrap(True)
        self.supervisor = QComboBox()
        self.supervisor.holds_scan_keys = True  # a digit picks a supervisor: wait until it is not a scan's
        self.supervisor.installEventFilter(self)
        self.pin = PinField()
        self.pin.setObjectName("supervisorPin")
        self.reason = QComboBox()
        self.note = QLineEdit()   # Chinese notes: the input method stays on here (the detector still sees scans)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_approve)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        self.form.addRow(self.labels[0], self.supervisor)
        self.form.addRow(self.labels[1], self.pin)
        if with_reason:
            self.form.addRow(self.labels[2], self.reason)
            self.form.addRow(self.labels[3], self.note)
        else:
            self.reason.hide()
            self.note.hide()
        column = QVBoxLayout(self)
        column.addWidget(self.why)
        column.addLayout(self.form)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self._load_supervisors()
        self.retranslate()
        self.setMinimumWidth(560)
        self.first_focus().setFocus()

    def first_focus(self) -> QWidget:
        """With one supervisor to choose the PIN comes first; with several, the list (a digit picks)."""
        return self.supervisor if self.supervisor.count() > 1 else self.pin

    def _load_supervisors(self) -> None:
        everyone = guarded(self.message.setText, users.list_users, "list users") or []
        for user in everyone:
            # the signed-in clerk never approves their own transaction (the services check it too)
            if user.role in ("supervisor", "admin") and user.username != self.clerk.username:
                self.supervisor.addItem("", user.username)
        self._number_supervisors()

    def _number_supervisors(self) -> None:
        names = {u.username: u.display_name for u in guarded(lambda _m: None, users.list_users) or []}
        for i in range(self.supervisor.count()):
            username = self.supervisor.itemData(i)
            self.supervisor.setItemText(i, f"{i + 1} · {names.get(username, username)} ({username})")

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        """In the supervisors list a digit picks that supervisor and the PIN comes next (one key)."""
        if watched is self.supervisor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text.isdecimal() and text.isascii() and 1 <= int(text) <= self.supervisor.count():
                self.supervisor.setCurrentIndex(int(text) - 1)
                self.pin.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.pin.setFocus()
                return True
        return False

    def accept_scan(self, code: str) -> bool:
        """A staff card picks the supervisor (then the PIN); any other scan is refused, never typed in."""
        person = guarded(self.message.setText, lambda: users.find_by_staff_code(code), "staff card")
        index = self.supervisor.findData(person.username) if person is not None else -1
        if index >= 0:
            self.supervisor.setCurrentIndex(index)
            self.message.setText("")
            self.pin.clear()
            self.pin.setFocus()
        elif person is not None:
            self.message.setText(self.tr("{name} cannot approve this: scan a supervisor's staff card.").format(
                name=person.display_name))
        else:
            self.message.setText(self.tr("“{code}” is not a staff card: scan the supervisor's card, or pick "
                                         "them with a digit, then type the PIN.").format(code=code))
        return True  # nothing reaches the counter underneath while the dialog is open

    def approval(self) -> Approval:
        return Approval(supervisor=self.supervisor.currentData() or "", pin=self.pin.text(),
                        reason=self.reason.currentData() or self.default_reason(), note=self.note.text().strip())

    def reason_keys(self) -> list[str]:
        """Every trigger's own reason (over the limit, frequent returner, no receipt …), then the reasons
        for overriding a refusal (goodwill, store error, quality dispute, other)."""
        triggers = [r for r in SUPERVISOR_REASONS if r != "override"]
        return triggers + [r for r in OVERRIDE_REASONS if r not in triggers]

    def default_reason(self) -> str:
        """The rule that asked for the supervisor; a refusal overridden defaults to goodwill."""
        triggered = [r for r in self.reasons if r in SUPERVISOR_REASONS and r != "override"]
        return triggered[0] if triggered else "goodwill"

    def try_approve(self) -> None:
        if not self.supervisor.currentData():
            self.message.setText(self.tr("No other supervisor can approve this."))
            return
        if not self.pin.text():
            self.message.setText(self.tr("Type the supervisor's PIN."))
            self.pin.setFocus()
            return
        try:
            result = self.attempt(self.approval())
        except DeskError as exc:
            self.message.setText(error_text(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        except Exception as exc:  # noqa: BLE001 — a bug: logged, and the transaction rolled back
            log.exception("approval failed")
            self.message.setText(error_text(exc))
            return
        self.result_value = result
        self.approved.emit(result)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor approval"))
        why = self.purpose or self.tr("A supervisor must approve this return.")
        if self.reasons:
            why += " " + self.tr("Why: {reasons}").format(
                reasons=", ".join(word(SUPERVISOR_REASONS, r) for r in self.reasons))
        self.why.setText(why)
        self.labels[0].setText(self.tr("Supervisor (scan the staff card, or a digit)"))
        self.labels[1].setText(self.tr("PIN"))
        self.labels[2].setText(self.tr("Reason"))
        self.labels[3].setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("optional"))
        current = self.reason.currentData() or self.default_reason()
        self.reason.clear()
        for key in self.reason_keys():
            self.reason.addItem(word(SUPERVISOR_REASONS, key) if key in SUPERVISOR_REASONS
                                else word(OVERRIDE_REASONS, key), key)
        self.reason.setCurrentIndex(max(self.reason.findData(current), 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.try_approve()
            return
        super().keyPressEvent(event)
