"""One spelling of a code: what the scanner reads and what the till file says find the same record."""

from __future__ import annotations

from app.domain.codes import normalise_code
from app.services import sale_rows


def test_full_width_input_lower_case_and_spaces_become_the_stored_code():
    assert normalise_code("ｒ２０２６１１０１－０００１") == "R20261101-0001"
    assert normalise_code(" m000123 ") == "M000123"
    assert normalise_code("6901234 567892\n") == "6901234567892"


def test_importing_and_scanning_use_the_one_normaliser():
    from app.ui.widgets import scan

    assert sale_rows.normalise_code is normalise_code and scan.normalise is normalise_code
