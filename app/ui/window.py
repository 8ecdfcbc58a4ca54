"""The counter's main window: header with the shop name, scan bar, status area and the work pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.services import lookup, shop
from app.services.views import CodeStatusView, CompletedReturn, MemberView, ReceiptView, UserView
from app.ui import translation
from app.ui.keys import bind_key
from app.ui.scan import ScanDetector, ScanField, install_detector
from app.ui.signin import SignInPage
from app.ui.status import StatusArea, guarded
from app.ui.words import ROLES, word


class WelcomePage(QLabel):
    """What the counter shows between customers: how to start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setText(self.tr(
            "Scan the customer's receipt, member card, coupon or return slip.\n"
            "F5 return without a receipt · F6 find a member · F12 lock"))


class MainWindow(QMainWindow):
    """Holds the signed-in clerk; routes every scanned or typed code to the page that shows it."""

    language_changed = Signal(str)

    def __init__(self, detector: ScanDetector | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.clerk: UserView | None = None
        self.shop_name = guarded(lambda _m: None, shop.shop_name, "shop name") or ""
        self.detector = detector or ScanDetector(self)
        install_detector(self.detector)
        self.detector.code_scanned.connect(self._on_code_scanned)

        self.sign_in = SignInPage()
        self.sign_in.set_shop_name(self.shop_name)
        self.sign_in.signed_in.connect(self._on_signed_in)
        self.counter = QWidget()
        self.counter.setObjectName("counter")
        self.outer = QStackedWidget()
        self.outer.addWidget(self.sign_in)
        self.outer.addWidget(self.counter)
        self.setCentralWidget(self.outer)

        # header: shop name, who is signed in, lock
        self.shop_label = QLabel(self.shop_name)
        self.shop_label.setObjectName("shopName")
        self.clerk_label = QLabel()
        self.clerk_label.setObjectName("clerk")
        self.lock_button = QPushButton()
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(self.lock)
        header = QHBoxLayout()
        header.addWidget(self.shop_label, 1)
        header.addWidget(self.clerk_label)
        header.addWidget(self.lock_button)

        # scan bar
        self.scan_label = QLabel()
        self.scan = ScanField()
        self.scan.setObjectName("scanField")
        self.scan.code_entered.connect(self._on_code_scanned)
        self.scan_label.setBuddy(self.scan)
        scan_bar = QHBoxLayout()
        scan_bar.addWidget(self.scan_label)
        scan_bar.addWidget(self.scan, 1)
        self.page_buttons: list[tuple[QPushButton, str, str]] = []
        self._scan_bar = scan_bar

        self.status = StatusArea()
        self.pages = QStackedWidget()
        self.welcome = WelcomePage()
        self.pages.addWidget(self.welcome)

        column = QVBoxLayout(self.counter)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(header)
        column.addLayout(scan_bar)
        column.addWidget(self.status)
        column.addWidget(self.pages, 1)

        self._build_pages()
        self._build_menus()
        self.retranslate()
        self.outer.setCurrentWidget(self.sign_in)
        self.sign_in.start()

    # -- pages ---------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        """The work pages; each one is added by its own module (see app.ui.pages)."""
        from app.ui.pages import build_pages

        build_pages(self)

    def add_page_button(self, text: str, shortcut: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bind_key(button, shortcut)
        button.clicked.connect(slot)
        self._scan_bar.addWidget(button)
        self.page_buttons.append((button, text, shortcut))
        return button

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def new_customer(self) -> None:
        """Esc: forget the current customer and go back to the scan field."""
        for page in self.work_pages():
            reset = getattr(page, "reset", None)
            if callable(reset):
                reset()
        self.pages.setCurrentWidget(self.welcome)
        self.status.show_info("")
        self.scan.setFocus()

    def work_pages(self) -> list[QWidget]:
        return [self.pages.widget(i) for i in range(self.pages.count())]

    # -- codes ---------------------------------------------------------------------------------
    def _on_code_scanned(self, code: str) -> None:
        if self.clerk is None or self.outer.currentWidget() is not self.counter:
            return  # a scan on the lock screen does nothing
        if not code:
            self.enter_pressed()
            return
        active = self.active_modal()
        if active is not None:
            accept = getattr(active, "accept_scan", None)
            if not callable(accept) or accept(code) or self.active_modal() is not None:
                return  # the dialog took it (or ignores it): nothing reaches the page underneath
        page = self.current_page()
        accept = getattr(page, "accept_scan", None)
        if callable(accept):
            self.status.clear_message()  # what an earlier scan left (e.g. "nothing found") is old news now
            if accept(code):
                return
        found = guarded(self.status.show_error, lambda: lookup.find(code), "look-up")
        if found is not None:
            self.open_found(found)

    def active_modal(self) -> QWidget | None:
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        return modal if modal is not None and modal is not self else None

    def open_found(self, found: object) -> None:
        """Shows a receipt, member, code or return, as a scan of its code would."""
        self.status.show_info("")
        if isinstance(found, ReceiptView):
            self.receipt_page.open_receipt(found)
            self.show_page(self.receipt_page)
        elif isinstance(found, MemberView):
            self.member_page.open_member(found)
            self.show_page(self.member_page)
        elif isinstance(found, CodeStatusView):
            self.code_page.open_code(found)
            self.show_page(self.code_page)
        elif isinstance(found, CompletedReturn):
            self.return_page.open_return(found)
            self.show_page(self.return_page)

    def enter_pressed(self) -> None:
        """Enter in an empty scan field: the page's main action (complete the return)."""
        action = getattr(self.current_page(), "main_action", None)
        if callable(action):
            action()

    # -- sign-in and lock ----------------------------------------------------------------------
    def _on_signed_in(self, user: UserView) -> None:
        self.clerk = user
        self.outer.setCurrentWidget(self.counter)
        self.retranslate()
        self.status.show_success(lambda: self.tr("Signed in as {name}.").format(name=user.display_name))
        self.scan.setFocus()

    def lock(self) -> None:
        """F12 / Ctrl+L: hide the counter until someone signs in again; the work on screen is kept."""
        previous = self.clerk.username if self.clerk else None
        self.clerk = None
        self.outer.setCurrentWidget(self.sign_in)
        self.sign_in.start(locked_by=previous)

    # -- menus and language --------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.counter_menu = bar.addMenu("")
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.new_action.triggered.connect(self.new_customer)
        self.lock_action = QAction(self)
        self.lock_action.setShortcuts([QKeySequence(Qt.Key.Key_F12), QKeySequence("Ctrl+L")])
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.focus_scan_action = QAction(self)
        self.focus_scan_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.focus_scan_action.triggered.connect(lambda: self.scan.setFocus())
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        for action in (self.new_action, self.focus_scan_action, self.lock_action):
            self.counter_menu.addAction(action)
        self.counter_menu.addSeparator()
        self.counter_menu.addAction(self.quit_action)
        self.addActions([self.new_action, self.focus_scan_action, self.lock_action])

        # end-of-day report, policy notice, paper size
        from app.ui.print_menu import PrintMenu

        self.print_menu = PrintMenu(self)
        bar.addMenu(self.print_menu)

        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setData(lang)
            action.setChecked(lang == i18n.current_language())
            action.triggered.connect(lambda _checked=False, code=lang: self.switch_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

    def switch_language(self, lang: str) -> None:
        translation.install(lang)
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)
        self.language_changed.emit(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        title = self.tr("Returns Desk")
        self.setWindowTitle(f"{self.shop_name} — {title}" if self.shop_name else title)
        self.counter_menu.setTitle(self.tr("&Counter"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.new_action.setText(self.tr("Next customer"))
        self.focus_scan_action.setText(self.tr("Go to the scan field"))
        self.lock_action.setText(self.tr("Lock the counter"))
        self.quit_action.setText(self.tr("Quit"))
        self.lock_button.setText(self.tr("Lock (F12)"))
        self.scan_label.setText(self.tr("&Code:"))
        self.scan.setPlaceholderText(self.tr("Scan or type a receipt, card, coupon or return number, then Enter"))
        for button, text, shortcut in self.page_buttons:
            button.setText(f"{self.translate_page_text(text)} ({shortcut})")
        if self.clerk is not None:
            self.clerk_label.setText(self.tr("{role}: {name}").format(role=word(ROLES, self.clerk.role),
                                                                      name=self.clerk.display_name))
        else:
            self.clerk_label.clear()

    def translate_page_text(self, text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Pages", text)

    # -- dialogs -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
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
        if self.outer.currentWidget() is self.sign_in:
            self.sign_in.pin.setFocus()
        else:
            self.scan.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.detector)
        super().closeEvent(event)
