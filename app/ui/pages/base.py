"""The counter page: the interface every work page has, and the context it gets from the window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from app.services.printouts import Printout
from app.services.views import Approval, CompletedReturn, QuoteView, ReturnRequest, UserView
from app.ui.widgets.base import Retranslating
from app.ui.widgets.status import StatusArea

# A supervisor's approval asked for: what it unlocks, and what to do with the result.
Attempt = Callable[[Approval], CompletedReturn]
Approved = Callable[[CompletedReturn], None]


@dataclass(frozen=True)
class AskSupervisor:
    """The supervisor dialog's settings for one approval."""

    attempt: Attempt
    approved: Approved
    with_reason: bool = True
    purpose: str | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class CounterContext:
    """What a page may use of the counter around it (the window hands it over; pages never see it)."""

    clerk: Callable[[], UserView | None]
    status: StatusArea
    show_printouts: Callable[[Sequence[Printout]], None]
    ask_supervisor: Callable[[AskSupervisor], None]
    # writes the return (asking a supervisor first when needed); calls back with what was written
    complete_return: Callable[[ReturnRequest, QuoteView | None, Approved], None]
    print_return: Callable[[CompletedReturn, bool], None]   # the slips again (True: marked reprint)
    # papers straight to the printer, in the background, no dialog (a failure shows on the status line)
    print_papers: Callable[[Sequence[Printout]], None] = field(default=lambda _docs: None)
    preview_return: Callable[[CompletedReturn], None] = field(default=lambda _result: None)  # F8


class CounterPage(Retranslating, QWidget):
    """A work page: takes scans, empties itself for the next customer, and has one main action (Enter)."""

    def __init__(self, context: CounterContext, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.context = context

    def accept_scan(self, code: str) -> bool:
        """True when the code was the page's own (a product while exchanging); else it is looked up."""
        return False

    def reset(self) -> None:
        """Forget the customer (Esc)."""

    def main_action(self) -> None:
        """Enter in the empty scan field."""
