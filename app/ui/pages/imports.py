"""The owner's import page: pick a till export and its mapping, watch it go in, read the rejected rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.i18n import current_language
from app.services import drop_folder, till_imports
from app.services.imports import ImportReport
from app.services.till_import import count_rows
from app.services.views import UserView
from app.ui.widgets.base import Retranslating


class ImportWorker(QThread):
    """Runs the import off the screen's thread; each committed batch reports (rows read, imported)."""

    advanced = Signal(int, int)
    done = Signal(object)     # the ImportReport
    failed = Signal(str)

    def __init__(self, user: UserView | None, path: Path, mapping: Path | None) -> None:
        super().__init__()
        self.user, self.path, self.mapping = user, path, mapping

    def run(self) -> None:
        try:
            report = till_imports.import_file(self.user, "sales", self.path, mapping=self.mapping,
                                              progress=lambda read, r: self.advanced.emit(read, r.imported))
        except DeskError as err:
            self.failed.emit(err.message(current_language()))
            return
        self.done.emit(report)


class ImportPage(Retranslating, QWidget):
    """Each batch of 1,000 sales is written whole or not at all; the rejected rows are listed with why."""

    def __init__(self, clerk: Callable[[], UserView | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imports")
        self.clerk, self.worker, self.path = clerk, None, None
        self.pick_button, self.start_button = QPushButton(), QPushButton()
        self.file_label, self.result = QLabel(), QLabel()
        self.result.setWordWrap(True)
        self.mapping = QComboBox()
        self.progress = QProgressBar()
        self.rejected = QTableWidget(0, 2)
        self.rejected.horizontalHeader().setStretchLastSection(True)
        self.pick_button.clicked.connect(self.pick)
        self.start_button.clicked.connect(lambda: self.start())
        self.start_button.setEnabled(False)
        row = QHBoxLayout()
        for w in (self.pick_button, self.file_label, self.mapping, self.start_button):
            row.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.rejected)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import sales from the till"))
        self.pick_button.setText(self.tr("Choose a file…"))
        self.start_button.setText(self.tr("Import"))
        self.rejected.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Why it was rejected")])
        chosen = self.mapping.currentData()
        self.mapping.clear()
        self.mapping.addItem(self.tr("Returns Desk JSON Lines"), None)
        for path in drop_folder.example_mappings():
            self.mapping.addItem(path.stem, path)
        if chosen is not None:
            self.mapping.setCurrentIndex(max(self.mapping.findData(chosen), 0))
        if self.path is None:
            self.file_label.setText(self.tr("No file chosen"))

    def pick(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("The till's export"), "",
                                                    self.tr("Till exports (*.csv *.tsv *.txt *.jsonl)"))
        if name:
            self.choose(Path(name))

    def choose(self, path: Path, mapping: Path | None = None) -> None:
        self.path = path
        self.file_label.setText(path.name)
        if mapping is not None:
            if self.mapping.findData(mapping) < 0:  # a mapping of the shop's own, beside the examples
                self.mapping.addItem(mapping.stem, mapping)
            self.mapping.setCurrentIndex(self.mapping.findData(mapping))
        elif path.suffix.lower() in (".csv", ".tsv", ".txt") and self.mapping.count() > 1:
            self.mapping.setCurrentIndex(1)
        self.start_button.setEnabled(True)

    def start(self) -> ImportWorker | None:
        if self.path is None or self.worker is not None:
            return None
        self.rejected.setRowCount(0)
        self.result.setText(self.tr("Importing…"))
        self.progress.setRange(0, max(count_rows(self.path), 1))
        self.progress.setValue(0)
        self.start_button.setEnabled(False)
        self.worker = ImportWorker(self.clerk(), self.path, self.mapping.currentData())
        self.worker.advanced.connect(lambda read, _imported: self.progress.setValue(read))
        self.worker.done.connect(self.show_report)
        self.worker.failed.connect(self.show_failure)
        self.worker.finished.connect(self._finished)
        self.worker.start()
        return self.worker

    def _finished(self) -> None:
        self.worker = None
        self.start_button.setEnabled(True)

    def show_failure(self, message: str) -> None:
        self.result.setText(self.tr("Nothing was imported: %1").replace("%1", message))

    def show_report(self, report: ImportReport) -> None:
        self.progress.setValue(self.progress.maximum())
        self.result.setText(self.tr("%1 sales imported, %2 already there, %3 rows rejected.")
                            .replace("%1", str(report.imported)).replace("%2", str(report.unchanged))
                            .replace("%3", str(len(report.rejected))))
        zh = not current_language().startswith("en")
        self.rejected.setRowCount(len(report.rejected))
        for i, r in enumerate(report.rejected):
            self.rejected.setItem(i, 0, QTableWidgetItem(str(r.line_no)))
            self.rejected.setItem(i, 1, QTableWidgetItem(r.reason_zh if zh else r.reason_en))
        self.rejected.resizeColumnToContents(0)
