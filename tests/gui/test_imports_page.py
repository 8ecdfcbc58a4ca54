"""The owner's import page: a real file through the worker thread, progress to the end, rejected rows listed."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import session_scope
from app.models import Sale
from app.services.users import create_user, sign_in
from app.ui.pages.imports import ImportPage
from tests.imports.test_till_csv import CHINESE_ROWS, HEADER, MAPPINGS


def test_the_owner_imports_a_gbk_export_and_sees_the_rejected_row(qtbot, catalogue, tmp_path):
    with session_scope(catalogue) as s:
        create_user(s, "owner", "店长", "admin", "9999")
    owner = sign_in("owner", "9999", catalogue)
    bad = CHINESE_ROWS[0].replace("X001", "Y001").replace("微信", "比特币")
    export = tmp_path / "明细.csv"
    export.write_bytes("\n".join([HEADER, *CHINESE_ROWS, bad]).encode("gb18030"))
    page = ImportPage(lambda: owner)
    qtbot.addWidget(page)
    page.choose(export, MAPPINGS / "chinese_lines.toml")
    assert page.start() is not None
    qtbot.waitUntil(lambda: page.worker is None, timeout=30000)
    assert page.progress.value() == page.progress.maximum()
    assert page.rejected.rowCount() == 1 and page.rejected.item(0, 0).text() == "5"
    assert "比特币" in page.rejected.item(0, 1).text()
    with session_scope(catalogue, write=False) as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 2


def test_a_clerk_is_refused_and_nothing_is_written(qtbot, catalogue, tmp_path):
    with session_scope(catalogue) as s:
        create_user(s, "c1", "店员", "clerk", "1111")
    clerk = sign_in("c1", "1111", catalogue)
    export = tmp_path / "x.csv"
    export.write_bytes("\n".join([HEADER, *CHINESE_ROWS]).encode("utf-8"))
    page = ImportPage(lambda: clerk)
    qtbot.addWidget(page)
    page.choose(export, MAPPINGS / "chinese_lines.toml")
    assert page.start() is not None
    qtbot.waitUntil(lambda: page.worker is None, timeout=30000)
    assert "店长" in page.result.text() or "admin" in page.result.text()
    with session_scope(catalogue, write=False) as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 0
