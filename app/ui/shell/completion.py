"""Completing a return from any page: supervisor approval when needed, then the slip and its preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import DeskError
from app.services import returns
from app.services.views import Approval, CompletedReturn, QuoteView, ReturnRequest
from app.ui import fmt, printouts
from app.ui.dialogs.approval import SupervisorDialog
from app.ui.dialogs.preview import PreviewDialog
from app.ui.widgets.status import error_text, guarded, log
from app.ui.words import TENDERS, word

if TYPE_CHECKING:
    from app.ui.shell.window import MainWindow


def finish_return(window: MainWindow, request: ReturnRequest, quote: QuoteView | None,
                  on_done: Callable[[], None]) -> None:
    """Writes the return through the services (one transaction); asks a supervisor first if the quote
    says so or the services answer NeedsSupervisor."""
    clerk = window.clerk
    if clerk is None:
        return

    def attempt(approval: Approval) -> CompletedReturn:
        return returns.complete(request, clerk, approval)

    def ask(reasons: tuple[str, ...]) -> None:
        dialog = SupervisorDialog(clerk, attempt, window, reasons=reasons)
        dialog.approved.connect(lambda result: completed(window, result, on_done))
        window.approval_dialog = dialog
        dialog.open()
        dialog.pin.setFocus()

    if quote is not None and quote.needs_supervisor:
        ask(quote.supervisor_reasons)
        return
    try:
        result = returns.complete(request, clerk)
    except returns.NeedsSupervisor as exc:
        ask(exc.reasons)
        return
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
    window.return_page.open_return(result)
    window.show_page(window.return_page)
    show_printouts(window, result, reprint=False)


def show_printouts(window: MainWindow, result: CompletedReturn, reprint: bool) -> PreviewDialog | None:
    docs = guarded(window.status.show_error,
                   lambda: printouts.for_return(result.number, result.coupon_code, result.voucher_code, reprint),
                   "printing")
    if not docs:
        return None
    dialog = PreviewDialog(docs, window)
    window.preview = dialog
    dialog.open()
    return dialog
