"""A real shop database with known receipts, a signed-in counter window and a fake scanner clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.db import dispose_engines, init_database, session_scope
from app.models import Return, User
from app.services.imports import import_members, import_products, import_sales
from app.services.shop import set_settings
from app.services.users import create_user
from app.ui import translation
from app.ui.shell.main import style_app
from app.ui.widgets.scan import ScanDetector
from tests.store import jsonl

NOODLES, KETTLE, COOKER, APPLES = "6901234567892", "6909876543212", "6909876543229", "6900000000014"
PRODUCTS_CSV = f"""sku,name_zh,name_en,category,policy_class,price,warranty_months,supplier
{NOODLES},红烧牛肉面,Beef Noodles,方便食品,general,450,0,康师傅
{KETTLE},电热水壶,Electric Kettle,小家电,appliance,12900,12,美的
{COOKER},电饭煲,Rice Cooker,小家电,appliance,29900,12,苏泊尔
{APPLES},红富士苹果,Fuji Apples,水果,fresh,1280,0,本地果园
"""
MEMBERS_CSV = """card_no,phone,name,tier,points,special_needs
M000123,13812345678,王芳,gold,1200,
M000124,13900001111,李强,standard,0,
"""
NOW = datetime.now(UTC)


def _sale(receipt: str, days_ago: int, lines: list[dict], tenders: list[dict], member: str | None = "M000123",
          discount: int = 0, points: int = 0) -> dict:
    return {"receipt": receipt, "sold_at": (NOW - timedelta(days=days_ago)).isoformat(), "till": "T1",
            "cashier": "c01", "member": member, "lines": lines, "receipt_discount": discount,
            "tenders": tenders, "coupons_redeemed": [], "points_earned": points}


def _line(no: int, sku: str, qty: int, price: int, discount: int = 0) -> dict:
    return {"line": no, "sku": sku, "qty": qty, "unit_price": price, "discount": discount}


SALES = [
    # yesterday: 3 noodles and a kettle, ¥1 off the receipt, WeChat — a plain changed-mind return
    _sale("R20261101-0001", 1, [_line(1, NOODLES, 3, 450), _line(2, KETTLE, 1, 12900)],
          [{"method": "wechat", "amount": 14150}], discount=100, points=141),
    # five kettles: returning them all refunds over ¥500, so a supervisor must approve
    _sale("R20261101-0002", 1, [_line(1, KETTLE, 5, 12900)], [{"method": "card", "amount": 64500}], member=None),
    # a kettle 10 days ago: a fault now means exchange only
    _sale("R20261101-0003", 10, [_line(1, KETTLE, 1, 12900)], [{"method": "alipay", "amount": 12900}]),
    # two noodles paid in cash, no member
    _sale("R20261101-0004", 1, [_line(1, NOODLES, 2, 450)], [{"method": "cash", "amount": 900}], member=None),
]


@pytest.fixture
def shop(tmp_path, monkeypatch):
    """A migrated SQLite shop: 4 products, 2 members, 3 receipts, users clerk/1111, boss/2222, boss2/3333."""
    url = f"sqlite:///{tmp_path / 'shop.sqlite'}"
    monkeypatch.setenv("RETURNS_DESK_DB", url)
    init_database(url, create=True)
    (tmp_path / "products.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    (tmp_path / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    assert import_products(tmp_path / "products.csv", url).ok
    assert import_members(tmp_path / "members.csv", url).ok
    assert import_sales(jsonl(*SALES), url).ok
    with session_scope(url) as s:
        create_user(s, "clerk", "店员 小王", "clerk", "1111")
        create_user(s, "boss", "主管 陈姐", "supervisor", "2222")
        create_user(s, "boss2", "主管 老周", "supervisor", "3333")
    set_settings({"shop.name": "幸福路测试店"}, url)
    yield url
    dispose_engines()


class FakeClock:
    """Seconds that move only when asked: each key press reads it once, and it then steps on."""

    def __init__(self, step: float = 0.005) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


class Spool:
    """The printer, replaced: records every job (title, page size in mm, copies) and keeps the PDF."""

    def __init__(self) -> None:
        self.jobs: list[dict] = []
        self.delay = 0.0

    def __call__(self, printout) -> None:
        import time

        from app.ui.shell.printing import title_of
        from app.ui.widgets.pdf_pages import page_sizes

        if self.delay:
            time.sleep(self.delay)
        sizes = [(round(s.width() * 25.4 / 72), round(s.height() * 25.4 / 72)) for s in page_sizes(printout.pdf)]
        self.jobs.append({"key": printout.key, "code": printout.code, "title": title_of(printout),
                          "page_mm": sizes[0] if sizes else None, "pages": len(sizes), "copies": 1,
                          "pdf": printout.pdf})

    def keys(self) -> list[str]:
        return [job["key"] for job in self.jobs]


@pytest.fixture
def spool():
    return Spool()


@pytest.fixture(autouse=True)
def machine_settings(tmp_path):
    """This machine's QSettings (language, printers) in the test's own folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield tmp_path / "qsettings"


@pytest.fixture
def make_window(qtbot, qapp, shop, clock, spool):
    """Builds the counter window the way run_gui does (translators before widgets), on the test shop."""
    made = []

    def build(lang: str = "zh_CN", sign_in: bool = True):
        from app.ui.shell.window import MainWindow

        translation.install(lang)
        style_app(qapp)
        detector = ScanDetector(clock=clock)
        window = MainWindow(detector=detector, send=spool)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # function keys need the window active
        made.append(window)
        _wait_for_held_keys(qtbot, window)
        if sign_in:
            sign_in_as(qtbot, window, "clerk", "1111")
        return window

    yield build
    for window in made:
        window.printer.wait()
        for dialog in (getattr(window, "approval_dialog", None), getattr(window, "preview", None)):
            if dialog is not None:
                dialog.close()
        qapp.removeEventFilter(window.detector)
    translation.install("zh_CN")


def _wait_for_held_keys(qtbot, window) -> None:
    """A person's single key into a table waits in the scan detector (~50 ms) until it is known not to
    be the start of a scan, then happens: after each key click the tests wait for that, as a clerk would."""
    click = qtbot.keyClick

    def key_click(widget, key, modifier=Qt.KeyboardModifier.NoModifier, delay=-1):
        click(widget, key, modifier, delay)
        if window.detector.holding:
            qtbot.waitUntil(lambda: not window.detector.holding, timeout=1000)

    qtbot.keyClick = key_click


def close_dialog(qtbot, window, dialog) -> None:
    """Close a preview or approval dialog and wait until the counter window has the keyboard again."""
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def sign_in_as(qtbot, window, username: str, pin: str) -> None:
    page = window.sign_in
    page.user.setCurrentIndex(page.user.findData(username))
    page.pin.setFocus()
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.clerk is not None and window.clerk.username == username


def scan(qtbot, widget, code: str, clock: FakeClock) -> None:
    """What a USB scanner does: the code's characters a few ms apart, then Enter — into whatever has focus."""
    clock.now += 1.0  # the clerk paused before picking up the scanner
    clock.step = 0.005
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_slowly(qtbot, widget, text: str, clock: FakeClock) -> None:
    """A person typing: a fifth of a second between keys."""
    clock.step = 0.2
    qtbot.keyClicks(widget, text)
    clock.step = 0.005


def returns_in_db(url: str) -> list[Return]:
    with session_scope(url, write=False) as s:
        rows = list(s.scalars(select(Return).order_by(Return.id)))
        for r in rows:
            _ = (r.lines, r.tenders, r.exchange_lines)  # load before the session closes
        return rows


def user_row(url: str, username: str) -> User:
    with session_scope(url, write=False) as s:
        return s.scalar(select(User).where(User.username == username))


def open_receipt(qtbot, window, clock, number: str) -> None:
    scan(qtbot, window.scan, number, clock)
    assert window.current_page() is window.receipt_page
    assert window.receipt_page.receipt.receipt_no == number

def approve(qtbot, window, supervisor: str, pin: str, reason: str | None = None, note: str = ""):
    """Picks the supervisor and (when given) a reason other than the default, types the PIN, Enter."""
    dialog = window.approval_dialog
    assert dialog.isVisible()
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(supervisor))
    if reason is not None:
        dialog.reason.setCurrentIndex(dialog.reason.findData(reason))
    if note:
        dialog.note.setText(note)
    dialog.pin.setFocus()
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    return dialog


def press(qtbot, window, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A person's key: table keys wait in the scan detector until they are known not to be a scan's."""
    qtbot.keyClick(widget, key, modifier)
    qtbot.waitUntil(lambda: not window.detector.holding, timeout=1000)


def complete(qtbot, window) -> None:
    """F9: the key that completes (a scanner never sends it)."""
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F9)
