"""Completing a return from any page: supervisor approval first when needed, then the slip and its preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import DeskError
from app.i18n import current_language
from app.services import approvals, printouts, returns
from app.services.views import Approval, CompletedReturn, QuoteView, ReturnRequest
from app.ui import fmt
from app.ui.approval import SupervisorDialog
from app.ui.preview import PreviewDialog
from app.ui.status import error_text, guarded, log
from app.ui.words import TENDERS, word

if TYPE_CHECKING:
    from app.ui.window import MainWindow


def finish_return(window: MainWindow, request: ReturnRequest, quote: QuoteView | None,
                  on_done: Callable[[], None]) -> None:
    """Writes the return through the services (one transaction). When the quote needs a supervisor,
    the dialog first gets their approval (approvals service), then completes with it."""
    clerk = window.clerk
    if clerk is None:
        return
    if quote is None:
        quote = guarded(window.status.show_error, lambda: returns.quote(request), "quote")
        if quote is None:
            return
    if quote.needs_supervisor:
        reasons = quote.supervisor_reasons

        def attempt(a: Approval) -> CompletedReturn:
            granted = approvals.approve(a.supervisor, a.pin, a.reason, a.note, clerk, reasons)
            return returns.complete(request, clerk, granted)

        dialog = SupervisorDialog(clerk, attempt, window, reasons=reasons)
        dialog.approved.connect(lambda result: completed(window, result, on_done))
        window.approval_dialog = dialog
        dialog.open()
        dialog.pin.setFocus()
        return
    try:
        result = returns.complete(request, clerk)
    except DeskError as exc:
        window.status.show_error(error_text(exc))
        return
    except Exception as exc:  # noqa: BLE001 — a bug: logged; the transaction rolled back
        log.exception("completing a return failed")
        window.status.show_error(error_text(exc))
        return
    completed(window, result, on_done)


def completed_text(result: CompletedReturn) -> str:
    """'Return RT… completed. Refund ¥… to …' in the current language (said again after a switch)."""
    money = ", ".join(f"{word(TENDERS, t.method)} {fmt.money(t.amount)}" for t in result.tenders)
    text = QCoreApplication.translate("Completion", "Return {number} completed. Refund {amount}").format(
        number=result.number, amount=fmt.money(result.refund_total))
    if money:
        text += QCoreApplication.translate("Completion", " to {tenders}").format(tenders=money)
    return text + "."


def completed(window: MainWindow, result: CompletedReturn, on_done: Callable[[], None]) -> None:
    window.status.show_success(lambda: completed_text(result))
    on_done()
    papers = read_printouts(window, result, reprint=False)
    window.return_page.open_return(result, papers.slip if papers else None)
    window.show_page(window.return_page)
    if papers is not None:
        show_printouts(window, papers)


def read_printouts(window: MainWindow, result: CompletedReturn, reprint: bool) -> printouts.ReturnPrintouts | None:
    """The return's papers and slip data, read once after the write (in the language on screen)."""
    return guarded(window.status.show_error,
                   lambda: printouts.for_return(result.number, current_language(), reprint), "printing")


def show_printouts(window: MainWindow, papers: printouts.ReturnPrintouts) -> PreviewDialog:
    dialog = PreviewDialog(list(papers.printouts), window)
    window.preview = dialog
    dialog.open()
    return dialog
