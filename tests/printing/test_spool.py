"""Sending to the OS spooler and saving as a file: clear errors, nothing half-written."""

from __future__ import annotations

import os
import stat

import pytest

from app.errors import DeskError
from app.printing import spool


def test_no_spooler_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DeskError) as caught:
        spool.send_to_printer(b"%PDF-1.3 test")
    assert "lp" in caught.value.en and "PDF" in caught.value.zh


def _fake_lp(tmp_path, exit_code: int = 0):
    """A stand-in `lp` that records its arguments and the job it was given."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "lp"
    script.write_text(f"""#!/bin/sh
printf '%s\\n' "$@" > "{tmp_path}/args"
cat > "{tmp_path}/job"
[ {exit_code} -eq 0 ] && echo "request id is Receipt-42 (1 file(s))" || echo "lp: The printer or class does not exist." >&2
exit {exit_code}
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return bin_dir


def test_job_goes_to_lp_unscaled_on_the_chosen_printer(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", f"{_fake_lp(tmp_path)}{os.pathsep}{os.environ['PATH']}")
    answer = spool.send_to_printer(b"%PDF-1.3 job", "Receipt", copies=2, media="X80MMY200MM")
    assert "Receipt-42" in answer
    args = (tmp_path / "args").read_text().split()
    assert args[args.index("-d") + 1] == "Receipt"
    assert args[args.index("-n") + 1] == "2"
    assert "print-scaling=none" in args and "media=X80MMY200MM" in args
    assert (tmp_path / "job").read_bytes() == b"%PDF-1.3 job"


def test_refused_job_reports_the_spoolers_words(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", f"{_fake_lp(tmp_path, 1)}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(spool.PrinterUnavailable) as caught:
        spool.send_to_printer(b"%PDF", "Nope")
    assert "does not exist" in caught.value.en


def test_save_pdf_writes_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = spool.save_pdf(b"%PDF-1.3 data", tmp_path / "out" / "slip.pdf")
    assert target.read_bytes() == b"%PDF-1.3 data"
    assert [p.name for p in target.parent.iterdir()] == ["slip.pdf"]
