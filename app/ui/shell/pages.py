"""The counter's work pages, built with one context, and the table saying which page shows what was found."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from app.services.loop_views import RepairTicketView
from app.services.views import CodeStatusView, CompletedReturn, MemberView, ReceiptView
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.pages.code import CodePage
from app.ui.pages.completed import ReturnPage
from app.ui.pages.member import MemberPage
from app.ui.pages.no_receipt import NoReceiptPage
from app.ui.pages.receipt import ReceiptPage
from app.ui.pages.repairs import RepairsPage
from app.ui.shell.welcome import WelcomePage


@dataclass(frozen=True)
class CounterPages:
    welcome: WelcomePage
    receipt: ReceiptPage
    no_receipt: NoReceiptPage
    member: MemberPage
    code: CodePage
    completed: ReturnPage
    repairs: RepairsPage

    @classmethod
    def building(cls, context: CounterContext,
                 add: Callable[[CounterPage], object]) -> Generator[None, None, CounterPages]:
        """The same pages, each made and `add`ed (to the window's stack) in its own step, so the event loop
        runs between them; returns the set."""
        made: list[CounterPage] = []
        for page in (WelcomePage, ReceiptPage, NoReceiptPage, MemberPage, CodePage, ReturnPage, RepairsPage):
            made.append(page(context))
            add(made[-1])
            yield
        return cls(*made)  # type: ignore[arg-type]

    def all(self) -> tuple[CounterPage, ...]:
        return (self.welcome, self.receipt, self.no_receipt, self.member, self.code, self.completed, self.repairs)

    def routes(self) -> dict[type, tuple[CounterPage, Callable[[Any], None]]]:
        """What a look-up found (by its type) → the page that shows it, and how it opens there."""
        return {
            ReceiptView: (self.receipt, self.receipt.open_receipt),
            MemberView: (self.member, self.member.open_member),
            CodeStatusView: (self.code, self.code.open_code),
            CompletedReturn: (self.completed, self.completed.open_return),
            RepairTicketView: (self.repairs, self.repairs.open_ticket),
        }
