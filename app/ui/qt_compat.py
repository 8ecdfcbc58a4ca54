"""Keeps None, True and False alive when PySide6 6.12.0 runs on CPython 3.11.

The 6.12.0 wheels (abi3) hand back None from every void method, and True from `Signal.emit()`,
without taking a reference for them — harmless from 3.12 on, where those objects are immortal, but
on 3.11 each call takes one reference away for good. A counter session makes that many calls in
minutes; when None's count reaches zero the interpreter aborts ("none_dealloc: deallocating None").
`protect()` measures the leak once and, when it is there, gives the three objects a reserve of 2⁴⁰
references: what 3.12 does by making them immortal. Nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
_done = False


def leaks_none() -> bool:
    """True when a void Qt call loses a reference to None (measured, not assumed)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= 90


def protect() -> bool:
    """Gives None, True and False their reserve when this Python and binding need it; idempotent."""
    global _done
    if _done or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # 3.12+: immortal;
        return _done                                                            # debug builds: other layout
    if not leaks_none():
        return False
    for singleton in (None, True, False):
        before = sys.getrefcount(singleton)
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE  # ob_refcnt is the first field
        if sys.getrefcount(singleton) != before + RESERVE:  # not the layout we expected: undo, stop
            ctypes.c_ssize_t.from_address(id(singleton)).value -= RESERVE
            return False
    _done = True
    return True
