"""The receipt table and the editor under it: every pick is one keystroke, and the mouse works too."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QWidget,
)

from app.ui import fmt
from app.ui.widgets.receipt_model import (
    CONDITION_KEYS,
    DEFAULT_CONDITION,
    DEFAULT_REASON,
    REASON_KEYS,
    Col,
    ReceiptLinesModel,
)
from app.ui.words import CONDITIONS, REASONS, word

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Columns that give way so the product name stays readable on a narrow screen: first the picks (the
# editor under the table and the quote show them in full), then the notes; a cut cell shows in full as a tip.
ELASTIC = ((Col.OUTCOME, Col.REASON, Col.CONDITION), (Col.FLAGS,))


class ReceiptTable(QTableView):
    """Up/Down choose a line; digits set how many come back, + / − change it, Space takes all or none,
    R / C cycle reason and condition (Shift goes back), O asks for a supervisor override, Enter completes."""

    enter_pressed = Signal()

    def __init__(self, model: ReceiptLinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        # Columns are fitted once per receipt (fit_columns), not on every pick: measuring every cell on
        # each change is what a scan would otherwise spend most of its time on.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.ITEM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        self._wants: dict[int, tuple[int, int]] = {}  # column -> (width it wants, least it can do with)
        model.modelReset.connect(self.fit_columns)
        model.headerDataChanged.connect(lambda *_a: self.fit_columns())

    def fit_columns(self) -> None:
        """Measures once per receipt (and language) what each column wants; `share_width` then hands out
        the room. Receipt columns fit their contents, pick columns the longest word they can show."""
        from app.ui.words import CONDITIONS, OUTCOMES, REASONS, word

        metrics = self.fontMetrics()
        bold = self.horizontalHeader().fontMetrics()
        pad = 12  # the cell's own margins, with a little air
        choices = {Col.REASON: [word(REASONS, k) for k in REASONS],
                   Col.CONDITION: [word(CONDITIONS, k) for k in CONDITIONS],
                   Col.OUTCOME: [word(OUTCOMES, k) for k in ("refund", "exchange_only", "refused")]
                   + [self.lines.override_text(word(OUTCOMES, "refund"))],
                   Col.QTY: ["99"]}
        # the words most lines show (the default pick, a plain refund) are never cut
        usual = {Col.REASON: word(REASONS, DEFAULT_REASON), Col.CONDITION: word(CONDITIONS, DEFAULT_CONDITION),
                 Col.OUTCOME: word(OUTCOMES, "refund")}
        paid = [fmt.money(line.net_paid) for line in self.lines.lines]
        choices[Col.PAID] = choices[Col.REFUND] = paid or ["¥0.00"]  # a line never refunds more than it paid
        wants: dict[int, tuple[int, int]] = {}
        for column in range(Col.COUNT):
            title = str(self.lines.headerData(column, Qt.Orientation.Horizontal) or "")
            least = max(bold.horizontalAdvance(title), metrics.horizontalAdvance(usual.get(column, ""))) + pad
            if column in choices:
                texts = choices[column]
            else:
                texts = [str(self.lines.data(self.lines.index(row, column)) or "")
                         for row in range(self.lines.rowCount())]
            least = max(least, self.horizontalHeader().minimumSectionSize())
            want = max([metrics.horizontalAdvance(t) + pad for t in texts] + [least])
            wants[column] = (want, least)
        self._wants = wants
        self.share_width()

    def share_width(self) -> None:
        """The product name comes first: when the row is too narrow for everything, outcome, reason and
        condition give way in proportion, then the notes (down to their titles; cut words end in …)."""
        wants = self._wants
        if not wants:
            return
        # room for a scroll bar is kept whether or not one shows, so a long receipt does not shift the columns
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        needed = sum(want for want, _least in wants.values())
        over = needed - room
        widths = {column: want for column, (want, _least) in wants.items()}
        for group in ELASTIC:  # each group gives way in proportion to what its columns can spare
            spare = {column: wants[column][0] - wants[column][1] for column in group}
            total = sum(spare.values())
            if over <= 0 or total <= 0:
                continue
            take = min(over, total)
            for column in group:
                widths[column] -= -(-take * spare[column] // total)  # rounded up: never a pixel short
            over -= take
        for column, width in widths.items():
            if column != Col.ITEM:  # the item column stretches into whatever is left
                self.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share_width()

    def scan_snapshot(self) -> Callable[[], None]:
        return self.lines.snapshot()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.current_row()
        key = event.key()
        text = event.text()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in ENTER_KEYS:
            self.enter_pressed.emit()
            return
        if row >= 0:
            if text.isdigit():
                self.lines.set_qty(row, int(text))
                return
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.lines.add_qty(row, 1)
                return
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                self.lines.add_qty(row, -1)
                return
            if key == Qt.Key.Key_Space:
                self.lines.toggle(row)
                return
            if key == Qt.Key.Key_R:
                self.lines.cycle_reason(row, -1 if shift else 1)
                return
            if key == Qt.Key.Key_C:
                self.lines.cycle_condition(row, -1 if shift else 1)
                return
            if key == Qt.Key.Key_O:
                self.lines.toggle_override(row)
                return
        if text and text.isprintable() and key != Qt.Key.Key_Space:
            return  # no keyboard search: letters are for the counter, not for jumping between rows
        super().keyPressEvent(event)


class LineEditor(QWidget):
    """The chosen line's pick with ordinary widgets: quantity, reason, condition, override."""

    enter_pressed = Signal()

    def __init__(self, model: ReceiptLinesModel, table: ReceiptTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = model
        self.table = table
        self.title = QLabel()
        self.title.setMinimumWidth(90)
        self.qty_label, self.reason_label, self.condition_label = QLabel(), QLabel(), QLabel()
        self.qty = QSpinBox()
        self.qty.setObjectName("pickQty")
        self.qty.setMinimumWidth(80)
        self.reason = QComboBox()
        self.condition = QComboBox()
        for combo in (self.reason, self.condition):
            # The longest reason ("food sold expired or spoiled") must not widen the window past 1366 px:
            # the closed box shows about 14 characters, the open list shows every word in full.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.override = QCheckBox()
        self.qty_label.setBuddy(self.qty)
        self.reason_label.setBuddy(self.reason)
        self.condition_label.setBuddy(self.condition)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.qty_label, self.qty, self.reason_label, self.reason,
                       self.condition_label, self.condition, self.override):
            row.addWidget(widget)
        row.addStretch(1)
        self._loading = False
        self.qty.valueChanged.connect(self._on_qty_changed)
        self.reason.activated.connect(lambda i: self._on_combo(self.model_.set_reason, REASON_KEYS, i))
        self.condition.activated.connect(lambda i: self._on_combo(self.model_.set_condition, CONDITION_KEYS, i))
        self.override.clicked.connect(lambda _c: self.model_.toggle_override(self.table.current_row()))
        self.qty.installEventFilter(self)
        model.dataChanged.connect(lambda *_a: self.load())
        model.modelReset.connect(self.load)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            self.enter_pressed.emit()
            return True
        if event.type() == QEvent.Type.FocusIn:  # typing a digit replaces the quantity, not appends to it
            QTimer.singleShot(0, self.qty.selectAll)
        return False

    def load(self) -> None:
        """Shows the current line's pick (after a keystroke in the table or a new receipt)."""
        row = self.table.current_row()
        self._loading = True
        try:
            enabled = 0 <= row < self.model_.rowCount()
            self.setEnabled(enabled)
            if not enabled:
                self.title.setText("")
                self.qty.setValue(0)
                return
            line, pick = self.model_.line_at(row), self.model_.pick_at(row)
            self.title.setText(self.tr("Line {no}").format(no=line.line_no))
            self.qty.setMaximum(line.qty_returnable)
            self.qty.setValue(pick.qty)
            self.reason.setCurrentIndex(REASON_KEYS.index(pick.reason))
            self.condition.setCurrentIndex(CONDITION_KEYS.index(pick.condition))
            self.override.setChecked(pick.override)
        finally:
            self._loading = False

    def _on_qty_changed(self, value: int) -> None:
        if not self._loading:
            self.model_.set_qty(self.table.current_row(), value)

    def _on_combo(self, setter: Callable[[int, str], None], keys: list[str], index: int) -> None:
        if not self._loading and index >= 0:
            setter(self.table.current_row(), keys[index])

    def retranslate(self) -> None:
        self.qty_label.setText(self.tr("&Qty"))
        self.reason_label.setText(self.tr("Rea&son"))
        self.condition_label.setText(self.tr("Con&dition"))
        self.override.setText(self.tr("Supervisor override (&O)"))
        self._loading = True
        try:
            for combo, keys, table in ((self.reason, REASON_KEYS, REASONS),
                                       (self.condition, CONDITION_KEYS, CONDITIONS)):
                current = combo.currentIndex()
                combo.clear()
                combo.addItems([word(table, key) for key in keys])
                combo.setCurrentIndex(max(current, 0))
        finally:
            self._loading = False
        self.load()
