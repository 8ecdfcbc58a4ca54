"""Printing without dialogs: each paper goes to the printer off the screen thread; a failure shows at once.

`BackgroundPrinter(send)` runs `send(printout)` on a worker thread, one job after another in the order
given, so keys and scans keep flowing while a slow printer works. The counter's `send` is `submit_send`:
the print-jobs service sends the paper to this till's printer for its kind (machine.toml: CUPS, raw
ESC/POS, a record folder) and keeps a job the printer did not take; a printer reached through Qt's
printing (Windows) comes back to the screen thread and is painted there (`qt_send`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)

from app.errors import DeskError
from app.services import print_jobs
from app.services.print_jobs import JobResult
from app.services.printouts import Printout
from app.ui.widgets.pdf_pages import shop_copy_of
from app.ui.widgets.status import StatusArea, error_text, log

Send = Callable[[Printout], "JobResult | None"]   # a result only for a paper the screens must print (Qt)

# What each paper is called in a job title and a message (Qt translation context "Printing").
TITLES = {"slip": QT_TRANSLATE_NOOP("Printing", "Return slip"),
          "shop_slip": QT_TRANSLATE_NOOP("Printing", "Return slip (shop copy)"),
          "coupon": QT_TRANSLATE_NOOP("Printing", "Coupon"),
          "voucher": QT_TRANSLATE_NOOP("Printing", "Store credit"),
          "eod": QT_TRANSLATE_NOOP("Printing", "End-of-day report"),
          "policy": QT_TRANSLATE_NOOP("Printing", "Policy notice")}


def title_of(printout: Printout) -> str:
    """The job title: the document and its number, e.g. "Return slip RT20261201-0001"."""
    name = QCoreApplication.translate("Printing", TITLES.get(printout.key, printout.key))
    return f"{name} {printout.code}"


class PrintFailed(DeskError):
    """The printer did not take a job (offline, no printer, refused the page)."""


def submit_send(printout: Printout) -> JobResult | None:
    """The counter's send (on the worker thread): the paper to this till's printer for its kind — the
    shop copy ("shop_slip") with the slips, on the roll. Raises PrintFailed when the printer did not take
    it: the job is kept, and F3 on the return's page sends it again. A Qt printer's job is handed back."""
    result = print_jobs.submit(printout, lang=printout.lang)
    if result.via_qt:
        return result
    if not result.sent:
        raise PrintFailed(result.message_zh, result.message_en)
    return None


def qt_send(result: JobResult) -> None:
    """A job for a printer reached through Qt's printing, painted on the screen thread, no dialog."""
    from app.ui.dialogs.printers import print_with_qt

    if not print_with_qt(result):
        where = result.printer.partition(":")[2]
        raise PrintFailed(f"打印机 {where} 拒绝了打印任务，或没有默认打印机。",
                          f"The printer {where} refused the job, or there is no default printer.")


class _Signals(QObject):
    """Lives on the screen thread: a worker's emit reaches the status line through Qt's queue."""

    printed = Signal(object)
    failed = Signal(object, str)
    via_qt = Signal(object, object)   # (printout, JobResult): the screen thread prints it through Qt


class _Job(QRunnable):
    def __init__(self, send: Send, printout: Printout, signals: _Signals) -> None:
        super().__init__()
        self.send, self.printout, self.signals = send, printout, signals

    def run(self) -> None:
        try:
            result = self.send(self.printout)
        except DeskError as exc:
            self.signals.failed.emit(self.printout, error_text(exc))
        except Exception as exc:  # noqa: BLE001 — a printer driver's failure: logged, shown, the return stands
            log.exception("printing %s failed", self.printout.code)
            self.signals.failed.emit(self.printout, str(exc) or type(exc).__name__)
        else:
            if isinstance(result, JobResult) and result.via_qt:
                self.signals.via_qt.emit(self.printout, result)
            else:
                self.signals.printed.emit(self.printout)


class BackgroundPrinter(QObject):
    """Sends papers to `send` on one worker thread; says on the status line at once when one failed."""

    failed = Signal()   # a paper did not print (the return page shows its F3 then)

    def __init__(self, send: Send, status: StatusArea | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.send = send
        self.status = status
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # the papers of one return come out in order
        self.signals = _Signals(self)
        self.signals.failed.connect(self._on_failed)
        self.signals.via_qt.connect(self._print_with_qt)
        self.failures: list[tuple[Printout, str]] = []
        self._unprinted = []

    def print_papers(self, docs: Sequence[Printout]) -> None:
        self._unprinted: list[str] = []   # this batch's papers that failed, named together on the status line
        for doc in docs:
            self.pool.start(_Job(self.send, doc, self.signals))

    def wait(self, msecs: int = 30000) -> bool:
        """Tests and closing the window: True when every job sent has finished."""
        return self.pool.waitForDone(msecs)

    def _print_with_qt(self, printout: Printout, result: JobResult) -> None:
        try:
            qt_send(result)
        except DeskError as exc:
            self._on_failed(printout, error_text(exc))

    def _on_failed(self, printout: Printout, why: str) -> None:
        self.failures.append((printout, why))
        self._unprinted.append(title_of(printout))
        if self.status is not None:
            title = "、".join(self._unprinted) if QCoreApplication.translate("Printing", "Coupon") != "Coupon" \
                else ", ".join(self._unprinted)
            self.status.show_error(lambda: QCoreApplication.translate(
                "Printing", "{title} did not print: {why} The return itself is complete; "
                "F3 on its page sends the kept papers again, F7 prints them all again.").format(
                    title=title, why=why))
        self.failed.emit()


def return_papers(printouts: Sequence[Printout], shop_copy: bool) -> list[Printout]:
    """Everything a completed return prints: the customer's slip, the shop's copy when the shop asks
    for one (key "shop_slip": the roll printer, no second drawer kick), then the coupon and the voucher."""
    out: list[Printout] = []
    for doc in printouts:
        out.append(replace(doc, shop_pdf=None))   # whatever else the paper carries goes with it
        if shop_copy and doc.shop_pdf is not None:
            out.append(shop_copy_of(doc))
    return out
