"""The reports page for the owner and supervisors: pick a report and a range, read figures and charts, drill, export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.domain.money import format_fen
from app.domain.report_shape import BehindRow, ComplaintBehind, Report, Term, text_of
from app.services import reports
from app.services.reports import drill, export
from app.services.views import UserView
from app.ui.fmt import shop_time
from app.ui.widgets.base import Retranslating
from app.ui.widgets.report_chart import ReportChart
from app.ui.widgets.report_model import ReportTableModel
from app.ui.widgets.status import guarded

RANGES = {"today": QT_TRANSLATE_NOOP("ReportsPage", "Today"),
          "this_week": QT_TRANSLATE_NOOP("ReportsPage", "This week"),
          "this_month": QT_TRANSLATE_NOOP("ReportsPage", "This month"),
          "last_month": QT_TRANSLATE_NOOP("ReportsPage", "Last month"),
          "this_quarter": QT_TRANSLATE_NOOP("ReportsPage", "This quarter"),
          "last_quarter": QT_TRANSLATE_NOOP("ReportsPage", "Last quarter"),
          "custom": QT_TRANSLATE_NOOP("ReportsPage", "Custom range")}
BEHIND = (QT_TRANSLATE_NOOP("ReportsPage", "Slip"), QT_TRANSLATE_NOOP("ReportsPage", "Completed"),
          QT_TRANSLATE_NOOP("ReportsPage", "Kind"), QT_TRANSLATE_NOOP("ReportsPage", "Clerk"),
          QT_TRANSLATE_NOOP("ReportsPage", "Receipt"), QT_TRANSLATE_NOOP("ReportsPage", "Refund"),
          QT_TRANSLATE_NOOP("ReportsPage", "Reasons"))
COMPLAINTS_BEHIND = (QT_TRANSLATE_NOOP("ReportsPage", "Complaint"), QT_TRANSLATE_NOOP("ReportsPage", "Opened"),
                     QT_TRANSLATE_NOOP("ReportsPage", "Customer"), QT_TRANSLATE_NOOP("ReportsPage", "Status"),
                     QT_TRANSLATE_NOOP("ReportsPage", "Owner"), QT_TRANSLATE_NOOP("ReportsPage", "Response (h)"),
                     QT_TRANSLATE_NOOP("ReportsPage", "Resolution (h)"),
                     QT_TRANSLATE_NOOP("ReportsPage", "Resolved on time"), QT_TRANSLATE_NOOP("ReportsPage", "Reopened"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


class ReportsPage(Retranslating, QWidget):
    def __init__(self, reader: Callable[[], UserView | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.reader = reader
        self.report: Report | None = None
        self.behind: list[BehindRow] = []
        self.complaints: list[ComplaintBehind] = []     # what a complaint table's bar stands for
        # Replaced by tests; asks where to save (kind "csv" or "pdf", a suggested file name) → path or "".
        self.ask_path: Callable[[str, str], str] = self._ask_path
        self.which, self.range = QComboBox(), QComboBox()
        self.which.setObjectName("reportChoice")
        for family in reports.FAMILIES:
            self.which.addItem("", family.name)
        for key in RANGES:
            self.range.addItem("", key)
        self.range.setCurrentIndex(list(RANGES).index("this_month"))
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.from_label, self.to_label = QLabel(), QLabel()
        self.show_button, self.csv_button, self.pdf_button = QPushButton(), QPushButton(), QPushButton()
        self.figures = QTableWidget(0, 2)
        self.figures.verticalHeader().hide()
        self.figures.horizontalHeader().hide()
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        self.charts: list[ReportChart] = []
        self.models: list[ReportTableModel] = []
        self.behind_title, self.message = QLabel(), QLabel()
        self.message.setWordWrap(True)
        self.behind_table = QTableWidget(0, len(BEHIND))
        self.behind_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.behind_table.verticalHeader().hide()
        self.behind_table.horizontalHeader().setStretchLastSection(True)
        self._lay_out()
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.range.currentIndexChanged.connect(lambda _i: self._on_range_changed())
        self.show_button.clicked.connect(lambda _c=False: self.refresh())
        self.csv_button.clicked.connect(lambda _c=False: self.export("csv"))
        self.pdf_button.clicked.connect(lambda _c=False: self.export("pdf"))
        self._on_range_changed(refresh=False)
        self.retranslate()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.which, self.range, self.from_label, self.start, self.to_label, self.end,
                       self.show_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.behind_title)
        below.addWidget(self.behind_table)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.figures)
        top.addWidget(self.tabs)
        top.setStretchFactor(1, 3)
        split.addWidget(top)
        split.addWidget(lower)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(split, 1)
        box.addWidget(self.message)

    # ---- what the owner does -------------------------------------------------------------------
    def choose(self, name: str) -> None:
        self.which.setCurrentIndex(self.which.findData(name))

    def choose_range(self, preset: str, start: date | None = None, end: date | None = None) -> None:
        if start is not None and end is not None:
            self.start.setDate(QDate(start.year, start.month, start.day))
            self.end.setDate(QDate(end.year, end.month, end.day))
        if self.range.currentData() == preset:
            self.refresh()
        else:
            self.range.setCurrentIndex(list(RANGES).index(preset))

    def period(self) -> reports.Period:
        key = self.range.currentData()
        if key == "custom":
            return reports.custom(self.start.date().toPython(), self.end.date().toPython())
        return reports.preset(key)

    def refresh(self) -> None:
        reader = self.reader()
        self.message.setText("")
        found = guarded(self.message.setText, lambda: reports.run(self.which.currentData(), reader, self.period()),
                        "report") if reader else None
        self.report = found
        self._show_report()

    def drill(self, table: int, row: int) -> list[BehindRow] | list[ComplaintBehind]:
        """The returns (or, for a table of complaints, the complaints) behind row `row` of tab `table`."""
        report = self.report
        if report is None or not report.tables[table].drill:
            return []
        t = report.tables[table]
        head = t.rows[row][0]
        key = head.id if isinstance(head, Term) else str(head)
        what = text_of(head, t.columns[0].kind, i18n.current_language())
        self.behind, self.complaints = [], []
        if t.drill in drill.COMPLAINT_DRILLS:
            self.complaints = guarded(self.message.setText, lambda: drill.complaints_behind(
                self.reader(), self.period(), t.drill or "", key), "drill") or []
            title, found = QT_TRANSLATE_NOOP("ReportsPage", "Complaints behind “{what}”: {n}"), len(self.complaints)
        else:
            self.behind = guarded(self.message.setText, lambda: drill.returns_behind(
                self.reader(), self.period(), t.drill or "", key), "drill") or []
            title, found = QT_TRANSLATE_NOOP("ReportsPage", "Returns behind “{what}”: {n}"), len(self.behind)
        self.behind_title.setText(QCoreApplication.translate("ReportsPage", title).format(what=what, n=found))
        self._show_behind()
        return self.complaints if t.drill in drill.COMPLAINT_DRILLS else self.behind

    def export(self, kind: str) -> str:
        """Saves the report on screen as CSV or PDF where the owner says; returns the path ("" if not saved)."""
        report = self.report
        if report is None:
            return ""
        lang = i18n.current_language()
        path = self.ask_path(kind, f"{report.name}-{report.start}-{report.end}.{kind}")
        if not path:
            return ""
        saved = guarded(self.message.setText, lambda: export.save(
            export.to_csv(report, lang) if kind == "csv" else export.to_pdf(report, lang), path), "export")
        if saved:
            self.message.setText(QCoreApplication.translate("ReportsPage", "Saved {path}").format(path=saved))
        return saved or ""

    # ---- drawing -------------------------------------------------------------------------------
    def _show_report(self) -> None:
        lang = i18n.current_language()
        report = self.report
        figures = report.figures if report else ()
        self.figures.setRowCount(len(figures))
        for r, f in enumerate(figures):
            self.figures.setItem(r, 0, QTableWidgetItem(f.en if lang == "en" else f.zh))
            value = QTableWidgetItem(text_of(f.value, f.kind, lang, format_fen))
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figures.setItem(r, 1, value)
        self.figures.resizeColumnsToContents()
        # the longest label and its value, uncut: the tabs give way, not the figures
        self.figures.setMinimumWidth(self.figures.horizontalHeader().length() + 28)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.charts, self.models = [], []
        for n, table in enumerate(report.tables if report else ()):
            chart, model, view = ReportChart(), ReportTableModel(table), QTableView()
            chart.show_table(table, lang)
            chart.bar_clicked.connect(lambda row, n=n: self.drill(n, row))
            view.setModel(model)
            view.verticalHeader().hide()
            view.doubleClicked.connect(lambda index, n=n: self.drill(n, index.row()))
            view.resizeColumnsToContents()
            tab = QSplitter(Qt.Orientation.Vertical)
            tab.addWidget(chart)
            tab.addWidget(view)
            self.tabs.addTab(tab, table.en if lang == "en" else table.zh)
            self.charts.append(chart)
            self.models.append(model)
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))
        self.behind, self.complaints = [], []
        self.behind_title.setText("")
        self._show_behind()

    def _show_behind(self) -> None:
        lang = i18n.current_language()
        heads = COMPLAINTS_BEHIND if self.complaints else BEHIND
        self.behind_table.setColumnCount(len(heads))
        self.behind_table.setHorizontalHeaderLabels([_tr(c) for c in heads])
        rows = [self._complaint_values(c, lang) for c in self.complaints] or [
            self._return_values(r, lang) for r in self.behind]
        self.behind_table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.behind_table.setItem(r, c, QTableWidgetItem(value))
        self.behind_table.resizeColumnsToContents()

    @staticmethod
    def _return_values(row: BehindRow, lang: str) -> tuple[str, ...]:
        kind = {"exchange": QCoreApplication.translate("ReportsPage", "Exchange"),
                "refusal": QCoreApplication.translate("ReportsPage", "Refused as a whole"),
                "complaint": QCoreApplication.translate("ReportsPage", "Complaint")}.get(
            row.kind, QCoreApplication.translate("ReportsPage", "Return"))
        return (row.number, shop_time(row.at), kind, row.clerk, row.receipt, format_fen(row.refund),
                ", ".join(t.words(lang) for t in row.reasons))

    @staticmethod
    def _complaint_values(c: ComplaintBehind, lang: str) -> tuple[str, ...]:
        def hours(value: float | None) -> str:
            return "—" if value is None else f"{value:.1f}"

        yes, no = QCoreApplication.translate("ReportsPage", "yes"), QCoreApplication.translate("ReportsPage", "no")
        return (c.number, shop_time(c.opened), c.customer or "—", c.status.words(lang), c.owner or "—",
                hours(c.response_hours), hours(c.resolution_hours), yes if c.on_time else no,
                yes if c.reopened else no)

    def _on_range_changed(self, refresh: bool = True) -> None:
        custom = self.range.currentData() == "custom"
        for widget in (self.start, self.end, self.from_label, self.to_label, self.show_button):
            widget.setEnabled(custom)
        if not custom:
            p = reports.preset(self.range.currentData())
            self.start.setDate(QDate(p.start.year, p.start.month, p.start.day))
            self.end.setDate(QDate(p.end.year, p.end.month, p.end.day))
        if refresh:
            self.refresh()

    def _ask_path(self, kind: str, suggested: str) -> str:
        pattern = (QCoreApplication.translate("ReportsPage", "CSV (*.csv)") if kind == "csv"
                   else QCoreApplication.translate("ReportsPage", "PDF (*.pdf)"))
        title = QCoreApplication.translate("ReportsPage", "Save the report")
        return QFileDialog.getSaveFileName(self, title, suggested, pattern)[0]

    def retranslate(self) -> None:
        for i, family in enumerate(reports.FAMILIES):
            self.which.setItemText(i, family.en if i18n.is_english() else family.zh)
        for i, text in enumerate(RANGES.values()):
            self.range.setItemText(i, _tr(text))
        self.from_label.setText(QCoreApplication.translate("ReportsPage", "From"))
        self.to_label.setText(QCoreApplication.translate("ReportsPage", "to"))
        self.show_button.setText(QCoreApplication.translate("ReportsPage", "Show"))
        self.csv_button.setText(QCoreApplication.translate("ReportsPage", "Export CSV…"))
        self.pdf_button.setText(QCoreApplication.translate("ReportsPage", "Export PDF…"))
        self._show_behind()
        if self.report is not None:
            self._show_report()
