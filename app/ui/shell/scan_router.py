"""Where a scanned or typed code goes: an open dialog, the page on screen, else the page for what it is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.services import lookup
from app.ui.pages.base import CounterPage
from app.ui.widgets.base import TakesScans
from app.ui.widgets.status import StatusArea, guarded

Routes = dict[type, tuple[CounterPage, Callable[[Any], None]]]


class ScanRouter:
    def __init__(self, status: StatusArea, routes: Routes, current_page: Callable[[], CounterPage],
                 show_page: Callable[[CounterPage], None], active_modal: Callable[[], QWidget | None]) -> None:
        self.status = status
        self.routes = routes
        self.current_page = current_page
        self.show_page = show_page
        self.active_modal = active_modal

    def route(self, code: str) -> None:
        if not code:
            self.current_page().main_action()  # Enter in an empty scan field (complete the return)
            return
        active = self.active_modal()
        if active is not None and (not isinstance(active, TakesScans) or active.accept_scan(code)
                                   or self.active_modal() is not None):
            return  # the dialog took it (or ignores it): nothing reaches the page underneath
        self.status.clear_message()  # what an earlier scan left (e.g. "nothing found") is old news now
        if self.current_page().accept_scan(code):
            return
        found = guarded(self.status.show_error, lambda: lookup.find(code), "look-up")
        if found is not None:
            self.open_found(found)

    def open_found(self, found: object) -> None:
        """Shows a receipt, member, code or return on its page (the table is keyed by the found type)."""
        route = self.routes.get(type(found))
        if route is None:
            return
        self.status.show_info("")
        page, show = route
        show(found)
        self.show_page(page)
