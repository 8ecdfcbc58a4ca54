"""The receipt page's "Record refusal" (登记拒退): when nothing picked can be taken back, F9 records why, not a return."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton

from app.services import refusals
from app.services.refusals import RecordedRefusal
from app.services.views import QuoteView, ReturnRequest
from app.ui.pages.base import CounterContext
from app.ui.widgets.keys import bind_complete
from app.ui.widgets.status import guarded


class RefusalAction(QObject):
    """Stands in for Complete while the quote refuses everything picked; the same keys (F9 / Ctrl+Enter)."""

    recorded = Signal(RecordedRefusal)

    def __init__(self, context: CounterContext, complete_button: QPushButton,
                 request: Callable[[], ReturnRequest]) -> None:
        super().__init__(complete_button)
        self.context = context
        self.complete_button = complete_button
        self.request = request
        self.quote: QuoteView | None = None
        self.button = QPushButton()
        self.button.setObjectName("recordRefusal")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a hidden button's keys do nothing: only one of Complete and Record refusal answers F9 at a time
        bind_complete(self.button)
        self.button.clicked.connect(self.record)
        self.show_for(None)
        self.retranslate()

    def show_for(self, quote: QuoteView | None) -> None:
        """Record refusal instead of Complete when the quote takes nothing back."""
        self.quote = quote
        refused = quote is not None and refusals.wholly_refused(quote)
        self.button.setVisible(refused)
        self.complete_button.setVisible(not refused)

    def record(self) -> None:
        clerk = self.context.clerk()
        if clerk is None or self.quote is None or not refusals.wholly_refused(self.quote):
            return
        request = self.request()
        done = guarded(self.context.status.show_error, lambda: refusals.record(request, clerk), "record refusal")
        if done is not None:
            self.recorded.emit(done)

    def retranslate(self) -> None:
        self.button.setText(QCoreApplication.translate("RefusalAction", "Record refusal (F9)"))
        self.button.setToolTip(QCoreApplication.translate(
            "RefusalAction", "Nothing picked can be taken back: F9 records the refusal and why (no return, no "
            "refund), then the counter is ready for the next customer."))
