"""A horizontal bar chart of one report table (pyqtgraph): a click on a bar says which row it stands for."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.report_shape import Table, Term

pg.setConfigOptions(antialias=True, background="w", foreground="k")
MAX_BARS = 30      # the largest rows; the table below lists them all
BAR_COLOUR = "#3b6ea5"


class ReportChart(QWidget):
    bar_clicked = Signal(int)      # the row of the table the bar stands for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.rows: list[int] = []          # bar i (bottom up) → the table's row
        self.bars: pg.BarGraphItem | None = None
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        QVBoxLayout(self).addWidget(self.plot)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def show_table(self, table: Table | None, lang: str) -> None:
        self.plot.clear()
        self.rows, self.bars = [], None
        if table is None or not table.chart or not table.rows:
            self.setVisible(False)
            return
        i = table.column(table.chart)
        found = [(n, row) for n, row in enumerate(table.rows) if isinstance(row[i], (int, float))]
        if table.key != "by_day":
            found = sorted(found, key=lambda p: -float(p[1][i]))[:MAX_BARS]
        found = found[::-1] if table.key != "by_day" else found[-MAX_BARS:][::-1]
        self.rows = [n for n, _row in found]
        column = table.columns[i]
        scale = 100.0 if column.kind == "fen" else 1.0    # money is drawn in yuan, not fen
        values = [float(row[i]) / scale for _n, row in found]
        self.bars = pg.BarGraphItem(x0=0, y=list(range(len(values))), height=0.6, width=values, brush=BAR_COLOUR)
        self.plot.addItem(self.bars)
        labels = [(k, _label(row[0], lang)) for k, (_n, row) in enumerate(found)]
        axis = self.plot.getAxis("left")
        axis.setTicks([labels])
        metrics = QFontMetrics(axis.font())
        axis.setWidth(max((metrics.horizontalAdvance(t) for _k, t in labels), default=40) + 16)
        title = column.en if lang.startswith("en") else column.zh
        self.plot.setLabel("bottom", f"{title} (¥)" if column.kind == "fen" else title)
        self.plot.setYRange(-0.6, max(len(values) - 0.4, 0.6), padding=0)
        self.plot.setXRange(0, max(values + [1.0]) * 1.05, padding=0)
        self.setVisible(True)

    def bar_centre(self, bar: int) -> QPoint:
        """Where bar `bar` (counted from the bottom) is on the widget: for a click, by hand or by a test."""
        width = self.bars.opts["width"][bar] if self.bars is not None else 0
        scene = self.plot.getViewBox().mapViewToScene(QPointF(float(width) / 2, float(bar)))
        return self.plot.mapFromScene(scene)

    def _on_scene_clicked(self, event: object) -> None:
        if self.bars is None:
            return
        point = self.plot.getViewBox().mapSceneToView(event.scenePos())  # type: ignore[attr-defined]
        bar = round(point.y())
        widths = self.bars.opts["width"]
        if 0 <= bar < len(self.rows) and abs(point.y() - bar) <= 0.3 and 0 <= point.x() <= float(widths[bar]):
            self.bar_clicked.emit(self.rows[bar])


def _label(value: object, lang: str) -> str:
    text = value.words(lang) if isinstance(value, Term) else str(value)
    return text if len(text) <= 16 else text[:15] + "…"
