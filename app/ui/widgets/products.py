"""Goods chosen from the catalogue (exchange goods going out, goods coming back without a receipt)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QTableView,
    QWidget,
)

from app.services import catalogue
from app.services.views import ProductView
from app.ui import fmt
from app.ui.widgets.receipt_model import (
    CONDITION_KEYS,
    DEFAULT_CONDITION,
    DEFAULT_REASON,
    REASON_KEYS,
)
from app.ui.widgets.scan import no_input_method, normalise
from app.ui.words import CONDITIONS, REASONS, word

ROOT = QModelIndex()  # the invisible root: rows and columns hang off it
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Chosen:
    product: ProductView
    qty: int = 1
    reason: str = DEFAULT_REASON
    condition: str = DEFAULT_CONDITION


class ChosenModel(QAbstractTableModel):
    """A short list of products with quantities (and, for goods coming back, reason and condition)."""

    changed = Signal()

    def __init__(self, with_reason: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.with_reason = with_reason
        self.rows: list[Chosen] = []

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()
        self.changed.emit()

    def add(self, product: ProductView, qty: int = 1) -> None:
        for i, row in enumerate(self.rows):
            if row.product.sku == product.sku:
                self._set(i, replace(row, qty=row.qty + qty))
                return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(Chosen(product, qty))
        self.endInsertRows()
        self.changed.emit()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.changed.emit()

    def _set(self, row: int, value: Chosen) -> None:
        if value.qty <= 0:
            self.remove(row)
            return
        self.rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.changed.emit()

    def add_qty(self, row: int, step: int) -> None:
        if 0 <= row < len(self.rows):
            self._set(row, replace(self.rows[row], qty=self.rows[row].qty + step))

    def cycle_reason(self, row: int, step: int = 1) -> None:
        if 0 <= row < len(self.rows):
            r = self.rows[row]
            self._set(row, replace(r, reason=REASON_KEYS[(REASON_KEYS.index(r.reason) + step) % len(REASON_KEYS)]))

    def cycle_condition(self, row: int, step: int = 1) -> None:
        if 0 <= row < len(self.rows):
            r = self.rows[row]
            self._set(row, replace(r, condition=CONDITION_KEYS[
                (CONDITION_KEYS.index(r.condition) + step) % len(CONDITION_KEYS)]))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else (6 if self.with_reason else 4)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Amount")]
        if self.with_reason:
            names = [self.tr("Item"), self.tr("Qty"), self.tr("Reason (R)"), self.tr("Condition (C)"),
                     self.tr("Catalogue price"), self.tr("Barcode")]
        return names[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        p = row.product
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.with_reason:
            values = [fmt.product_name(p.name_zh, p.name_en), str(row.qty), word(REASONS, row.reason),
                      word(CONDITIONS, row.condition), fmt.money(p.price), p.sku]
        else:
            values = [fmt.product_name(p.name_zh, p.name_en), str(row.qty), fmt.money(p.price),
                      fmt.money(p.price * row.qty)]
        return values[index.column()]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))


class ChosenTable(QTableView):
    """+ / − quantity, Delete removes, R / C reason and condition (for goods coming back). Enter does
    nothing (completing takes F9); the scan detector holds the letter keys until they are not a scan's."""

    holds_scan_keys = True

    def __init__(self, model: ChosenModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        no_input_method(self)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        model.rowsInserted.connect(lambda _p, first, _l: self.selectRow(first))
        # words like a reason change width after the rows exist: fit the columns again on every change
        model.changed.connect(self.fit_columns)
        model.headerDataChanged.connect(lambda *_a: self.fit_columns())
        self.fit_columns()

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        if query == Qt.InputMethodQuery.ImEnabled:
            return False
        return super().inputMethodQuery(query)

    def fit_columns(self) -> None:
        for column in range(1, self.chosen.columnCount()):
            self.resizeColumnToContents(column)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.chosen.add_qty(row, 1)
        elif key == Qt.Key.Key_Minus:
            self.chosen.add_qty(row, -1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.chosen.remove(row)
        elif key == Qt.Key.Key_R and self.chosen.with_reason:
            self.chosen.cycle_reason(row, -1 if shift else 1)
        elif key == Qt.Key.Key_C and self.chosen.with_reason:
            self.chosen.cycle_condition(row, -1 if shift else 1)
        else:
            super().keyPressEvent(event)


def choose_product(text: str) -> list[ProductView]:
    """Barcode → that product; words → the matches (caller shows a choice when there are several)."""
    code = normalise(text)
    return catalogue.find_product(code if code.isdigit() else text.strip())


class ProductSearch(QLineEdit):
    """Type a barcode or part of a name and press Enter; several matches open a short list to pick from.
    Enter with nothing typed is not a search: `empty_entered` lets the page do its main action."""

    product_chosen = Signal(object)  # ProductView
    not_found = Signal(str)
    empty_entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.returnPressed.connect(self.search)

    def search(self) -> None:
        from app.ui.widgets.status import error_text, log

        text = self.text().strip()
        if not text:
            self.empty_entered.emit()
            return
        try:
            found = choose_product(text)
        except Exception as exc:  # noqa: BLE001 — shown like any other failure; a bug is logged
            if not hasattr(exc, "message"):
                log.exception("product search failed")
            self.not_found.emit(error_text(exc))
            return
        if not found:
            self.not_found.emit(self.tr("No product matches “{text}”.").format(text=text))
            return
        self.clear()
        if len(found) == 1:
            self.product_chosen.emit(found[0])
            return
        names = [f"{fmt.product_name(p.name_zh, p.name_en)} · {fmt.money(p.price)} · {p.sku}" for p in found]
        self._choices = found
        dialog = QInputDialog(self)
        dialog.setObjectName("productChoice")
        dialog.setWindowTitle(self.tr("Pick the product"))
        dialog.setLabelText(self.tr("Several products match “{text}”:").format(text=text))
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(False)
        dialog.textValueSelected.connect(lambda value: self.product_chosen.emit(found[names.index(value)]))
        dialog.finished.connect(lambda _result: self._take_keyboard_back())
        dialog.open()

    def _take_keyboard_back(self) -> None:
        """Without a window manager nobody re-activates the counter when the list closes (see MainWindow)."""
        self.window().activateWindow()
        self.setFocus()
