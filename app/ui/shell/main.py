"""`run_gui(lang)`: the application object, translators, fonts, database, then the counter window."""

from __future__ import annotations

import logging
import os
import sys
import threading

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.settings import resources_dir
from app.ui import translation

log = logging.getLogger("returns_desk.ui")

BASE_POINT_SIZE = 14
# Families tried in order; the bundled WenQuanYi Micro Hei makes Chinese readable on any machine.
FAMILIES = ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "Noto Sans", "DejaVu Sans"]


def register_fonts() -> list[str]:
    """Adds resources/fonts/*.ttc|ttf to Qt's font database; returns the families they bring."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted(folder.glob("*.tt[cf]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def style_app(app: QApplication) -> None:
    """Large, readable type and the counter's style sheet."""
    bundled = register_fonts()
    font = QFont(app.font())
    font.setFamilies(FAMILIES + [f for f in bundled if f not in FAMILIES])
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    qss = resources_dir() / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def make_app(lang: str, argv: list[str] | None = None) -> QApplication:
    """The QApplication with translators installed and fonts set — before any widget exists."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("returns-desk")
    app.setApplicationDisplayName("Returns Desk")
    translation.install(lang)
    style_app(app)
    return app


def log_to_file() -> None:
    """Warnings and bugs (with their tracebacks) go to logs/returns-desk.log in the shop's data folder:
    a windowed build has no console, and "nothing was saved" on screen needs its details somewhere."""
    from logging.handlers import RotatingFileHandler

    from app.settings import data_dir

    folder = data_dir() / "logs"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the log may name staff and receipts: owner only
    log_file = folder / "returns-desk.log"
    os.close(os.open(log_file, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600))
    handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setLevel(logging.WARNING)
    from app.log_privacy import MaskingFormatter

    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def first_run() -> bool:
    """No shop at the configured place: the set-up screen instead of a refusal. False if it was closed."""
    from app.services.setup import needs_setup
    from app.ui.pages.setup import SetupScreen

    if not needs_setup():
        return True
    return SetupScreen().exec() == SetupScreen.DialogCode.Accepted


def run_gui(lang: str, remembered: bool = False) -> int:
    """The sign-in window first, with nothing but Qt and the sign-in page loaded; the rest comes behind it."""
    from app.ui.shell.excepthook import install_exception_hook
    from app.ui.shell.launch import Launch
    from app.ui.shell.window import MainWindow

    log_to_file()
    app = make_app(translation.remembered_language(lang) if remembered else lang)
    window = MainWindow(deferred=True)
    install_exception_hook(lambda message: window.status.show_error(message) if window.built else None)
    window.resize(1366, 768)
    window.show()
    if app.primaryScreen() is not None and app.primaryScreen().availableGeometry().width() <= 1366:
        window.showMaximized()
    # Ask for the keyboard once the window is up: in a kiosk session without a window manager nobody
    # else activates it, and the function keys (F5, F10, …) would stay dead until someone clicks.
    QTimer.singleShot(0, window.take_keyboard)
    launch = Launch(window, first_run)
    launch.refused.connect(app.quit)
    copying: list[threading.Thread] = []   # issue 11.4: once a day, after the counter is up; closing waits for a copy half made
    launch.finished.connect(lambda: QTimer.singleShot(3000, lambda: copying.append(_daily_backup())))
    QTimer.singleShot(0, launch.start)   # once the event loop runs: the window is painted first
    code = app.exec()
    for thread in copying:
        thread.join(timeout=120)
    launch.join(timeout=10)
    if "app.db" in sys.modules:   # closed before the database was ever opened: nothing to close
        from app.services import startup

        startup.close_shop()
    return code


def _daily_backup() -> threading.Thread:
    from app.services import daily_backup

    return daily_backup.in_background()
