"""`emit(signal, *args)`: every signal the screens send goes through here.

PySide6/shiboken6 6.12.0 returns `True` from `SignalInstance.emit()` without taking a reference for it,
so on CPython before 3.12 (where True is not immortal) each emit from Python takes one reference
from `True` away for good. A counter session emits tens of thousands of signals; when `True` runs
out the interpreter aborts ("bool_dealloc: deallocating True or False") — at exit, or mid-shift.
The check below measures the leak once at import; when present, each emit gives the reference
back. On a fixed PySide6 or Python ≥ 3.12 it measures nothing and `emit` is a plain emit.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


def _leak_per_emit() -> int:
    """How many references to True one Python-side emit loses (0 when the binding is sound)."""
    if sys.version_info >= (3, 12):
        return 0  # True is immortal: its count cannot run out
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    return lost // 10 if lost > 0 and lost % 10 == 0 else 0


LEAK = _leak_per_emit()
if LEAK:  # give back what the probe itself took
    for _ in range(10 * LEAK):
        _incref(True)


def emit(signal: Any, *args: object) -> None:
    """`signal.emit(*args)`, minus the binding's reference leak."""
    result = signal.emit(*args)
    if LEAK and result is True:
        for _ in range(LEAK):
            _incref(True)
