"""The window's menus: Counter (next customer, scan field, lock, quit), Print, and Language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app import i18n
from app.ui.pages.base import CounterContext
from app.ui.shell.print_menu import PrintMenu

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


class CounterMenus:
    """Builds the menu bar of `window`; the actions call back into the shell."""

    def __init__(self, window: QMainWindow, context: CounterContext, *, new_customer: Callable[[], None],
                 focus_scan: Callable[[], None], lock: Callable[[], None],
                 switch_language: Callable[[str], None]) -> None:
        bar = window.menuBar()
        self.counter_menu = bar.addMenu("")
        self.new_action = self._action(window, new_customer, QKeySequence(Qt.Key.Key_Escape))
        self.lock_action = self._action(window, lock, QKeySequence(Qt.Key.Key_F12), QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.focus_scan_action = self._action(window, focus_scan, QKeySequence(Qt.Key.Key_F2))
        self.quit_action = self._action(window, window.close, QKeySequence("Ctrl+Q"))
        for action in (self.new_action, self.focus_scan_action, self.lock_action):
            self.counter_menu.addAction(action)
        self.counter_menu.addSeparator()
        self.counter_menu.addAction(self.quit_action)
        window.addActions([self.new_action, self.focus_scan_action, self.lock_action])

        # end-of-day report, policy notice, paper size
        self.print_menu = PrintMenu(context, bar)
        bar.addMenu(self.print_menu)
        # this till's printers (the owner's choice, kept in the machine's own settings file)
        self.printers_action = QAction(window)
        self.printers_action.triggered.connect(lambda _checked=False: self._choose_printers(window, context))
        self.print_menu.addSeparator()
        self.print_menu.addAction(self.printers_action)

        # issue 14: the owner's import page, opened in its own window from the Counter menu
        self.import_action = QAction(window)
        self.import_action.triggered.connect(lambda _checked=False: self._open_imports(window, context))
        self.counter_menu.insertAction(self.quit_action, self.import_action)

        self.language_menu = bar.addMenu("")
        group = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANGUAGES:
            action = QAction(name, window, checkable=True)
            action.setData(lang)
            action.setChecked(lang == i18n.current_language())
            action.triggered.connect(lambda _checked=False, code=lang: switch_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

    @staticmethod
    def _action(window: QMainWindow, slot: Callable[[], object], *keys: QKeySequence) -> QAction:
        action = QAction(window)
        action.setShortcuts(list(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @staticmethod
    def _choose_printers(window: QMainWindow, context: CounterContext) -> None:
        from app.ui.dialogs.printers import PrintersDialog

        dialog = PrintersDialog(context.clerk(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _open_imports(self, window: QMainWindow, context: CounterContext) -> None:
        # loaded when first opened: start-up stays light
        from app.ui.pages.imports import ImportPage

        page = getattr(self, "import_page", None) or ImportPage(context.clerk, window)
        page.setWindowFlag(Qt.WindowType.Window)
        self.import_page = page
        page.show()
        page.raise_()

    def tick_language(self, lang: str) -> None:
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)

    def retranslate(self) -> None:
        # the words stay in the window's translations (they were written there first)
        self.counter_menu.setTitle(QCoreApplication.translate("MainWindow", "&Counter"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.new_action.setText(QCoreApplication.translate("MainWindow", "Next customer"))
        self.focus_scan_action.setText(QCoreApplication.translate("MainWindow", "Go to the scan field"))
        self.lock_action.setText(QCoreApplication.translate("MainWindow", "Lock the counter"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "Quit"))
        self.printers_action.setText(QCoreApplication.translate("PrintersDialog", "Printers of this till…"))
        self.import_action.setText(QCoreApplication.translate("ImportPage", "Import sales from the till…"))
