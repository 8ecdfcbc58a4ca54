"""The counter's main window: header with the shop name, scan bar, status area and the work pages."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QChildEvent, QEvent, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from app.ui import translation
from app.ui.pages.signin import SignInPage
from app.ui.widgets.base import Retranslating
from app.ui.widgets.scan import ScanDetector, install_detector

if TYPE_CHECKING:  # the counter's parts come with the ORM and reportlab: loaded after the sign-in page shows
    from app.services.printouts import Printout
    from app.services.refusals import RecordedRefusal
    from app.services.views import CompletedReturn, ProductView, UserView
    from app.ui.dialogs.approval import SupervisorDialog
    from app.ui.dialogs.preview import PreviewDialog
    from app.ui.pages.base import AskSupervisor, CounterPage
    from app.ui.shell.counter_parts import ShopFacts
    from app.ui.shell.printing import Send

DEMO_MARK = "演示 DEMO"  # the same on every screen and slip (app.printing.frame.DEMO_MARK), in either language


class MainWindow(Retranslating, QMainWindow):
    """Holds the signed-in clerk and the dialogs it opened; the pages get a context, never the window.

    Built whole by default. `deferred=True` (the launch) builds only the sign-in page; `build_counter`
    then adds the rest a piece per step, each step short enough that the event loop keeps running.
    """

    language_changed = Signal(str)

    def __init__(self, detector: ScanDetector | None = None, send: Send | None = None, *,
                 deferred: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.clerk: UserView | None = None
        self.preview: PreviewDialog | None = None           # the last printout preview opened
        self.approval_dialog: SupervisorDialog | None = None  # the last supervisor approval asked
        self.shop_name, self.demo, self.built = "", False, False
        self.detector = detector or ScanDetector(self)
        install_detector(self.detector)
        self.sign_in = SignInPage()
        self.sign_in.signed_in.connect(self._on_signed_in)
        self.outer = QStackedWidget()
        self.outer.addWidget(self.sign_in)
        self.setCentralWidget(self.outer)
        if deferred:
            self.sign_in.wait_for_shop()
        else:
            from app.ui.shell.counter_parts import shop_facts

            for _step in self.build_counter(shop_facts(), send):
                pass
        self.retranslate()
        self.outer.setCurrentWidget(self.sign_in)
        self.sign_in.start()

    def build_counter(self, facts: ShopFacts, send: Send | None = None) -> Generator[None, None, None]:
        """The counter behind the sign-in page; each `yield` is a point where the event loop may run."""
        from app.ui.shell import counter_parts as parts

        self.shop_name, self.demo = facts.name, facts.demo   # 演示 DEMO in the title
        marked = f"{DEMO_MARK} · {self.shop_name}" if self.demo else self.shop_name
        self.sign_in.set_shop_name(marked)
        self.view = parts.CounterView(marked)
        self.counter, self.scan, self.status, self.pages = (self.view, self.view.scan, self.view.status,
                                                            self.view.pages)
        self.view.lock_button.clicked.connect(self.lock)
        self.outer.addWidget(self.counter)
        self.printer = parts.BackgroundPrinter(send or parts.submit_send, self.status, self)
        self.completion = parts.ReturnCompletion(lambda: self.clerk, self.status, self.ask_supervisor,
                                                 self.show_printouts, self.printer.print_papers)
        self.context = parts.CounterContext(clerk=lambda: self.clerk, status=self.status,
                                            show_printouts=self.show_printouts, ask_supervisor=self.ask_supervisor,
                                            complete_return=self.completion.complete,
                                            print_return=self.completion.print_return,
                                            print_papers=self.printer.print_papers,
                                            preview_return=self.completion.preview_return)
        self.scanned_product: ProductView | None = None  # a product barcode scanned in the main field (F5)
        yield
        yield from self._build_pages()
        self.printer.failed.connect(self.return_page.show_kept_papers)  # F3 appears when a paper was kept
        self.router = parts.ScanRouter(self.status, self.page_set.routes(), self.current_page, self.show_page,
                                       self.active_modal, self.offer_no_receipt)
        self.detector.code_scanned.connect(self._on_code_scanned)
        self.scan.code_entered.connect(self._on_code_scanned)
        self.menus = parts.CounterMenus(self, self.context, new_customer=self.new_customer,
                                        focus_scan=self.scan.setFocus, lock=self.lock,
                                        switch_language=self.switch_language)
        self.counter_menu, self.print_menu = self.menus.counter_menu, self.menus.print_menu
        self.language_actions = self.menus.language_actions
        yield
        self.shop_menu = parts.ShopMenu(lambda: self.clerk, self.show_printouts, self)
        self.menuBar().addMenu(self.shop_menu)
        # the repairs page is a menu entry with its key: the scan bar has no room left in English
        self.repairs_action = self.menus._action(self, self.open_repairs, QKeySequence("Shift+F9"))
        self.counter_menu.insertAction(self.menus.quit_action, self.repairs_action)
        self.addAction(self.repairs_action)
        self.built = True
        self.retranslate()

    # -- pages ---------------------------------------------------------------------------------
    def _build_pages(self) -> Generator[None, None, None]:
        from app.ui.shell import counter_parts as parts

        self.page_set = yield from parts.CounterPages.building(self.context, self.pages.addWidget)
        self.welcome = self.page_set.welcome
        self.receipt_page, self.no_receipt_page = self.page_set.receipt, self.page_set.no_receipt
        self.member_page, self.code_page = self.page_set.member, self.page_set.code
        self.return_page = self.page_set.completed
        self.receipt_page.return_completed.connect(self._on_return_completed)
        self.no_receipt_page.return_completed.connect(self._on_return_completed)
        self.receipt_page.refusal.recorded.connect(self._on_refusal_recorded)
        self.no_receipt_page.refusal.recorded.connect(self._on_refusal_recorded)
        self.member_page.found_chosen.connect(self.open_found)
        self.no_receipt_button = self.view.add_page_button(QT_TRANSLATE_NOOP("Pages", "No receipt"), "F5",
                                                           self.open_no_receipt)
        self.member_button = self.view.add_page_button(QT_TRANSLATE_NOOP("Pages", "Members"), "F6",
                                                       self.open_members)
        yield
        self.service = parts.ServiceLoop(self, self.context, self.view, self.show_page, self.receipt_page,
                                         self.return_page)
        yield

    def open_no_receipt(self) -> None:
        """F5; after a product's barcode was scanned in the main field, with that product filled in."""
        product, self.scanned_product = self.scanned_product, None
        self.status.clear_message()   # the last page's banner is not this page's news
        self.no_receipt_page.start(product)
        self.show_page(self.no_receipt_page)

    def offer_no_receipt(self, product: ProductView) -> None:
        from app.ui import fmt

        self.scanned_product = product
        name = fmt.product_name(product.name_zh, product.name_en)
        self.status.show_info(lambda: self.tr(
            "{name} ({sku}) is a product, not a receipt. F5: return it without a receipt.").format(
                name=name, sku=product.sku))

    def open_repairs(self) -> None:
        self.page_set.repairs.start()
        self.show_page(self.page_set.repairs)

    def open_members(self) -> None:
        self.status.clear_message()
        self.member_page.start()
        self.show_page(self.member_page)

    def show_page(self, page: CounterPage) -> None:
        if page is not self.pages.currentWidget():
            self.scanned_product = None
        self.pages.setCurrentWidget(page)

    def current_page(self) -> CounterPage:
        from app.ui.pages.base import CounterPage

        page = self.pages.currentWidget()
        assert isinstance(page, CounterPage)
        return page

    def work_pages(self) -> list[CounterPage]:
        return [*self.page_set.all(), *self.service.pages()]

    def new_customer(self) -> None:
        """Esc: forget the current customer and go back to the scan field."""
        for page in self.work_pages():
            page.reset()
        self.pages.setCurrentWidget(self.welcome)
        self.status.show_info("")
        self.scan.setFocus()

    def open_found(self, found: object) -> None:
        """Shows a receipt, member, code or return, as a scan of its code would."""
        self.router.open_found(found)

    def _on_return_completed(self, result: CompletedReturn) -> None:
        papers = self.completion.completed(result)
        self.return_page.open_return(result, papers.slip if papers is not None else None)
        self.show_page(self.return_page)
        self.service.return_completed(result)  # the rating asked, the customer display shows it

    def _on_refusal_recorded(self, done: RecordedRefusal) -> None:
        """Nothing was taken back: the customer goes, the counter is ready for the next one."""
        self.new_customer()
        if not done.receipt_no:
            self.status.show_success(lambda: self.tr(
                "Refusal {number} recorded (no receipt): nothing taken back, nothing given.").format(
                    number=done.number))
            return
        self.status.show_success(lambda: self.tr(
            "Refusal {number} recorded for receipt {receipt}: nothing taken back, nothing refunded.").format(
                number=done.number, receipt=done.receipt_no))

    # -- codes ---------------------------------------------------------------------------------
    def _on_code_scanned(self, code: str) -> None:
        if self.outer.currentWidget() is self.sign_in and self.active_modal() is None:
            self.sign_in.accept_scan(code)  # a staff card picks its user; nothing else is opened
            return
        if self.clerk is None or self.outer.currentWidget() is not self.counter:
            return  # a scan on the lock screen opens nothing
        self.router.route(code)

    def active_modal(self) -> QWidget | None:
        modal = QApplication.activeModalWidget()
        return modal if modal is not None and modal is not self else None

    # -- dialogs the pages ask for ---------------------------------------------------------------
    def show_printouts(self, docs: Sequence[Printout], kind: str = "return") -> None:
        from app.ui.dialogs.preview import PreviewDialog

        self.preview = PreviewDialog(list(docs), self, print_papers=self.printer.print_papers, kind=kind)
        self.preview.open()

    def ask_supervisor(self, ask: AskSupervisor) -> None:
        from app.ui.dialogs.approval import SupervisorDialog

        if self.clerk is None:
            return
        dialog = SupervisorDialog(self.clerk, ask.attempt, self, reasons=ask.reasons, with_reason=ask.with_reason,
                                  purpose=ask.purpose or "")
        approved: Callable[[CompletedReturn], None] = ask.approved
        dialog.approved.connect(approved)
        self.approval_dialog = dialog
        dialog.open()
        dialog.pin.setFocus()

    # -- sign-in and lock ----------------------------------------------------------------------
    def _on_signed_in(self, user: UserView) -> None:
        self.clerk = user
        self.outer.setCurrentWidget(self.counter)
        self.retranslate()
        self.status.show_success(lambda: self.tr("Signed in as {name}.").format(name=user.display_name))
        self.service.signed_in(user)  # the supervisor and the owner start at the complaint work list
        self.scan.setFocus()
        self.shop_menu.signed_in(user)

    def lock(self) -> None:
        """F12 / Ctrl+L: hide the counter until someone signs in again; the work on screen is kept."""
        previous = self.clerk.username if self.clerk else None
        self.clerk = None
        if self.built:
            self.shop_menu.signed_in(None)
        self.outer.setCurrentWidget(self.sign_in)
        self.sign_in.start(locked_by=previous)

    # -- language ------------------------------------------------------------------------------
    def switch_language(self, lang: str) -> None:
        translation.install(lang)
        translation.remember(lang)
        self.menus.tick_language(lang)
        self.language_changed.emit(lang)

    def retranslate(self) -> None:
        title = self.tr("Returns Desk")
        title = f"{self.shop_name} — {title}" if self.shop_name else title
        self.setWindowTitle(f"{DEMO_MARK} · {title}" if self.demo else title)
        if not self.built:
            return
        self.menus.retranslate()
        self.service.retranslate()
        self.repairs_action.setText(self.tr("Repair tickets"))
        self.view.retranslate_for(self.clerk)

    # -- the keyboard after a dialog -------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QDialog) and not child.property("handsKeyboardBack"):
                child.setProperty("handsKeyboardBack", True)
                child.finished.connect(lambda _result: self.take_keyboard())
        return super().event(event)

    def take_keyboard(self) -> None:
        """After a dialog of this window closes: the keyboard comes back to the counter.

        Without a window manager (Xvfb, a kiosk session) nobody re-activates the window, and its
        function keys stay dead until someone clicks it; so ask for it and put the cursor in the scan field.
        """
        modal = self.active_modal()
        if modal is not None:  # the next dialog is already up (the slip preview after an approval)
            modal.activateWindow()
            return
        self.activateWindow()
        self.raise_()
        if self.outer.currentWidget() is self.sign_in or not self.built:
            self.sign_in.pin.setFocus()
        else:
            self.scan.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.detector)
        if self.built:
            self.printer.wait(10000)  # papers already sent finish printing before the window goes
        super().closeEvent(event)
