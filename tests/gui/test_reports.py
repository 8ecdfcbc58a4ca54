"""The reports page on a real database: each report opens, the range changes, CSV and PDF export, a bar drills."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.services.reports import FAMILIES
from app.services.reports.periods import shop_today
from app.ui import translation
from app.ui.pages.reports import ReportsPage
from tests.printing.pdfcheck import text as pdf_text
from tests.services.reports import history


@pytest.fixture
def shop_of_page(catalogue, tmp_path):
    return history.build(catalogue, tmp_path)


@pytest.fixture
def page(qtbot, shop_of_page):
    shop = shop_of_page
    widget = ReportsPage(lambda: shop.owner)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.choose_range("custom", date(2026, 11, 1), date(2026, 11, 30))
    return widget


def figure_text(page: ReportsPage, key: str) -> str:
    row = [f.key for f in page.report.figures].index(key)
    return page.figures.item(row, 1).text()


def test_each_report_opens_with_its_figures_and_a_tab_per_table(page):
    for family in FAMILIES:
        page.choose(family.name)
        assert page.report is not None and page.report.name == family.name, page.message.text()
        assert page.tabs.count() == len(page.report.tables)
        assert page.figures.rowCount() == len(page.report.figures)
    page.choose("returns")
    assert figure_text(page, "returns") == "6" and figure_text(page, "return_rate") == "25.0%"


def test_changing_the_range_recomputes_the_figures(page, qtbot):
    page.choose("money")
    assert figure_text(page, "refunded") == "¥34.80"
    page.start.setDate(page.start.date().addDays(5))      # from 6 November: G0, A and B drop out
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert figure_text(page, "refunded") == "¥" + f"{(3480 - 450 * 3) / 100:.2f}"
    page.range.setCurrentIndex(page.range.findData("today"))
    assert page.report.start == page.report.end == shop_today()
    assert not page.start.isEnabled() and figure_text(page, "refunded") == "¥0.00"


def test_export_csv_with_bom_and_pdf_with_the_same_figures(page, tmp_path):
    page.choose("loyalty")
    page.ask_path = lambda kind, suggested: str(tmp_path / suggested)
    csv_path = page.export("csv")
    data = Path(csv_path).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    # served: 2 of 3 came back (M000128, refused as a whole, among them); not served: 2 of 3
    assert "复购率（到过柜台）,66.7%" in text and "复购率（未到柜台）,66.7%" in text
    pdf = Path(page.export("pdf")).read_bytes()
    words = pdf_text(pdf, layout=True)
    assert "复购报表" in words and "66.7%" in words and "小李" in words
    page.ask_path = lambda kind, suggested: ""      # the owner cancels the dialog: nothing is written
    assert page.export("csv") == ""


def test_a_click_on_a_bar_lists_the_returns_behind_it(page, qtbot):
    page.choose("returns")
    reasons = [t.key for t in page.report.tables].index("by_reason")
    page.tabs.setCurrentIndex(reasons)
    chart = page.charts[reasons]
    qtbot.waitExposed(chart)
    # the bars are drawn largest on top: changed mind (4), then one each for the quality reasons
    table = page.report.tables[reasons]
    top = len(chart.rows) - 1
    assert table.rows[chart.rows[top]][0].id == "changed_mind"
    with qtbot.waitSignal(chart.bar_clicked, timeout=2000) as clicked:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(top))
    assert clicked.args == [chart.rows[top]]
    assert page.behind_table.rowCount() == 4
    assert {page.behind_table.item(r, 6).text() for r in range(4)} == {"不想要了（无理由）"}
    assert "4" in page.behind_title.text()


def test_a_click_on_a_complaints_bar_lists_the_complaints_behind_it(page, qtbot, shop_of_page):
    translation.install("zh_CN")      # the headers are the screen's words, through Qt's translators
    page.choose("service")
    tab = [t.key for t in page.report.tables].index("complaints")
    page.tabs.setCurrentIndex(tab)
    chart = page.charts[tab]
    qtbot.waitExposed(chart)
    table = page.report.tables[tab]
    bar = next(b for b, row in enumerate(chart.rows) if table.rows[row][0].id == "quality")
    with qtbot.waitSignal(chart.bar_clicked, timeout=2000):
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(bar))
    assert [page.behind_table.horizontalHeaderItem(c).text() for c in (0, 2, 3)] == ["投诉单", "顾客", "状态"]
    # TS0 (opened by B's call, never answered) and TS1, in the order they were opened
    assert page.behind_table.rowCount() == 2 and "投诉" in page.behind_title.text()
    cells = [[page.behind_table.item(r, c).text() for c in range(page.behind_table.columnCount())] for r in (0, 1)]
    assert [row[0] for row in cells] == [shop_of_page.ts0, shop_of_page.ts1]
    assert cells[0][3:] == ["处理中", "—", "—", "—", "否", "否"]
    # TS1: 李强, resolved in 30 h after an answer in 1 h, on time
    assert cells[1][2:4] == ["李强 139****1111", "已解决"] and cells[1][5:] == ["1.0", "30.0", "是", "否"]
    # the staff review's complaints owned drill the same way, by a double-click on the row
    page.choose("staff")
    owned = [t.key for t in page.report.tables].index("complaints_owned")
    page.tabs.setCurrentIndex(owned)
    view = page.tabs.widget(owned).widget(1)
    row = next(r for r, values in enumerate(page.report.tables[owned].rows) if values[0].id == "wang")
    index = view.model().index(row, 0)
    qtbot.waitExposed(view)
    # a double-click is a click, then the second press (Qt drills only when both land on one row)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert page.behind_table.item(0, 0).text() == shop_of_page.ts2 and page.behind_table.item(0, 8).text() == "是"
    # back to a table of returns: the returns' columns again
    page.choose("returns")
    page.drill([t.key for t in page.report.tables].index("by_reason"), 0)
    assert page.behind_table.horizontalHeaderItem(0).text() == "单号" and page.behind_table.columnCount() == 7
