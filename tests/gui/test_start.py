"""Start-up: translators before widgets, the bundled Chinese font, the shop name in the title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase

from app.ui import translation
from app.ui.shell.main import BASE_POINT_SIZE, register_fonts, style_app


def test_the_bundled_chinese_font_is_registered(qapp):
    families = register_fonts()
    assert any("WenQuanYi" in family for family in families)
    assert any("WenQuanYi" in family for family in QFontDatabase.families())


def test_large_type_and_chinese_first(qapp):
    translation.install("zh_CN")
    style_app(qapp)
    assert qapp.font().pointSize() == BASE_POINT_SIZE
    assert qapp.translate("MainWindow", "Returns Desk") == "售后服务台"
    translation.install("en")
    assert qapp.translate("MainWindow", "Returns Desk") == "Returns Desk"
    translation.install("zh_CN")


def test_the_window_opens_on_the_sign_in_page_with_the_shop_name(make_window):
    window = make_window(sign_in=False)
    assert window.outer.currentWidget() is window.sign_in
    assert window.sign_in.shop.text() == "幸福路测试店"
    assert "幸福路测试店" in window.windowTitle()
    names = [window.sign_in.user.itemData(i) for i in range(window.sign_in.user.count())]
    assert names == ["clerk", "boss", "boss2"]


def test_a_wrong_pin_at_sign_in_is_explained(qtbot, make_window, shop):
    from tests.gui.conftest import user_row

    window = make_window("en", sign_in=False)
    page = window.sign_in
    page.user.setCurrentIndex(page.user.findData("clerk"))
    qtbot.keyClicks(page.pin, "0000")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.clerk is None and "Wrong user name or PIN" in page.message.text()
    assert user_row(shop, "clerk").failed_attempts == 1
