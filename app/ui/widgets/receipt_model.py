"""The receipt's lines as a table model: what was sold, returned and is still returnable, plus the picks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.quote import LineDecision
from app.services.views import ReceiptLineView, ReceiptView, ReturnItem
from app.ui import fmt
from app.ui.words import CONDITIONS, OUTCOMES, REASONS, word

REASON_KEYS = list(REASONS)
CONDITION_KEYS = list(CONDITIONS)
DEFAULT_REASON, DEFAULT_CONDITION = "changed_mind", "unopened"
ROOT = QModelIndex()  # the invisible root: rows and columns hang off it
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Pick:
    """What the clerk chose for one line: how many come back, why, in what state, and an override."""

    qty: int = 0
    reason: str = DEFAULT_REASON
    condition: str = DEFAULT_CONDITION
    override: bool = False
    remedy: str | None = None   # the customer's choice among the quote's remedies (None: the best one)


class Col:
    NO, ITEM, SOLD, RETURNED, LEFT, PAID, FLAGS, QTY, REASON, CONDITION, OUTCOME, REFUND = range(12)
    COUNT = 12


OUTCOME_COLOURS = {"refund": "#1e6b3a", "refused": "#9b1c1c", "refused_overridable": "#b3261e"}


class ReceiptLinesModel(QAbstractTableModel):
    picks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.receipt: ReceiptView | None = None
        self.lines: list[ReceiptLineView] = []
        self.picks: dict[int, Pick] = {}
        self.decisions: dict[int, LineDecision] = {}  # line_no -> the latest quote's decision
        self._headers: list[str] = []

    # -- data in -------------------------------------------------------------------------------
    def set_receipt(self, receipt: ReceiptView | None) -> None:
        self.beginResetModel()
        self.receipt = receipt
        self.lines = list(receipt.lines) if receipt else []
        self.picks = {line.line_no: Pick() for line in self.lines}
        self.decisions = {}
        self.endResetModel()

    def changed_in(self, receipt: ReceiptView | None) -> bool:
        """Whether the same receipt read again leaves other quantities to return (a return at another till)."""
        return receipt is not None and self.receipt is not None and \
            [(ln.line_no, ln.qty_returnable) for ln in receipt.lines] != \
            [(ln.line_no, ln.qty_returnable) for ln in self.lines]

    def read_again(self, receipt: ReceiptView) -> None:
        """The same receipt read afresh (a return at another till since the scan): the picks stay, none
        above what is left now. The caller quotes again."""
        self.receipt = receipt
        self.lines = list(receipt.lines)
        self.picks = {line.line_no: replace(pick := self.picks.get(line.line_no, Pick()),
                                            qty=min(pick.qty, line.qty_returnable))
                      for line in self.lines}
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, Col.COUNT - 1))

    def set_decisions(self, decisions: dict[int, LineDecision]) -> None:
        if decisions == self.decisions:
            return
        self.decisions = decisions
        if self.lines:
            self.dataChanged.emit(self.index(0, Col.OUTCOME), self.index(len(self.lines) - 1, Col.REFUND))

    def retranslate(self) -> None:
        self._headers = []
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, Col.COUNT - 1)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, Col.COUNT - 1))

    # -- picks ---------------------------------------------------------------------------------
    def line_at(self, row: int) -> ReceiptLineView:
        return self.lines[row]

    def pick_at(self, row: int) -> Pick:
        return self.picks[self.lines[row].line_no]

    def _update(self, row: int, change: Callable[[Pick], Pick]) -> None:
        if not 0 <= row < len(self.lines):
            return
        line = self.lines[row]
        old = self.picks[line.line_no]
        new = change(old)
        new = replace(new, qty=max(0, min(new.qty, line.qty_returnable)))
        if (new.reason, new.condition, new.override) != (old.reason, old.condition, old.override) or not new.qty:
            new = replace(new, remedy=None)   # another reason or state may allow other remedies
        if new == old:
            return
        self.picks[line.line_no] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, Col.COUNT - 1))
        self.picks_changed.emit()

    def set_qty(self, row: int, qty: int) -> None:
        self._update(row, lambda p: replace(p, qty=qty))

    def add_qty(self, row: int, step: int) -> None:
        self._update(row, lambda p: replace(p, qty=p.qty + step))

    def toggle(self, row: int) -> None:
        """Space: take back everything still returnable on the line, or nothing."""
        if 0 <= row < len(self.lines):
            left = self.lines[row].qty_returnable
            self._update(row, lambda p: replace(p, qty=0 if p.qty else left))

    def set_reason(self, row: int, reason: str) -> None:
        self._update(row, lambda p: replace(p, reason=reason))

    def set_condition(self, row: int, condition: str) -> None:
        self._update(row, lambda p: replace(p, condition=condition))

    def cycle_reason(self, row: int, step: int = 1) -> None:
        self._update(row, lambda p: replace(
            p, reason=REASON_KEYS[(REASON_KEYS.index(p.reason) + step) % len(REASON_KEYS)]))

    def cycle_condition(self, row: int, step: int = 1) -> None:
        self._update(row, lambda p: replace(
            p, condition=CONDITION_KEYS[(CONDITION_KEYS.index(p.condition) + step) % len(CONDITION_KEYS)]))

    def may_override(self, row: int) -> bool:
        """False for a line the rules refuse outright (no supervisor may override it): O says so at once."""
        if not 0 <= row < len(self.lines):
            return False
        line = self.lines[row]
        decision = self.decisions.get(line.line_no)
        return self.picks[line.line_no].override or decision is None or decision.outcome != "refused"

    def toggle_override(self, row: int) -> None:
        self._update(row, lambda p: replace(p, override=not p.override))

    def cycle_remedy(self, row: int, step: int = 1) -> None:
        """M: the customer's choice among the remedies the quote allows; back to the first is no choice."""
        if not 0 <= row < len(self.lines):
            return
        decision = self.decisions.get(self.lines[row].line_no)
        choices = list(decision.remedies) if decision is not None else []
        if len(choices) < 2:
            return
        current = self.pick_at(row).remedy
        at = choices.index(current) if current in choices else 0
        chosen = choices[(at + step) % len(choices)]
        self._update(row, lambda p: replace(p, remedy=None if chosen == choices[0] else chosen))

    def items(self) -> tuple[ReturnItem, ...]:
        return tuple(ReturnItem(line.line_no, pick.qty, pick.reason, pick.condition, remedy=pick.remedy)
                     for line in self.lines if (pick := self.picks[line.line_no]).qty > 0)

    def overrides(self) -> frozenset[int]:
        return frozenset(no for no, pick in self.picks.items() if pick.override and pick.qty > 0)

    def snapshot(self) -> Callable[[], None]:
        """For the scan detector: a burst typed into the table must not change any pick."""
        saved = dict(self.picks)

        def put_back() -> None:
            if saved != self.picks:
                self.picks = dict(saved)
                if self.lines:
                    self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, Col.COUNT - 1))
                self.picks_changed.emit()

        return put_back

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else Col.COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if not self._headers:  # built once per language: the view asks for them very often
                self._headers = self.headers()
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips().get(section)
        return None

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Item"), self.tr("Sold"), self.tr("Ret'd"), self.tr("Left"),
                self.tr("Paid"), self.tr("Notes"), self.tr("Back"), self.tr("Reason (R)"),
                self.tr("Condition (C)"), self.tr("Outcome (M)"), self.tr("Refund")]

    def header_tips(self) -> dict[int, str]:
        return {Col.RETURNED: self.tr("Already returned earlier"), Col.LEFT: self.tr("Still returnable"),
                Col.PAID: self.tr("What the line netted after every discount (not today's price)"),
                Col.QTY: self.tr("How many come back now: digits, + and −, Space for all")}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        pick = self.picks[line.line_no]
        col = index.column()
        decision = self.decisions.get(line.line_no) if pick.qty else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, pick, decision, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Col.NO, Col.SOLD, Col.RETURNED, Col.LEFT, Col.QTY):
                return int(Qt.AlignmentFlag.AlignCenter)
            if col in (Col.PAID, Col.REFUND):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Col.OUTCOME and decision is not None:
                return QBrush(QColor(OUTCOME_COLOURS.get(decision.outcome, "#8a4b00")))
            if line.qty_returnable == 0:
                return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.FontRole and col == Col.QTY and pick.qty:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and pick.qty:
            return QBrush(QColor("#fff6d6"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Col.PAID:
                return self.tr("{qty} × {price}, line discount {discount}").format(
                    qty=line.qty_sold, price=fmt.money(line.unit_price), discount=fmt.money(line.line_discount))
            if col == Col.OUTCOME and decision is not None:
                return fmt.explanation(decision.explanation)
            if col == Col.FLAGS:   # the notes give way first at 1366 px: in full here
                return self._text(line, pick, decision, col) or None
            if col == Col.ITEM:
                return f"{line.sku} · {fmt.product_name(line.name_zh, line.name_en)}"
            if col in (Col.FLAGS, Col.REASON, Col.CONDITION):  # in full where a narrow column cuts them
                return self._text(line, pick, decision, col) or None
        return None

    def _text(self, line: ReceiptLineView, pick: Pick, decision: LineDecision | None, col: int) -> str:
        if col == Col.NO:
            return str(line.line_no)
        if col == Col.ITEM:
            return fmt.product_name(line.name_zh, line.name_en)
        if col == Col.SOLD:
            return str(line.qty_sold)
        if col == Col.RETURNED:
            return str(line.qty_returned) if line.qty_returned else ""
        if col == Col.LEFT:
            return str(line.qty_returnable)
        if col == Col.PAID:
            return fmt.money(line.net_paid)
        if col == Col.FLAGS:
            return self.flag_text(line)
        if col == Col.QTY:
            return str(pick.qty) if pick.qty else ""
        if col == Col.REASON:
            return word(REASONS, pick.reason) if pick.qty else ""
        if col == Col.CONDITION:
            return word(CONDITIONS, pick.condition) if pick.qty else ""
        if col == Col.OUTCOME:
            if decision is None:
                return ""
            text = word(OUTCOMES, decision.outcome)
            if pick.remedy:
                text = self.tr("{outcome} (customer's choice)").format(outcome=text)
            return self.override_text(text) if pick.override else text
        if col == Col.REFUND:
            return fmt.money(decision.refund) if decision is not None else ""
        return ""

    def override_text(self, outcome: str) -> str:
        return self.tr("{outcome} (override)").format(outcome=outcome)

    def flag_text(self, line: ReceiptLineView) -> str:
        parts = []
        if line.final_sale:
            parts.append(self.tr("Final sale"))
        if line.promo_group:
            parts.append(self.tr("Promo: {group}").format(group=line.promo_group))
        if line.warranty_ends is not None:
            parts.append(self.tr("Warranty to {date}").format(date=fmt.shop_date(line.warranty_ends)))
        return " · ".join(parts)
