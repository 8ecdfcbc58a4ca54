"""The launch after the sign-in window shows: imports and the database in a thread, the counter built in slices.

The window shows with only Qt and the sign-in page loaded. Then, without freezing the screen for long:
the services, the ORM and reportlab are imported in a thread; the set-up screen comes up if there is no
shop yet; the database is opened and its quick_check run in a thread; the counter's pages are built on
the screen's thread one per event-loop turn; the user list fills. A PIN typed meanwhile stays in its field
and signs in once all that is done; nobody signs in (so nothing is written) before the check passed.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from app import i18n
from app.errors import INTERNAL_ERROR, DeskError
from app.ui.shell.window import MainWindow

if TYPE_CHECKING:
    from app.services.views import UserView
    from app.ui.shell.counter_parts import ShopFacts

log = logging.getLogger("returns_desk.ui")

# what the counter needs beyond the sign-in page, imported in the background before it is built
BEHIND_THE_WINDOW = ("app.services.startup", "app.services.setup", "app.services.users", "app.services.daily_backup",
                     "app.ui.shell.counter_parts", "app.ui.pages.setup")


class _Handover(QObject):
    # emitted from the loading thread: Qt queues it to the thread the window lives in
    done = Signal(object)


def in_background(work: Callable[[], object], then: Callable[[object], None], name: str,
                  parent: QObject) -> threading.Thread:
    """Runs `work` in a thread; `then` gets its result (or the exception it raised) on the screen's thread."""
    handover = _Handover(parent)
    handover.done.connect(then)

    def run() -> None:
        try:
            result: object = work()
        except Exception as exc:  # noqa: BLE001 — handed over whole: the screen says what it was
            result = exc
        handover.done.emit(result)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread


def _import_the_rest() -> bool:
    for name in BEHIND_THE_WINDOW:
        importlib.import_module(name)
    from app.services.setup import needs_setup

    return needs_setup()


def _open_the_shop() -> tuple[object, list[object] | None]:
    """The database opened and checked (the thread's half of the launch); the shop's name and demo mark,
    and who may sign in (None if that read failed: the sign-in page reads it again and says why)."""
    from app.services import startup, users
    from app.ui.shell.counter_parts import shop_facts

    later = startup.open_for_window()   # header and revision; quick_check here, unless an upgrade needed it first
    if later is not None and (problem := startup.damage_found(later)) is not None:
        raise problem
    try:
        staff: list[object] | None = list(users.list_users())  # UserViews
    except DeskError:
        staff = None
    return shop_facts(), staff


class Launch(QObject):
    """Drives the stages; `finished` once the counter is built and the sign-in is open, `refused` if it
    never will be (no shop set up, or a database that cannot be used — the message was shown)."""

    finished = Signal()
    refused = Signal()

    def __init__(self, window: MainWindow, first_run: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window, self.first_run = window, first_run
        self.threads: list[threading.Thread] = []
        self.steps: Iterator[None] = iter(())
        self.staff: list[UserView] | None = None
        self.done = False

    def start(self) -> None:
        # No cyclic collection while loading: a full one over the ORM's and Qt's new objects held the
        # screen's thread for 50–70 ms. At the end they are frozen (never scanned again) — scans stay short too.
        gc.disable()
        self.threads.append(in_background(_import_the_rest, self._imported, "launch-imports", self))

    def _imported(self, needs_setup: object) -> None:
        if isinstance(needs_setup, BaseException):
            self._refuse(needs_setup)
            return
        if needs_setup:
            self.window.hide()   # the set-up screen alone, as on a first run before
            if not self.first_run():
                self.refused.emit()
                return
            self.window.show()
            self.window.take_keyboard()   # the PIN field again, for the owner just set up
        self.threads.append(in_background(_open_the_shop, self._opened, "launch-open", self))

    def _opened(self, opened: object) -> None:
        if isinstance(opened, BaseException):
            self._refuse(opened)
            return
        facts: ShopFacts
        facts, self.staff = opened  # type: ignore[misc]  # what _open_the_shop returned
        self.steps = self.window.build_counter(facts)
        QTimer.singleShot(1, self._next_step)

    def _next_step(self) -> None:
        """One piece of the counter per event-loop turn: keys typed meanwhile reach the PIN field in between."""
        try:
            next(self.steps)
        except StopIteration:
            self.done = True
            self._collect_again()
            self.window.sign_in.shop_open(self.staff)
            self.finished.emit()
            return
        except Exception as exc:  # noqa: BLE001 — a bug building the counter: logged, said, the counter closes
            self._refuse(exc)
            return
        QTimer.singleShot(1, self._next_step)

    @staticmethod
    def _collect_again() -> None:
        gc.freeze()
        gc.enable()

    def _refuse(self, problem: BaseException) -> None:
        self._collect_again()
        if isinstance(problem, DeskError):
            text = problem.message(i18n.current_language())
        else:
            log.error("the counter could not start", exc_info=problem)
            text = str(INTERNAL_ERROR)
        QMessageBox.critical(self.window, "Returns Desk", text)
        self.refused.emit()

    def join(self, timeout: float) -> None:
        for thread in self.threads:
            thread.join(timeout=timeout)
