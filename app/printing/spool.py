"""Hand finished PDF bytes to the operating system's print spooler (lp/CUPS), or save them as a file."""

from __future__ import annotations

import math
import os
import re
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
                    title: str = "Returns Desk", media: str | None = None,
                    timeout: float = SPOOL_TIMEOUT) -> str:
    """Queue `pdf` on `printer` (the system default when None); returns the spooler's job line.

    `media` is passed to CUPS as-is (e.g. "Custom.80x190mm" or "A4"): without it CUPS puts a roll
    slip in the middle of the queue's default page (A4 on most drivers).
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
    cmd += ["-o", "print-scaling=none", "-o", "fit-to-page=false"]
    try:
        done = subprocess.run(cmd, input=pdf, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise PrinterUnavailable("打印队列无响应，请检查打印机。",
                                 "The print queue does not answer; check the printer.") from None
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip() or f"lp exit code {done.returncode}"
        raise PrinterUnavailable(f"打印失败：{why}", f"Printing failed: {why}")
    return done.stdout.decode(errors="replace").strip()


def media_of(pdf: bytes) -> str:
    """The first page's own size as a CUPS media name: A4 / A5, else Custom.WxHmm (a roll's length)."""
    found = _MEDIABOX.search(pdf)
    if found is None:
        return "A4"
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    w, h = (x1 - x0) / MM, (y1 - y0) / MM
    for name, (nw, nh) in (("A4", (210, 297)), ("A5", (148, 210))):
        if abs(w - nw) < 1 and abs(h - nh) < 1:
            return name
    # The height rounds up: a roll cut a fraction of a millimetre short would lose the last line.
    return f"Custom.{round(w)}x{math.ceil(h - 0.05)}mm"


MM = 72 / 25.4
_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")
