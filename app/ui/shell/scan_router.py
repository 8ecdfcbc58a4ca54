"""Where a scanned or typed code goes: an open dialog, the page on screen, else the page for what it is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.errors import NotFound
from app.services import catalogue, lookup
from app.services.views import ProductView
from app.ui.pages.base import CounterPage
from app.ui.widgets.base import TakesScans
from app.ui.widgets.status import StatusArea, guarded

Routes = dict[type, tuple[CounterPage, Callable[[Any], None]]]


class ScanRouter:
    def __init__(self, status: StatusArea, routes: Routes, current_page: Callable[[], CounterPage],
                 show_page: Callable[[CounterPage], None], active_modal: Callable[[], QWidget | None],
                 product_scanned: Callable[[ProductView], None] | None = None) -> None:
        self.status = status
        self.product_scanned = product_scanned
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
        found = guarded(self.status.show_error, lambda: self.find(code), "look-up")
        if found is not None:
            self.open_found(found)

    def find(self, code: str) -> object | None:
        """What the code is; a product's own barcode offers a return without a receipt for it (F5)."""
        try:
            return lookup.find(code)
        except NotFound:
            product = [p for p in catalogue.find_product(code) if p.sku == code] if code.isdigit() else []
            if not product or self.product_scanned is None:
                raise
            self.product_scanned(product[0])
            return None

    def open_found(self, found: object) -> None:
        """Shows a receipt, member, code or return on its page (the table is keyed by the found type)."""
        route = self.routes.get(type(found))
        if route is None:
            return
        self.status.show_info("")
        page, show = route
        show(found)
        self.show_page(page)
