"""Completing a return from any page: a supervisor's approval first when the quote needs one, then the
papers, read once after the write.

The one place the counter writes a return: a page hands over the request and is called back with what
was written; the shell then shows it and its printouts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from app.errors import DeskError
from app.services import approvals, machine, printouts, returns
from app.services.printouts import Printout, ReturnPrintouts
from app.services.views import Approval, CompletedReturn, QuoteView, ReturnRequest, UserView
from app.ui import fmt
from app.ui.pages.base import Approved, AskSupervisor
from app.ui.shell.printing import return_papers
from app.ui.widgets.status import StatusArea, error_text, guarded, log
from app.ui.words import TENDERS, word


class ReturnCompletion:
    """Writes returns through the services and reads their printouts, for every page of one window."""

    def __init__(self, clerk: Callable[[], UserView | None], status: StatusArea,
                 ask_supervisor: Callable[[AskSupervisor], None],
                 show_printouts: Callable[..., None],   # (papers, kind="return" | "exchange")
                 print_papers: Callable[[Sequence[Printout]], None]) -> None:
        self.clerk = clerk
        self.status = status
        self.ask_supervisor = ask_supervisor
        self.show_printouts = show_printouts
        self.print_papers = print_papers

    def complete(self, request: ReturnRequest, quote: QuoteView | None, on_completed: Approved) -> None:
        """Writes the return (one transaction). When the quote needs a supervisor, the dialog first
        gets their approval from the approvals service, and the completing call takes it."""
        clerk = self.clerk()
        if clerk is None:
            return
        if quote is None:
            quote = guarded(self.status.show_error, lambda: returns.quote(request), "quote")
            if quote is None:
                return
        if quote.needs_supervisor:
            reasons = quote.supervisor_reasons

            def approved_then_completed(a: Approval) -> CompletedReturn:
                granted = approvals.approve(a.supervisor, a.pin, a.reason, a.note, clerk, reasons)
                return returns.complete(request, clerk, granted)

            self.ask_supervisor(AskSupervisor(approved_then_completed, on_completed, reasons=reasons))
            return
        try:
            result = returns.complete(request, clerk)
        except DeskError as exc:
            self.status.show_error(error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 — a bug: logged; the transaction rolled back
            log.exception("completing a return failed")
            self.status.show_error(error_text(exc))
            return
        on_completed(result)

    def completed(self, result: CompletedReturn) -> ReturnPrintouts | None:
        """Says what was done, reads the return's papers once (their slip data feeds the screen too) and
        sends every one of them to the printer — no dialog; F8 on the return page previews them."""
        self.status.show_success(lambda: completed_text(result))
        papers, shop_copy = self.read(result, reprint=False)
        if papers is not None:
            self.print_papers(return_papers(papers.printouts, shop_copy))
        return papers

    def read(self, result: CompletedReturn, reprint: bool) -> tuple[ReturnPrintouts | None, bool]:
        """The papers in the shop's paper language (bilingual by default), whatever the screen shows."""
        def papers() -> tuple[ReturnPrintouts, bool]:
            read = printouts.for_return(result.number, None, reprint)   # the shop's paper language
            # the shop copy: the shop's setting, or this till's roll printer set to print one
            return read, read.shop_copy or machine.printer_for("slip").shop_copy

        read = guarded(self.status.show_error, papers, "printing")
        return read if read is not None else (None, False)

    def print_return(self, result: CompletedReturn, reprint: bool) -> None:
        """F7: the papers again (marked as a reprint), straight to the printer."""
        papers, shop_copy = self.read(result, reprint)
        if papers is not None:
            self.print_papers(return_papers(papers.printouts, shop_copy))
            self.status.show_info(lambda: QCoreApplication.translate(
                "Completion", "Return {number}: printing again.").format(number=result.number))

    def preview_return(self, result: CompletedReturn) -> None:
        """F8: the papers on screen (Print there sends the one shown)."""
        papers, _shop_copy = self.read(result, reprint=False)
        if papers is not None:
            self.show_printouts(papers.printouts, kind=result.kind)


def completed_text(result: CompletedReturn) -> str:
    """'Return RT… completed. Refund ¥… to …' in the current language (said again after a switch); an
    exchange says so, and names money only when some goes back."""
    money = ", ".join(f"{word(TENDERS, t.method)} {fmt.money(t.amount)}" for t in result.tenders)
    if result.kind == "exchange" and not result.refund_total:
        return QCoreApplication.translate("Completion", "Exchange {number} completed.").format(
            number=result.number)
    if result.kind == "exchange":
        text = QCoreApplication.translate("Completion", "Exchange {number} completed. Refund {amount}").format(
            number=result.number, amount=fmt.money(result.refund_total))
    else:
        text = QCoreApplication.translate("Completion", "Return {number} completed. Refund {amount}").format(
            number=result.number, amount=fmt.money(result.refund_total))
    if money:
        text += QCoreApplication.translate("Completion", " to {tenders}").format(tenders=money)
    return text + "."
