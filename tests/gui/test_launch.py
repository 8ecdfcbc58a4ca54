"""Issue 14.4: the sign-in window shows before the ORM and reportlab load; the rest loads behind it. A PIN typed
meanwhile signs in once the database is open and checked; a damaged file is refused with its message, and
nobody signs in (so nothing is written) before quick_check passed."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.ui import translation
from app.ui.shell.launch import Launch
from app.ui.shell.main import style_app
from app.ui.shell.window import MainWindow
from app.ui.widgets.scan import ScanDetector
from tests.gui.conftest import scan
from tests.services.test_startup_checks import damage, shop_file  # noqa: F401 — the fixture

HEAVY = ("sqlalchemy", "app.models", "app.db", "reportlab", "escpos", "pyqtgraph", "alembic")

# The real launcher in a fresh process: at the moment the sign-in window is shown (the event loop is about to
# run), which of the heavy modules are loaded — and, once the launch finished, that they are and sign-in works.
PROBE = textwrap.dedent(f"""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from app import cli
    from app.ui.shell.launch import Launch
    seen = {{}}
    original = QApplication.exec

    def exec_(*args):
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "sign_in") and w.isVisible())
        seen["shown_with"] = [m for m in {HEAVY!r} if m in sys.modules]
        seen["page"] = window.outer.currentWidget() is window.sign_in
        launch = window.findChild(Launch)

        def finished():
            seen["loaded_with"] = [m for m in {HEAVY!r} if m in sys.modules]
            seen["users"] = window.sign_in.user.count()
            app.quit()

        launch.finished.connect(finished)
        launch.refused.connect(app.quit)
        QTimer.singleShot(60_000, app.quit)
        return original()

    QApplication.exec = exec_
    code = cli.main([])
    print(json.dumps(seen))
    sys.exit(code)
""")


def test_the_sign_in_window_shows_before_the_orm_reportlab_and_the_models_are_imported(shop, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RETURNS_DESK_DB": shop,
           "RETURNS_DESK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", PROBE], check=False, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["page"] and seen["shown_with"] == []
    assert {"sqlalchemy", "app.models", "reportlab"} <= set(seen["loaded_with"])  # loaded after, behind it
    assert seen["users"] == 3


@pytest.fixture
def launching(qtbot, qapp, clock, spool):
    """The window as run_gui shows it (only the sign-in page built) and its launch, not yet started."""
    made = []

    def build(lang: str = "zh_CN", first_run=lambda: True):
        translation.install(lang)
        style_app(qapp)
        window = MainWindow(detector=ScanDetector(clock=clock), send=spool, deferred=True)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        made.append(window)
        return window, Launch(window, first_run)

    yield build
    for window in made:
        if window.built:
            window.printer.wait()
        qapp.removeEventFilter(window.detector)
    translation.install("zh_CN")


def test_a_pin_typed_before_loading_finished_signs_in_once_it_has(launching, qtbot, shop, clock):
    window, launch = launching()
    page = window.sign_in
    assert window.outer.currentWidget() is page and page.pin.hasFocus() and not window.built
    qtbot.keyClicks(page.pin, "1111")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)     # before the database is even opened
    assert window.clerk is None and page.pin.text() == "1111"   # kept, not checked, not lost
    assert "打开后即登录" in page.message.text()
    with qtbot.waitSignal(launch.finished, timeout=30_000):
        launch.start()
        assert not launch.done
    assert window.clerk is not None and window.clerk.username == "clerk"
    assert window.outer.currentWidget() is window.counter
    scan(qtbot, window.scan, "R20261101-0001", clock)   # the first scan after sign-in shows the receipt
    assert window.current_page() is window.receipt_page
    assert window.receipt_page.receipt.receipt_no == "R20261101-0001"


def test_a_kept_wrong_pin_is_refused_once_the_shop_is_open(launching, qtbot, shop):
    window, launch = launching("en")
    qtbot.keyClicks(window.sign_in.pin, "0000")
    qtbot.keyClick(window.sign_in.pin, Qt.Key.Key_Return)
    with qtbot.waitSignal(launch.finished, timeout=30_000):
        launch.start()
    assert window.clerk is None and "Wrong user name or PIN" in window.sign_in.message.text()
    assert [window.sign_in.user.itemData(i) for i in range(window.sign_in.user.count())] == ["clerk", "boss", "boss2"]


@pytest.mark.parametrize("lang, said", [("zh_CN", "已损坏"), ("en", "is damaged")])
def test_a_damaged_database_is_refused_with_its_message_and_nobody_signs_in(
        launching, qtbot, shop_file, monkeypatch, lang, said):  # noqa: F811
    damage(shop_file, "mid-file page")
    monkeypatch.setenv("RETURNS_DESK_DB", f"sqlite:///{shop_file}")
    before = hashlib.sha256(shop_file.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    window, launch = launching(lang)
    qtbot.keyClicks(window.sign_in.pin, "999999")
    qtbot.keyClick(window.sign_in.pin, Qt.Key.Key_Return)
    finished: list[bool] = []
    launch.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(launch.refused, timeout=30_000):
        launch.start()
    assert said in shown[0] and str(shop_file) in shown[0]
    assert finished == [] and window.clerk is None and not window.built and window.sign_in.opening
    assert hashlib.sha256(shop_file.read_bytes()).hexdigest() == before


def test_a_sound_file_passes_its_check_and_then_opens_the_sign_in(launching, qtbot, shop_file, monkeypatch):  # noqa: F811
    monkeypatch.setenv("RETURNS_DESK_DB", f"sqlite:///{shop_file}")
    window, launch = launching()
    with qtbot.waitSignal(launch.finished, timeout=30_000):
        launch.start()
    assert window.built and not window.sign_in.opening and window.sign_in.user.isEnabled()


def test_no_shop_yet_shows_the_set_up_screen_and_closing_it_starts_nothing(launching, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("RETURNS_DESK_DB", f"sqlite:///{tmp_path / 'new-shop.sqlite'}")
    asked: list[bool] = []
    window, launch = launching(first_run=lambda: asked.append(window.isVisible()) or False)
    with qtbot.waitSignal(launch.refused, timeout=30_000):
        launch.start()
    assert asked == [False]     # the set-up screen alone, the sign-in window hidden behind it
    assert not window.built and not (tmp_path / "new-shop.sqlite").exists()


def test_a_shop_set_up_on_the_first_run_opens_its_sign_in(launching, qtbot, tmp_path, monkeypatch):
    from app.services import setup

    url = f"sqlite:///{tmp_path / 'new-shop.sqlite'}"
    monkeypatch.setenv("RETURNS_DESK_DB", url)

    def set_up() -> bool:   # what the set-up screen does when the owner fills it in
        setup.set_up_shop(setup.ShopDetails("新店", "幸福路 1 号", "021-5555 0000"),
                          setup.Owner("owner", "店主 老李", "246810"))
        return True

    window, launch = launching(first_run=set_up)
    with qtbot.waitSignal(launch.finished, timeout=60_000):
        launch.start()
    assert window.isVisible() and window.sign_in.shop.text() == "新店"
    assert [window.sign_in.user.itemData(i) for i in range(window.sign_in.user.count())] == ["owner"]
