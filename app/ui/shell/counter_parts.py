"""The counter's parts behind the sign-in page, in one module: the launch imports it in the background."""

from __future__ import annotations

from dataclasses import dataclass

from app.services import shop
from app.ui.dialogs.approval import SupervisorDialog  # noqa: F401 — imported here so the launch loads it early
from app.ui.dialogs.preview import PreviewDialog  # noqa: F401 — as above
from app.ui.pages.base import CounterContext
from app.ui.shell.admin_menu import ShopMenu
from app.ui.shell.completion import ReturnCompletion
from app.ui.shell.counter_view import CounterView
from app.ui.shell.menus import CounterMenus
from app.ui.shell.pages import CounterPages
from app.ui.shell.printing import BackgroundPrinter, submit_send
from app.ui.shell.scan_router import ScanRouter
from app.ui.shell.service_loop import ServiceLoop
from app.ui.widgets.status import guarded

__all__ = ["BackgroundPrinter", "CounterContext", "CounterMenus", "CounterPages", "CounterView", "ReturnCompletion",
           "ScanRouter", "ServiceLoop", "ShopFacts", "ShopMenu", "shop_facts", "submit_send"]


@dataclass(frozen=True)
class ShopFacts:
    """What the window shows of the shop before anyone signs in."""

    name: str
    demo: bool


def shop_facts() -> ShopFacts:
    """The shop's name and whether it is the demo shop (演示 DEMO); a read that fails shows no name."""
    name = guarded(lambda _m: None, shop.shop_name, "shop name") or ""
    return ShopFacts(name, bool(guarded(lambda _m: None, shop.is_demo, "demo mark")))
