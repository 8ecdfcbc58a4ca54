"""Hand finished PDF bytes to the operating system's print spooler (lp/CUPS), or save them as a file."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from app.errors import DeskError

SPOOL_TIMEOUT = 30  # seconds: lp only queues the job, so anything longer means CUPS is stuck


class PrinterUnavailable(DeskError):
    """No spooler, no such printer, or the spooler refused the job."""


def save_pdf(pdf: bytes, path: str | os.PathLike[str]) -> Path:
    """Write the PDF next to its final name first, so a crash never leaves half a file behind."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pdf)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def spooler() -> str | None:
    """The `lp` command if this machine has one (Linux and macOS with CUPS)."""
    return shutil.which("lp")


def send_to_printer(pdf: bytes, printer: str | None = None, *, copies: int = 1,
                    title: str = "Returns Desk", media: str | None = None) -> str:
    """Queue `pdf` on `printer` (the system default when None); returns the spooler's job line.

    `media` is passed to CUPS as-is (e.g. "X80MMY200MM" or "A4") for drivers that do not take the
    page size from the PDF.
    """
    lp = spooler()
    if lp is None:
        raise PrinterUnavailable(
            "找不到系统打印服务（lp）。请安装 CUPS，或先保存为 PDF 再打印。",
            "No print spooler (lp) on this computer. Install CUPS, or save as PDF and print that.")
    cmd = [lp, "-n", str(max(1, copies)), "-t", title]
    if printer:
        cmd += ["-d", printer]
    if media:
        cmd += ["-o", f"media={media}"]
    # Scaling would move the barcode's bars off the printer's dot grid; lp reads the job from stdin.
    cmd += ["-o", "print-scaling=none"]
    try:
        done = subprocess.run(cmd, input=pdf, capture_output=True, timeout=SPOOL_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise PrinterUnavailable("打印服务无响应，请检查打印机。",
                                 "The print spooler did not answer; check the printer.") from None
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip() or f"lp exit code {done.returncode}"
        raise PrinterUnavailable(f"打印失败：{why}", f"Printing failed: {why}")
    return done.stdout.decode(errors="replace").strip()
