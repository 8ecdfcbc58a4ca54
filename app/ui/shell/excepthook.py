"""The GUI's last line: an exception nobody caught (one raised in a slot, too) is logged and shown."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from app.ui.widgets.status import Message, error_text

log = logging.getLogger("returns_desk.ui")
Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_exception_hook(show_error: Callable[[Message], None]) -> Hook:
    """Sets sys.excepthook for the running GUI; returns the hook it replaced (to put back).

    The services roll their transaction back on any exception, so "internal error, nothing was
    saved" is true; the window stays usable, and the traceback goes to the log file.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, tb)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            show_error(lambda: error_text(value))  # worded again after a language switch
        except RuntimeError:  # the window is already gone (closing): the log has it
            pass

    sys.excepthook = hook
    return previous
