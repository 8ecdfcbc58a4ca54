"""Supervisor approval in place: the supervisor's own user and PIN, a reason, a note. Never the clerk.

The dialog does not decide anything: it hands an Approval to `attempt` (which calls the services) and
shows what went wrong — a wrong PIN, tries left, the lockout — until it works or is cancelled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
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
        self.pin = PinField()
        self.pin.setObjectName("supervisorPin")
        self.reason = QComboBox()
        self.note = QLineEdit()
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
        self.pin.setFocus()

    def _load_supervisors(self) -> None:
        everyone = guarded(self.message.setText, users.list_users, "list users") or []
        for user in everyone:
            # the signed-in clerk never approves their own transaction (the services check it too)
            if user.role in ("supervisor", "admin") and user.username != self.clerk.username:
                self.supervisor.addItem(f"{user.display_name} ({user.username})", user.username)

    def accept_scan(self, code: str) -> bool:
        return True  # a scan while the dialog is open does nothing (and never lands in the PIN)

    def approval(self) -> Approval:
        reason = list(OVERRIDE_REASONS)[max(self.reason.currentIndex(), 0)]
        return Approval(supervisor=self.supervisor.currentData() or "", pin=self.pin.text(),
                        reason=reason, note=self.note.text().strip())

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
        self.labels[0].setText(self.tr("Supervisor"))
        self.labels[1].setText(self.tr("PIN"))
        self.labels[2].setText(self.tr("Reason"))
        self.labels[3].setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("optional"))
        current = self.reason.currentIndex()
        self.reason.clear()
        self.reason.addItems([word(OVERRIDE_REASONS, key) for key in OVERRIDE_REASONS])
        self.reason.setCurrentIndex(max(current, 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.try_approve()
            return
        super().keyPressEvent(event)
