"""A report table as a Qt table model: columns from the report, values formatted as on paper."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app import i18n
from app.domain.money import format_fen
from app.domain.report_shape import Table, text_of

Index = QModelIndex | QPersistentModelIndex
NUMBERS = ("count", "fen", "rate", "minutes", "hours", "score")


class ReportTableModel(QAbstractTableModel):
    def __init__(self, table: Table | None = None) -> None:
        super().__init__()
        self.table = table

    def show(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if self.table is None or parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if self.table is None or parent.isValid() else len(self.table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid():
            return None
        column = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.table.rows[index.row()][index.column()]
            return text_of(value, column.kind, i18n.current_language(), format_fen)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        column = self.table.columns[section]
        return column.en if i18n.is_english() else column.zh
