"""The way of one return: after the completing write, the screen and the papers come from one read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import event

from app.db import get_engine
from tests.gui.conftest import open_receipt, returns_in_db


def test_after_the_completing_write_the_documents_are_read_once(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    table = window.receipt_page.table
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert window.receipt_page.quote is not None and not window.receipt_page.quote.needs_supervisor

    transactions: list[list[str]] = []

    def began(conn):
        transactions.append([])

    def statement(conn, cursor, sql, params, context, executemany):
        if transactions:
            transactions[-1].append(sql.split()[0].upper())

    engine = get_engine(shop)
    event.listen(engine, "begin", began)
    event.listen(engine, "before_cursor_execute", statement)
    try:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    finally:
        event.remove(engine, "begin", began)
        event.remove(engine, "before_cursor_execute", statement)

    [ret] = returns_in_db(shop)
    assert ret.status == "completed" and window.current_page() is window.return_page
    writes = [i for i, sqls in enumerate(transactions) if "INSERT" in sqls]
    assert len(writes) == 1, "one completing write"
    after = transactions[writes[0] + 1:]
    assert len(after) == 1, f"after the write, one read for the screen and the papers (saw {len(after)})"
    assert not {"INSERT", "UPDATE", "DELETE"} & set(after[0])
    assert window.preview.printouts[0].code == ret.number
    assert ret.number in window.return_page.title.text()
