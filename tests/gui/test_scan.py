"""The scanner burst detector: fast bursts are scans wherever focus is; people typing are not."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from app.ui.widgets.scan import ScanDetector, ScanField, normalise
from tests.gui.conftest import FakeClock

RETURN, ENTER = Qt.Key.Key_Return, Qt.Key.Key_Enter


def feed(detector: ScanDetector, text: str, key=RETURN) -> bool:
    for ch in text:
        detector.key_pressed(None, 0, ch)
    return detector.key_pressed(None, key, "\r")


@pytest.fixture
def detector(qapp):
    return ScanDetector(clock=FakeClock(step=0.01))


def test_a_fast_burst_ended_by_enter_is_a_scan(detector):
    got = []
    detector.code_scanned.connect(got.append)
    assert feed(detector, "R20261101-0001") is True  # the Enter is swallowed
    assert got == ["R20261101-0001"]


def test_keypad_enter_ends_a_scan_too(detector):
    got = []
    detector.code_scanned.connect(got.append)
    feed(detector, "6901234567892", key=ENTER)
    assert got == ["6901234567892"]


def test_typing_by_hand_is_not_a_scan(qapp):
    detector = ScanDetector(clock=FakeClock(step=0.15))
    got = []
    detector.code_scanned.connect(got.append)
    assert feed(detector, "R20261101-0001") is False
    assert got == []


def test_five_fast_characters_are_too_short_for_a_scan(detector):
    got = []
    detector.code_scanned.connect(got.append)
    assert feed(detector, "12345") is False
    assert got == []


def test_one_slow_gap_starts_the_burst_again(qapp):
    times = iter([0.0, 0.01, 0.02, 0.5, 0.51, 0.52, 0.53, 0.54, 0.55, 0.56])
    detector = ScanDetector(clock=lambda: next(times))
    got = []
    detector.code_scanned.connect(got.append)
    feed(detector, "abcdefghi")
    assert got == ["DEFGHI"]  # only the fast tail after the pause


def test_a_long_pause_before_enter_is_a_person_pressing_enter(qapp):
    times = iter([0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 2.0])
    detector = ScanDetector(clock=lambda: next(times))
    got = []
    detector.code_scanned.connect(got.append)
    assert feed(detector, "1234567") is False
    assert got == []


def test_full_width_digits_and_lower_case_are_normalised():
    assert normalise("ｒ２０２６１１０１－０００１") == "R20261101-0001"
    assert normalise(" m000123 ") == "M000123"


def test_scan_field_refuses_input_methods(qapp):
    field = ScanField()
    assert field.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is False


@pytest.fixture
def form(qtbot, qapp):
    clock = FakeClock(step=0.005)
    detector = ScanDetector(clock=clock)
    qapp.installEventFilter(detector)
    box = QWidget()
    column = QVBoxLayout(box)
    qty, note, field = QSpinBox(), QPlainTextEdit(), ScanField()
    qty.setMaximum(99)
    for w in (field, qty, note):
        column.addWidget(w)
    qtbot.addWidget(box)
    box.show()
    got: list[str] = []
    typed: list[str] = []
    detector.code_scanned.connect(got.append)
    field.code_entered.connect(typed.append)
    yield clock, qty, note, field, got, typed
    qapp.removeEventFilter(detector)


def test_a_scan_into_the_quantity_field_leaves_the_quantity_as_it_was(qtbot, form):
    _clock, qty, _note, _field, got, _typed = form
    qty.setValue(2)
    qty.setFocus()
    qtbot.keyClicks(qty, "6901234567892")
    qtbot.keyClick(qty, RETURN)
    assert got == ["6901234567892"]
    assert qty.value() == 2 and qty.text() == "2"


def test_a_scan_into_a_note_leaves_the_note_as_it_was(qtbot, form):
    _clock, _qty, note, _field, got, _typed = form
    note.setPlainText("box dented")
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, "M000123")
    qtbot.keyClick(note, RETURN)
    assert got == ["M000123"]
    assert note.toPlainText() == "box dented"


def test_a_scan_into_the_scan_field_is_reported_once(qtbot, form):
    _clock, _qty, _note, field, got, typed = form
    field.setFocus()
    qtbot.keyClicks(field, "r20261101-0001")
    qtbot.keyClick(field, RETURN)
    assert got == ["R20261101-0001"] and typed == []  # the detector took it; the field's Enter never fired
    assert field.text() == ""


def test_a_code_typed_by_hand_in_the_scan_field_still_works(qtbot, form):
    clock, _qty, _note, field, got, typed = form
    clock.step = 0.2
    qtbot.keyClicks(field, "r20261101-0001")
    qtbot.keyClick(field, RETURN)
    assert got == [] and typed == ["R20261101-0001"]


def test_a_person_typing_in_a_line_edit_keeps_their_text(qtbot, form):
    clock, *_rest = form
    clock.step = 0.3
    edit = QLineEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "hello world")
    qtbot.keyClick(edit, RETURN)
    assert edit.text() == "hello world"
