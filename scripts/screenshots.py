"""Regenerates docs/screenshots: every counter screen, in Chinese and English, on a fresh demo shop.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [--out DIR] [--all]

Under a real X server (Xvfb) the whole screen is captured, so dialogs show over the window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from app.ui.shell.window import MainWindow

SIZE = (1366, 768)
# What docs/screenshots keeps (the README shows them); --all writes every screen for a review.
KEEP = {"sign-in-zh_CN", "receipt-quote-zh_CN", "receipt-quote-en", "exchange-zh_CN", "approval-zh_CN",
        "slip-preview-zh_CN", "no-receipt-en", "member-zh_CN", "completed-return-en",
        "legal-floor-zh_CN", "legal-floor-en",
        "setup-zh_CN", "setup-en", "users-zh_CN", "users-en", "audit-zh_CN", "audit-en",
        "approval-en", "exchange-en", "completed-return-zh_CN", "no-receipt-zh_CN",
        "complaints-zh_CN", "complaints-en", "followups-zh_CN", "followups-en", "customer-display-zh_CN",
        "customer-display-en",
        "repair-zh_CN", "repair-en", "repair-ticket-print-zh_CN", "repair-ticket-print-en"}
LAW_RECEIPT = "R-LAW-DAY20"   # a quality fault on day 20: the shop says no, 消保法 art. 24 says exchange or repair
SAVE_ALL = False


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(30)


def capture(app: QApplication, window: QWidget, path: Path, dialog: QWidget | None = None) -> None:
    if window.isWindow():
        window.resize(*SIZE)   # with no window manager a page wider for a moment left the window wide
    settle(app)
    if not SAVE_ALL and path.stem not in KEEP:
        return
    screen = QGuiApplication.primaryScreen()
    if QGuiApplication.platformName() == "xcb" and screen is not None:
        shot = screen.grabWindow(0, 0, 0, *SIZE)
    else:  # offscreen: the window, with the dialog painted over its middle
        shot = window.grab()
        if dialog is not None:
            from PySide6.QtGui import QPainter

            painter = QPainter(shot)
            inner = dialog.grab()
            painter.drawPixmap((shot.width() - inner.width()) // 2, (shot.height() - inner.height()) // 2, inner)
            painter.end()
    shot.save(str(path))
    print(f"saved {path}")


def scan(window: MainWindow, code: str) -> None:
    window._on_code_scanned(code)


def screens(app: QApplication, lang: str, out: Path, showcase: dict[str, str]) -> None:
    from app.ui import translation
    from app.ui.shell.window import MainWindow

    translation.install(lang)
    window = MainWindow(send=lambda _paper: None)   # papers "print" nowhere: no printer on a build machine
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(0, 0, *SIZE)
    window.show()
    settle(app)
    capture(app, window, out / f"sign-in-{lang}.png")

    window.sign_in.user.setCurrentIndex(window.sign_in.user.findData("clerk"))
    window.sign_in.pin.setText("1111")
    window.sign_in.attempt()
    capture(app, window, out / f"welcome-{lang}.png")
    receipts(app, window, lang, out, showcase)
    legal_floor(app, window, lang, out)
    approval(app, window, lang, out, showcase)
    coupon_and_member(app, window, lang, out, showcase)
    service_loop(app, window, lang, out, showcase)
    repair(app, window, lang, out)
    trust_screens(app, window, lang, out)
    reports_screens(app, window, lang, out)
    window.close()
    window.deleteLater()  # one window at a time: the next language builds its own
    settle(app)


def receipts(app: QApplication, window: MainWindow, lang: str, out: Path, showcase: dict[str, str]) -> None:
    from app.services import catalogue

    general = next(v for k, v in showcase.items() if k.startswith("general"))
    scan(window, general)
    table = window.receipt_page.table
    QTest.keyClick(table, Qt.Key.Key_Space)
    QTest.keyClick(table, Qt.Key.Key_Down)
    QTest.keyClick(table, Qt.Key.Key_Space)
    QTest.keyClick(table, Qt.Key.Key_R)
    capture(app, window, out / f"receipt-quote-{lang}.png")

    appliance = next(v for k, v in showcase.items() if k.startswith("appliance"))
    scan(window, appliance)
    table = window.receipt_page.table
    QTest.keyClick(table, Qt.Key.Key_Space)
    QTest.keyClick(table, Qt.Key.Key_R)
    settle(app)
    window.receipt_page.exchange_button.setChecked(True)
    dearer = [p for p in catalogue.find_product("电饭煲")]
    for product in dearer[:1]:
        window.receipt_page.exchange_goods.add(product)
    capture(app, window, out / f"exchange-{lang}.png")


def legal_floor(app: QApplication, window: MainWindow, lang: str, out: Path) -> None:
    """The legal floor's explanation (naming the article) and the customer's choice of remedy (M)."""
    scan(window, LAW_RECEIPT)
    table = window.receipt_page.table
    QTest.keyClick(table, Qt.Key.Key_Space)
    QTest.keyClick(table, Qt.Key.Key_R)
    QTest.keyClick(table, Qt.Key.Key_M)
    capture(app, window, out / f"legal-floor-{lang}.png")
    window.new_customer()


def law_receipt(url: str) -> None:
    """A sale of one general product 20 days ago, for the legal-floor screen."""
    import json
    from datetime import datetime, timedelta

    from app.services import catalogue
    from app.services.imports import import_sales
    from app.settings import SHOP_TZ

    product = next(p for p in catalogue.find_product("薯片") if p.policy_class == "general")
    sold = (datetime.now(SHOP_TZ) - timedelta(days=20)).replace(hour=11, minute=0, second=0, microsecond=0)
    row = {"receipt": LAW_RECEIPT, "sold_at": sold.isoformat(), "till": "T1", "cashier": "c01",
           "lines": [{"line": 1, "sku": product.sku, "qty": 1, "unit_price": product.price}],
           "tenders": [{"method": "wechat", "amount": product.price}]}
    assert import_sales([json.dumps(row, ensure_ascii=False)], url).ok


def approval(app: QApplication, window: MainWindow, lang: str, out: Path, showcase: dict[str, str]) -> None:
    personal = next(v for k, v in showcase.items() if k.startswith("personal"))
    scan(window, personal)
    table = window.receipt_page.table
    QTest.keyClick(table, Qt.Key.Key_Space)
    QTest.keyClick(table, Qt.Key.Key_O)
    capture(app, window, out / f"override-quote-{lang}.png")
    window.receipt_page.complete()
    settle(app)
    dialog = window.approval_dialog
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData("supervisor"))
    dialog.pin.setText("0000")
    dialog.try_approve()
    capture(app, window, out / f"approval-{lang}.png", dialog)
    dialog.pin.setText("222222")
    dialog.try_approve()   # the reason as it defaults: the rule that asked for the supervisor
    settle(app)
    window.return_page.preview()   # F8: the papers were printed already; the preview is one key away
    settle(app)
    preview = window.preview
    capture(app, window, out / f"slip-preview-{lang}.png", preview)
    preview.close()
    capture(app, window, out / f"completed-return-{lang}.png")


def coupon_and_member(app: QApplication, window: MainWindow, lang: str, out: Path, showcase: dict[str, str]) -> None:
    from app.services import catalogue

    # a goodwill coupon: a quality fault on the general receipt
    general = next(v for k, v in showcase.items() if k.startswith("general"))
    scan(window, general)
    table = window.receipt_page.table
    lines = window.receipt_page.lines
    table.selectRow(max(row for row in range(lines.rowCount()) if lines.line_at(row).qty_returnable))
    QTest.keyClick(table, Qt.Key.Key_1)
    QTest.keyClick(table, Qt.Key.Key_R)
    settle(app)   # the table's keys wait a moment in the scan detector (they might have been a scan)
    window.receipt_page.complete()
    settle(app)
    code = window.return_page.current.coupon_code if window.return_page.current else None
    if code:
        scan(window, code)
        capture(app, window, out / f"coupon-status-{lang}.png")

    window.no_receipt_page.start()
    window.show_page(window.no_receipt_page)
    window.no_receipt_page.member_field.setText("M100003")
    window.no_receipt_page.find_member()
    for product in catalogue.find_product("牙膏")[:1] + catalogue.find_product("薯片")[:1]:
        window.no_receipt_page.goods.add(product)
    capture(app, window, out / f"no-receipt-{lang}.png")
    window.new_customer()

    scan(window, "M100002")
    capture(app, window, out / f"member-{lang}.png")


def _seed_service_loop(showcase: dict[str, str]) -> None:
    """A few complaints (one overdue, one major) and follow-up calls, once, through the services."""
    from datetime import timedelta

    from app.models import utcnow
    from app.services import complaints
    from app.services.users import sign_in

    clerk = sign_in("clerk", "1111")
    if complaints.work_list(clerk):
        return
    general = next(v for k, v in showcase.items() if k.startswith("general"))
    now = utcnow()
    complaints.log(clerk, description="排队退货等了二十分钟", type="service", related=general, call_agreed=True,
                   now=now - timedelta(hours=30))
    complaints.log(clerk, description="电热水壶底座漏电，顾客手被麻了一下", severity="major", channel="phone",
                   phone="13700001234", now=now - timedelta(minutes=20))
    complaints.log(clerk, description="价签与收银价格不一致", type="price", now=now - timedelta(hours=3))
    done = complaints.log(clerk, description="面饼有异物", related=general, call_agreed=True,
                          now=now - timedelta(days=2))
    complaints.resolve(clerk, done.number, "refund_exchange", "已退款并致歉", now=now - timedelta(days=2))
    late = complaints.log(clerk, description="奶粉罐凹陷", phone="13900005678", call_agreed=True,
                          now=now - timedelta(days=3))
    complaints.resolve(clerk, late.number, "explained", "解释运输问题，换新", now=now - timedelta(days=3))


def service_loop(app: QApplication, window: MainWindow, lang: str, out: Path, showcase: dict[str, str]) -> None:
    """The complaint work list, the follow-up queue and the customer display after a return."""
    _seed_service_loop(showcase)
    window.service.open_complaints()
    capture(app, window, out / f"complaints-{lang}.png")
    window.service.open_followups()
    capture(app, window, out / f"followups-{lang}.png")
    window.service.toggle_display()
    display = window.service.display
    display.set_language(lang)
    display.setGeometry(0, 0, *SIZE)
    general = next(v for k, v in showcase.items() if k.startswith("general"))
    scan(window, general)
    table = window.receipt_page.table
    lines = window.receipt_page.lines
    table.selectRow(min(row for row in range(lines.rowCount()) if lines.line_at(row).qty_returnable))
    QTest.keyClick(table, Qt.Key.Key_1)
    QTest.keyClick(table, Qt.Key.Key_R)
    window.receipt_page.complete()
    settle(app)
    dialog = window.approval_dialog
    if dialog is not None and dialog.isVisible():   # the member's returns this month need a supervisor
        dialog.supervisor.setCurrentIndex(dialog.supervisor.findData("supervisor"))
        dialog.pin.setText("222222")
        dialog.try_approve()
        settle(app)
    if window.preview is not None:
        window.preview.close()
    display.raise_()
    capture(app, display, out / f"customer-display-{lang}.png")
    display.close()


def trust_screens(app: QApplication, window: MainWindow, lang: str, out: Path) -> None:
    """The set-up screen of a new shop, then the owner's users and audit pages (issue 11)."""
    from app.ui.pages.setup import SetupScreen

    setup = SetupScreen(url=f"sqlite:///{out.resolve() / 'never-made.sqlite'}")
    setup.setGeometry(0, 0, *SIZE)
    for field, value in ((setup.name, "幸福里便利超市"), (setup.address, "幸福路 88 号"),
                         (setup.phone, "021-5555 0188"), (setup.owner, "liu"), (setup.owner_name, "店长 刘总"),
                         (setup.pin, "482913"), (setup.pin_again, "482913")):
        field.setText(value)
    setup.region.setCurrentIndex(setup.region.findData("shanghai"))
    setup.show()
    capture(app, setup, out / f"setup-{lang}.png")
    setup.close()
    window.lock()
    window.sign_in.user.setCurrentIndex(window.sign_in.user.findData("admin"))
    window.sign_in.pin.setText("999999")
    window.sign_in.attempt()
    settle(app)
    if window.shop_menu.notice_box is not None:
        window.shop_menu.notice_box.close()
    from app.services import staff

    if window.clerk is not None:  # a disabled user, so the page shows its states
        staff.set_active(window.clerk, "clerk2", False)
    for action, page_window, name in ((window.shop_menu.users_action, window.shop_menu.users_window, "users"),
                                      (window.shop_menu.audit_action, window.shop_menu.audit_window, "audit")):
        action.trigger()
        page_window.setGeometry(0, 0, *SIZE)
        capture(app, page_window, out / f"{name}-{lang}.png")
        page_window.close()


def repair(app: QApplication, window: MainWindow, lang: str, out: Path) -> None:
    """A walk-in kettle repair, sent to the supplier: the repair page, and its printed ticket at 203 dpi."""
    import subprocess

    from app.services import catalogue, member_care, printouts, repair_status, repairs

    clerk = window.clerk
    assert clerk is not None
    member_care.set_special_needs("M100002", "老人，说话请大声一些", clerk)
    kettle = catalogue.find_product("电热水壶")[0]
    ticket = repairs.walk_in(clerk, sku=kettle.sku, fault="通电后不加热，指示灯不亮", serial="MK17-2611-0452",
                             accessories="底座、说明书", member_card="M100002")
    repair_status.advance(ticket.number, "sent", clerk)
    scan(window, ticket.number)
    capture(app, window, out / f"repair-{lang}.png")
    customer = printouts.repair_ticket(ticket.number, lang, paper="80mm")[0]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "ticket.pdf"
        src.write_bytes(customer.pdf)
        subprocess.run(["pdftoppm", "-r", "203", "-gray", "-png", "-singlefile", str(src),
                        str(out / f"repair-ticket-print-{lang}")], check=True)
    print(f"saved {out / f'repair-ticket-print-{lang}.png'}")


# The reports page (issue 13): three reports with their charts, the admin still signed in.
REPORT_SHOTS = (("returns", "by_reason"), ("money", "by_tender"), ("loyalty", "by_what"))
KEEP.update(f"report-{name}-{lang}" for name, _tab in REPORT_SHOTS for lang in ("zh_CN", "en"))


def reports_screens(app: QApplication, window: MainWindow, lang: str, out: Path) -> None:
    """Returns by reason, money by tender, repurchase by what happened — this quarter of the demo shop."""
    menu = window.shop_menu
    menu.reports_action.trigger()
    menu.reports_window.setGeometry(0, 0, *SIZE)
    page = menu.reports_page
    page.choose_range("this_quarter")
    for name, tab in REPORT_SHOTS:
        page.choose(name)
        if page.report is not None:
            page.tabs.setCurrentIndex([t.key for t in page.report.tables].index(tab))
            if name == "returns":   # and the returns behind the largest bar
                page.drill(page.tabs.currentIndex(), 0)
        capture(app, menu.reports_window, out / f"report-{name}-{lang}.png")
    menu.reports_window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    parser.add_argument("--lang", default="zh_CN,en", help="languages, comma-separated")
    parser.add_argument("--receipts", type=int, default=300)
    parser.add_argument("--all", action="store_true", help="every screen, not only the README's")
    args = parser.parse_args(argv)
    global SAVE_ALL
    SAVE_ALL = args.all
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RETURNS_DESK_HOME"] = tmp
        os.environ["RETURNS_DESK_DB"] = f"sqlite:///{Path(tmp) / 'demo.sqlite'}"
        from app.services.demo import create_demo_shop
        from app.ui.shell.main import make_app

        shop = create_demo_shop(os.environ["RETURNS_DESK_DB"], receipts=args.receipts)
        law_receipt(os.environ["RETURNS_DESK_DB"])
        langs = [lang.strip() for lang in args.lang.split(",") if lang.strip()]
        app = make_app(langs[0])
        for lang in langs:
            screens(app, lang, out, shop.showcase)
        from app.db import dispose_engines

        dispose_engines()
    return 0


if __name__ == "__main__":
    sys.exit(main())
