"""Completing a return from any page: supervisor approval when needed, then the slip and its preview.

The one place the counter writes a return: a page hands over the request and is called back with what
was written (the approval rewire of issue 9 touches only this module).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.errors import DeskError
from app.services import returns
from app.services.views import Approval, CompletedReturn, QuoteView, ReturnRequest, UserView
from app.ui import fmt, printouts
from app.ui.pages.base import Approved, AskSupervisor
from app.ui.printouts import Printout
from app.ui.widgets.status import StatusArea, error_text, guarded, log
from app.ui.words import TENDERS, word


class ReturnCompletion:
    """Writes returns through the services and shows their printouts, for every page of one window."""

    def __init__(self, clerk: Callable[[], UserView | None], status: StatusArea,
                 ask_supervisor: Callable[[AskSupervisor], None],
                 show_printouts: Callable[[list[Printout]], None]) -> None:
        self.clerk = clerk
        self.status = status
        self.ask_supervisor = ask_supervisor
        self.show_printouts = show_printouts

    def complete(self, request: ReturnRequest, quote: QuoteView | None, on_completed: Approved) -> None:
        """Writes the return (one transaction); asks a supervisor first if the quote says so or the
        services answer NeedsSupervisor."""
        clerk = self.clerk()
        if clerk is None:
            return

        def attempt(approval: Approval) -> CompletedReturn:
            return returns.complete(request, clerk, approval)

        def ask(reasons: tuple[str, ...]) -> None:
            self.ask_supervisor(AskSupervisor(attempt, on_completed, reasons=reasons))

        if quote is not None and quote.needs_supervisor:
            ask(quote.supervisor_reasons)
            return
        try:
            result = returns.complete(request, clerk)
        except returns.NeedsSupervisor as exc:
            ask(exc.reasons)
            return
        except DeskError as exc:
            self.status.show_error(error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 — a bug: logged; the transaction rolled back
            log.exception("completing a return failed")
            self.status.show_error(error_text(exc))
            return
        on_completed(result)

    def completed(self, result: CompletedReturn) -> None:
        """What the counter says and prints once a page reports a return completed."""
        self.status.show_success(lambda: completed_text(result))

    def print_return(self, result: CompletedReturn, reprint: bool) -> None:
        docs = guarded(self.status.show_error,
                       lambda: printouts.for_return(result.number, result.coupon_code, result.voucher_code,
                                                    reprint),
                       "printing")
        if docs:
            self.show_printouts(docs)


def completed_text(result: CompletedReturn) -> str:
    """'Return RT… completed. Refund ¥… to …' in the current language (said again after a switch)."""
    money = ", ".join(f"{word(TENDERS, t.method)} {fmt.money(t.amount)}" for t in result.tenders)
    text = QCoreApplication.translate("Completion", "Return {number} completed. Refund {amount}").format(
        number=result.number, amount=fmt.money(result.refund_total))
    if money:
        text += QCoreApplication.translate("Completion", " to {tenders}").format(tenders=money)
    return text + "."
