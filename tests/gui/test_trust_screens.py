"""The set-up screen, the users page, the audit page, the demo mark and what sign-in tells the admin."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from app.db import session_scope
from app.models import User
from app.services.shop import set_settings
from app.services.users import create_user, sign_in
from app.ui import translation
from tests.gui.conftest import sign_in_as

OWNER_PIN = "482913"


def add_owner(url: str) -> None:
    with session_scope(url) as s:
        create_user(s, "owner", "店长 刘总", "admin", OWNER_PIN)


def test_the_set_up_screen_makes_a_shop_and_shows_the_recovery_code_once(qtbot, qapp, tmp_path, monkeypatch):
    from app.services.setup import needs_setup
    from app.ui.pages.setup import SetupScreen

    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    monkeypatch.setenv("RETURNS_DESK_DB", url)
    assert needs_setup()
    translation.install("en")
    screen = SetupScreen()
    qtbot.addWidget(screen)
    screen.name.setText("幸福路超市")
    screen.region.setCurrentIndex(screen.region.findData("zhejiang"))
    screen.owner.setText("liu")
    screen.pin.setText("4829")
    screen.pin_again.setText("4829")
    screen.try_set_up()
    assert "6 to 12 digits" in screen.message.text() and not Path(tmp_path / "new.sqlite").exists()
    assert screen.pin.text() == ""  # never left in the widget
    screen.pin.setText(OWNER_PIN)
    screen.pin_again.setText("482914")
    screen.try_set_up()
    assert "differ" in screen.message.text()
    screen.pin.setText(OWNER_PIN)
    screen.pin_again.setText(OWNER_PIN)
    screen.try_set_up()
    assert screen.stack.currentIndex() == 1 and screen.code.text() == screen.recovery_code != ""
    assert sign_in("liu", OWNER_PIN, url).role == "admin" and not needs_setup()
    screen.done_button.click()  # "I have written it down": the counter opens next
    assert screen.result() == SetupScreen.DialogCode.Accepted
    translation.install("zh_CN")


def test_the_admin_adds_disables_and_prints_a_staff_card_on_the_users_page(qtbot, make_window, shop):
    add_owner(shop)
    window = make_window("en", sign_in=False)
    sign_in_as(qtbot, window, "owner", OWNER_PIN)
    menu = window.shop_menu
    assert menu.users_action.isVisible() and menu.audit_action.isVisible()
    menu.users_action.trigger()
    page = menu.users_page
    assert [r.username for r in page.rows] == ["clerk", "boss", "boss2", "owner"]
    page.add_user()
    dialog = page.dialog
    dialog.username.setText("wang")
    dialog.display_name.setText("店员 小王")
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    dialog.pin.setText("482716")
    dialog.pin_again.setText("482761")
    dialog.try_accept()
    assert dialog.isVisible() and "differ" in dialog.message.text()  # a slip of the finger, caught before saving
    dialog.pin.setText("4827")
    dialog.pin_again.setText("4827")
    dialog.try_accept()
    assert dialog.isVisible() and "6 to 12 digits" in dialog.message.text()  # refused, the dialog stays
    dialog.pin.setText("482716")
    dialog.pin_again.setText("482716")
    dialog.try_accept()
    assert not dialog.isVisible() and "wang" in [r.username for r in page.rows]
    page.table.selectRow([r.username for r in page.rows].index("wang"))
    assert page.table.item(page.table.currentRow(), 3).text() == "Must change PIN"
    page.buttons["disable"].click()
    assert page.table.item(page.table.currentRow(), 3).text() == "Disabled"
    page.buttons["card"].click()
    assert [p.key for p in window.preview.printouts] == ["staff_card"]
    window.preview.close()
    menu.users_window.close()


def test_a_clerk_sees_no_users_or_audit_items_and_the_services_refuse_anyway(qtbot, make_window, shop):
    window = make_window("en")
    menu = window.shop_menu
    assert not menu.users_action.isVisible() and not menu.audit_action.isVisible() and menu.pin_action.isVisible()
    menu.users_page.refresh()  # as if the page were reached anyway
    assert "Only the owner" in menu.users_page.message.text() and menu.users_page.rows == []


def test_the_audit_page_lists_entries_and_says_when_the_chain_was_edited(qtbot, make_window, shop):
    add_owner(shop)
    window = make_window("en", sign_in=False)
    sign_in_as(qtbot, window, "owner", OWNER_PIN)
    page = window.shop_menu.audit_page
    window.shop_menu.audit_action.trigger()
    assert page.table.rowCount() >= 1 and page.table.item(0, 3).text() == "sign_in"
    assert "The trail is whole" in page.chain.text()
    with session_scope(shop) as s:
        s.execute(text("UPDATE audit_log SET subject = 'someone else' WHERE id = 1"))
    page.refresh()
    assert "tampered" in page.chain.text() and "entry 1" in page.chain.text()
    window.shop_menu.audit_window.close()


def test_the_admin_is_told_of_locked_accounts_at_sign_in(qtbot, make_window, shop):
    add_owner(shop)
    with session_scope(shop) as s:
        s.scalar(select(User).where(User.username == "boss")).lockouts = 3
    window = make_window("en", sign_in=False)
    sign_in_as(qtbot, window, "owner", OWNER_PIN)
    box = window.shop_menu.notice_box
    assert box is not None and "boss" in box.text() and "Locked" in box.text()
    box.close()


def test_a_reset_pin_is_changed_right_after_sign_in(qtbot, make_window, shop):
    with session_scope(shop) as s:
        s.scalar(select(User).where(User.username == "clerk")).must_change_pin = True
    window = make_window("en")
    dialog = window.shop_menu.pin_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.old.setText("1111")
    dialog.pin.setText("5938")
    dialog.pin_again.setText("5938")
    dialog.try_accept()
    assert not dialog.isVisible() and not sign_in("clerk", "5938", shop).must_change_pin
    window.shop_menu.notice_box.close()


def test_a_demo_database_says_demo_on_every_screen(qtbot, make_window, shop):
    set_settings({"shop.demo": "1"}, shop)
    window = make_window("en")
    assert window.windowTitle().startswith("演示 DEMO")
    assert "演示 DEMO" in window.view.shop_label.text() and "演示 DEMO" in window.sign_in.shop.text()


def test_a_six_digit_pin_typed_fast_is_a_pin_not_a_scan(qtbot, make_window, shop, clock):
    add_owner(shop)
    clock.step = 0.001  # faster than any person: the scan detector's speed
    window = make_window("en", sign_in=False)
    sign_in_as(qtbot, window, "owner", OWNER_PIN)


def test_the_log_file_is_the_owners_alone_and_masks_phone_numbers(_isolated_home):
    import logging
    import stat

    from app.ui.shell.main import log_to_file

    root = logging.getLogger()
    before = list(root.handlers)
    log_to_file()
    added = [h for h in root.handlers if h not in before]
    try:
        logging.getLogger("returns_desk").warning("bad member row: phone 13812345678")
        for handler in added:
            handler.flush()
        log = _isolated_home / "logs" / "returns-desk.log"
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
        written = log.read_text(encoding="utf-8")
        assert "138****5678" in written and "13812345678" not in written
    finally:
        for handler in added:
            root.removeHandler(handler)
            handler.close()
