"""The Shop menu: users and the audit trail for the admin, one's own PIN for everyone; what sign-in tells."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QVBoxLayout, QWidget

from app import i18n
from app.services import notices, staff
from app.services.printouts import Printout
from app.services.views import UserView
from app.ui.dialogs.user_form import NewPinDialog
from app.ui.pages.audit import AuditPage
from app.ui.pages.users import UsersPage
from app.ui.widgets.base import Retranslating
from app.ui.widgets.status import guarded


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShopMenu", text)


class PageWindow(QDialog):
    """A page of the back office in its own window, beside the counter (the counter is not left)."""

    def __init__(self, page: QWidget, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.page = page
        QVBoxLayout(self).addWidget(page)
        self.resize(1000, 600)


class ShopMenu(Retranslating, QMenu):
    def __init__(self, user: Callable[[], UserView | None], show_printouts: Callable[[Sequence[Printout]], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.user, self.window_parent = user, parent
        self.users_window = PageWindow(UsersPage(user, show_printouts), parent)
        self.audit_window = PageWindow(AuditPage(user), parent)
        self.users_page, self.audit_page = self.users_window.page, self.audit_window.page
        self.users_action, self.audit_action, self.pin_action = QAction(self), QAction(self), QAction(self)
        self.users_action.triggered.connect(lambda _c=False: self._show(self.users_window))
        self.audit_action.triggered.connect(lambda _c=False: self._show(self.audit_window))
        self.pin_action.triggered.connect(lambda _c=False: self.change_own_pin())
        for action in (self.users_action, self.audit_action, self.pin_action):
            self.addAction(action)
        # The reports (issue 13): the owner and supervisors; the service refuses anyone else anyway.
        self.reports_window: PageWindow | None = None
        self.reports_action = QAction(self)
        self.reports_action.triggered.connect(lambda _c=False: self._show(self.reports()))
        self.insertAction(self.pin_action, self.reports_action)
        self.pin_dialog: NewPinDialog | None = None
        self.notice_box: QMessageBox | None = None
        self.signed_in(None)
        self.retranslate()

    def reports(self) -> PageWindow:
        """The reports window, made when first opened: pyqtgraph and numpy load only then, not at start-up."""
        if self.reports_window is None:
            from app.ui.pages.reports import ReportsPage

            self.reports_window = PageWindow(ReportsPage(self.user), self.window_parent)
            self.reports_window.resize(1280, 760)
        return self.reports_window

    @property
    def reports_page(self) -> QWidget:
        return self.reports().page

    def _show(self, window: PageWindow) -> None:
        window.page.refresh()
        window.setWindowTitle(self._title(window))
        window.show()
        window.raise_()

    def _title(self, window: PageWindow) -> str:
        if window is getattr(self, "reports_window", None):
            return QCoreApplication.translate("ShopMenu", "Reports")
        return QCoreApplication.translate("ShopMenu", "Users") if window is self.users_window else QCoreApplication.translate("ShopMenu", "Audit trail")

    def signed_in(self, user: UserView | None) -> None:
        """The admin's items only for an admin (the services refuse anyone else anyway); then the notices."""
        admin = user is not None and user.role == "admin"
        for action in (self.users_action, self.audit_action):
            action.setVisible(admin)
        self.pin_action.setVisible(user is not None)
        self.reports_action.setVisible(user is not None and user.role in ("supervisor", "admin"))
        if user is None:
            self.users_window.hide()
            self.audit_window.hide()
            if self.reports_window is not None:
                self.reports_window.hide()
            return
        found = guarded(lambda _m: None, lambda: notices.at_sign_in(user), "sign-in notices") or []
        if found:
            lang = i18n.current_language()
            self.notice_box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ShopMenu", "Please note"),
                                          "\n\n".join(n.text(lang) for n in found), parent=self.window_parent)
            self.notice_box.open()
        if user.must_change_pin:
            self.change_own_pin()

    def change_own_pin(self) -> None:
        user = self.user()
        if user is None:
            return
        dialog = NewPinDialog(user.username, with_old=True, parent=self.window_parent)
        dialog.act = lambda d: staff.change_pin(user.username, d.old.text(), d.pin.text())
        self.pin_dialog = dialog
        dialog.open()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ShopMenu", "&Shop"))
        self.users_action.setText(QCoreApplication.translate("ShopMenu", "Users…"))
        self.audit_action.setText(QCoreApplication.translate("ShopMenu", "Audit trail…"))
        self.pin_action.setText(QCoreApplication.translate("ShopMenu", "Change my PIN…"))
        self.reports_action.setText(QCoreApplication.translate("ShopMenu", "Reports…"))
        for window in (self.users_window, self.audit_window, *([self.reports_window] if self.reports_window else [])):
            window.setWindowTitle(self._title(window))
