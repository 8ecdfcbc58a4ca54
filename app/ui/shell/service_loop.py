"""The service loop in the window: complaint and follow-up pages, Shift+F3 for a complaint, the rating, the customer display."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.services import complaints, loop_notices  # noqa: F401 — loop_notices adds its sign-in notices
from app.services.loop_views import ComplaintView
from app.services.views import CompletedReturn, UserView
from app.ui import fmt
from app.ui.dialogs.complaint import ComplaintDialog
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.pages.complaints import ComplaintsPage
from app.ui.pages.completed import ReturnPage
from app.ui.pages.followups import FollowUpsPage
from app.ui.pages.receipt import ReceiptPage
from app.ui.shell.counter_view import CounterView
from app.ui.shell.customer_display import CustomerDisplay
from app.ui.widgets.status import guarded

STAFF_WHO_SEE_THE_LIST = ("supervisor", "admin")


class ServiceLoop:
    """Built by the window after its pages; it adds two pages, a menu and the customer display."""

    def __init__(self, window: QMainWindow, context: CounterContext, view: CounterView,
                 show_page: Callable[[CounterPage], None], receipt_page: ReceiptPage, return_page: ReturnPage) -> None:
        self.window, self.context, self.show_page = window, context, show_page
        self.receipt_page, self.return_page = receipt_page, return_page
        self.complaints = ComplaintsPage(context)
        self.followups = FollowUpsPage(context)
        for page in (self.complaints, self.followups):
            view.pages.addWidget(page)
        self.complaints.new_requested.connect(self.new_complaint)
        view.add_page_button(QT_TRANSLATE_NOOP("Pages", "Complaints"), "Shift+F11", self.open_complaints)
        view.add_page_button(QT_TRANSLATE_NOOP("Pages", "Calls"), "F1", self.open_followups)
        self.display: CustomerDisplay | None = None
        self.dialog: ComplaintDialog | None = None
        self.menu = window.menuBar().addMenu("")
        self.new_action = self._action(self.new_complaint, "Shift+F3")  # F3 and F11 are the return page's
        self.display_action = self._action(self.toggle_display, "Ctrl+D")
        self.display_action.setCheckable(True)
        return_page.rating_recorded.connect(lambda _level: self.display.thank() if self.display else None)
        self.retranslate()

    def _action(self, slot: Callable[[], None], key: str) -> QAction:
        action = QAction(self.window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self.menu.addAction(action)
        return action

    def pages(self) -> tuple[CounterPage, ...]:
        return (self.complaints, self.followups)

    def open_complaints(self, escalated: list[ComplaintView] | None = None) -> None:
        self.complaints.start(escalated)
        self.show_page(self.complaints)

    def open_followups(self) -> None:
        self.followups.start()
        self.show_page(self.followups)

    def related_on_screen(self) -> str:
        """The receipt or return on screen: a complaint logged now is about it."""
        if self.return_page.current is not None and self.return_page.isVisible():
            return self.return_page.current.number
        if self.receipt_page.receipt is not None and self.receipt_page.isVisible():
            return self.receipt_page.receipt.receipt_no
        return ""

    def new_complaint(self) -> None:
        clerk = self.context.clerk()
        if clerk is None:
            return
        self.dialog = ComplaintDialog(clerk, self.window, self.related_on_screen())
        self.dialog.logged.connect(self._logged)
        self.dialog.open()
        self.dialog.activateWindow()
        self.dialog.description.setFocus()

    def _logged(self, c: ComplaintView) -> None:
        self.context.status.show_success(lambda: QCoreApplication.translate(
            "ServiceLoop", "Complaint {number} logged; respond by {due}.").format(
                number=c.number, due=fmt.shop_time(c.respond_by)))
        if self.complaints.isVisible():
            self.complaints.refresh()

    def signed_in(self, user: UserView) -> None:
        """The supervisor and the owner start at the work list; the owner sees the escalated major ones."""
        if user.role not in STAFF_WHO_SEE_THE_LIST:
            return
        escalated = guarded(self.context.status.show_error, lambda: complaints.escalations(user),
                            "escalations") if user.role == "admin" else []
        listed = guarded(self.context.status.show_error, lambda: complaints.work_list(user), "complaints")
        if escalated or listed:
            self.open_complaints(escalated or [])

    def return_completed(self, result: CompletedReturn) -> None:
        self.return_page.ask_rating(result)
        if self.display is not None:
            self.display.show_return(result)

    def toggle_display(self) -> None:
        if self.display is None:
            self.display = CustomerDisplay()
            self.display.rated.connect(self.return_page.rating.choose)  # a click there is the clerk's key here
        if self.display.isVisible():
            self.display.hide()
        else:
            self.display.show()
        self.display_action.setChecked(self.display.isVisible())

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("ServiceLoop", "Ser&vice"))
        self.new_action.setText(QCoreApplication.translate("ServiceLoop", "New complaint"))
        self.display_action.setText(QCoreApplication.translate("ServiceLoop", "Customer display"))
        self.complaints.retranslate()
        self.followups.retranslate()
