"""A read-only table model of plain rows (lists on the member, return and code pages)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROOT = QModelIndex()  # the invisible root: rows and columns hang off it
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """`headers()` is called each time, so a language switch only needs `retranslate()`."""

    def __init__(self, headers: Callable[[], Sequence[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[Sequence[str]] = []
        self.keys: list[object] = []

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[object] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.keys = list(keys) if keys is not None else [None] * len(self.rows)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


def rows_table(model: RowsModel, parent: QWidget | None = None, stretch: int = 0) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch < 0)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
