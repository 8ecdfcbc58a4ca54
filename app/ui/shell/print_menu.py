"""The Print menu: today's end-of-day report, the policy notice, supplier claim sheets, and the paper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from app.i18n import current_language
from app.services import printouts, shop, supplier_quality
from app.services.printouts import Printout
from app.ui.pages.base import CounterContext
from app.ui.widgets.base import Retranslating
from app.ui.widgets.status import guarded

# What each paper is called in the menu (the sizes themselves are the settings' values).
PAPER_NAMES = {"80mm": "80 mm", "58mm": "58 mm", "a5": "A5", "a4": "A4"}


class PrintMenu(Retranslating, QMenu):
    """Opens the usual preview (Print / Save as PDF) on the day's report or the policy poster; the
    paper choice is the owner's, checked by the service (a clerk's click is refused there)."""

    def __init__(self, context: CounterContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.eod_action = QAction(self)
        self.eod_action.triggered.connect(self.print_end_of_day)
        self.policy_action = QAction(self)
        self.policy_action.triggered.connect(self.print_policy_notice)
        self.addAction(self.eod_action)
        self.addAction(self.policy_action)
        # the return-to-supplier claim sheets (issue 12): one entry per supplier with faulty units set aside
        self.claim_menu = self.addMenu("")
        self.claim_menu.aboutToShow.connect(self.refresh_claims)
        self.addSeparator()
        self.paper_menu = self.addMenu("")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.paper_actions: dict[str, QAction] = {}
        for size, name in PAPER_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setData(size)
            action.triggered.connect(lambda _checked=False, chosen=size: self.choose_paper(chosen))
            group.addAction(action)
            self.paper_menu.addAction(action)
            self.paper_actions[size] = action
        self.aboutToShow.connect(self.refresh)
        self.refresh()
        self.retranslate()

    def refresh(self) -> None:
        """Tick the paper in use; only the owner may change it (the service says so too)."""
        current = guarded(lambda _m: None, shop.paper, "paper setting") or "80mm"
        clerk = self.context.clerk()
        owner = clerk is not None and clerk.role == "admin"
        for size, action in self.paper_actions.items():
            action.setChecked(size == current)
            action.setEnabled(owner)

    def _preview(self, make: Callable[[], Printout], what: str) -> None:
        if self.context.clerk() is None:
            return
        doc = guarded(self.context.status.show_error, make, what)
        if doc is not None:
            self.context.show_printouts([doc])

    def print_end_of_day(self) -> None:
        self._preview(lambda: printouts.end_of_day(None, current_language()), "print end of day")

    def print_policy_notice(self) -> None:
        self._preview(lambda: printouts.policy_notice(current_language()), "print policy notice")

    def refresh_claims(self) -> None:
        self.claim_menu.clear()
        for supplier in guarded(self.context.status.show_error, supplier_quality.suppliers, "suppliers") or []:
            action = self.claim_menu.addAction(supplier)
            action.triggered.connect(lambda _checked=False, name=supplier: self.print_claim(name))
        if self.claim_menu.isEmpty():
            self.claim_menu.addAction(self.tr("(no faulty goods set aside)")).setEnabled(False)

    def print_claim(self, supplier: str) -> None:
        self._preview(lambda: printouts.supplier_claim(supplier, current_language()), "print supplier claim")

    def choose_paper(self, size: str) -> None:
        done = guarded(self.context.status.show_error, lambda: shop.set_paper(self.context.clerk(), size),
                       "paper setting")
        if done is not None:
            self.context.status.show_success(self.tr("Documents now print on {paper} paper.").format(
                paper=PAPER_NAMES[done]))
        self.refresh()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Print"))
        self.eod_action.setText(self.tr("End-of-day report (today)"))
        self.policy_action.setText(self.tr("Returns policy notice"))
        self.paper_menu.setTitle(self.tr("Paper"))
        self.claim_menu.setTitle(self.tr("Return-to-supplier claim sheet"))
