"""Puts the work pages into the main window and wires their buttons (one place, so the window stays small)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.ui.shell.window import MainWindow


def build_pages(window: MainWindow) -> None:
    from app.ui.pages.code import CodePage
    from app.ui.pages.member import MemberPage
    from app.ui.pages.no_receipt import NoReceiptPage
    from app.ui.pages.receipt import ReceiptPage
    from app.ui.pages.completed import ReturnPage

    window.receipt_page = ReceiptPage(window)
    window.no_receipt_page = NoReceiptPage(window)
    window.member_page = MemberPage(window)
    window.code_page = CodePage(window)
    window.return_page = ReturnPage(window)
    for page in (window.receipt_page, window.no_receipt_page, window.member_page, window.code_page,
                 window.return_page):
        window.pages.addWidget(page)

    def open_no_receipt() -> None:
        window.no_receipt_page.start()
        window.show_page(window.no_receipt_page)

    def open_members() -> None:
        window.member_page.start()
        window.show_page(window.member_page)

    window.no_receipt_button = window.add_page_button(
        QT_TRANSLATE_NOOP("Pages", "No receipt"), "F5", open_no_receipt)
    window.member_button = window.add_page_button(QT_TRANSLATE_NOOP("Pages", "Members"), "F6", open_members)
