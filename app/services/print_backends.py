"""The ways a job reaches paper: a CUPS queue (lp), a raw ESC/POS printer, a record folder, or Qt's printing."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.printing.spool import PrinterUnavailable, send_to_printer
from app.services.machine import PrinterChoice
from app.settings import data_dir

QUEUE_TIMEOUT = 5.0      # seconds: lp only queues the job; a queue that takes longer does not answer
NETWORK_TIMEOUT = 5.0    # seconds to reach a network roll printer on port 9100
STATUS_TIMEOUT = 1.0     # seconds for its paper sensor to answer; one that never does is printed to anyway
DRAWER = "drawer"        # the part of a job that opens the cash drawer (ESC/POS pulse)
OFFLINE_MARK = "OFFLINE"  # a file of this name in a record folder makes it fail like a printer that is off


@dataclass(frozen=True)
class Part:
    """One paper of a job: the customer's slip, its shop copy…; `data` is PDF or ESC/POS bytes."""

    label: str
    data: bytes
    raw: bool = False        # ESC/POS commands rather than a PDF


@dataclass(frozen=True)
class Job:
    job_id: str
    document: str            # slip / coupon / voucher / eod / policy / drawer
    code: str
    title: str               # what the queue shows: "slip RT2611220001"
    media: str               # CUPS media of the document's own page: Custom.80x204mm / A4
    copies: int
    parts: tuple[Part, ...]


def send(job: Job, choice: PrinterChoice) -> str:
    """Sends every part; raises PrinterUnavailable (with zh/en words for the status line) when it cannot."""
    if choice.backend == "cups":
        return _cups(job, choice)
    if choice.backend == "escpos":
        return _escpos(job, choice)
    if choice.backend == "record":
        return _record(job, choice)
    raise PrinterUnavailable("此打印机由界面通过 Qt 打印。", "This printer is printed to by the screens (Qt).")


def _queue_state(name: str) -> None:
    """A stopped queue (out of paper, printer off: CUPS stops it) would hold the job silently: say so."""
    lpstat = shutil.which("lpstat")
    if not name or lpstat is None:
        return
    try:
        done = subprocess.run([lpstat, "-p", name], capture_output=True, timeout=QUEUE_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise PrinterUnavailable(f"打印队列 {name} 无响应。", f"The print queue {name} does not answer.") from None
    said = done.stdout.decode(errors="replace")
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip() or name
        raise PrinterUnavailable(f"找不到打印机：{why}", f"No such printer: {why}")
    if " disabled" in said:
        raise PrinterUnavailable(f"打印机 {name} 已停止（缺纸或脱机）：{said.strip()}",
                                 f"The printer {name} is stopped (out of paper or offline): {said.strip()}")


def _cups(job: Job, choice: PrinterChoice) -> str:
    said = []
    for part in job.parts:
        if part.label == DRAWER:   # the drawer hangs on an ESC/POS port of its own, not on the queue
            _kick(choice.drawer, part.data)
    _queue_state(choice.name)
    for part in job.parts:
        if part.raw:
            continue
        title = job.title if part.label == "customer" else f"{job.title} ({part.label})"
        said.append(send_to_printer(part.data, choice.name or None, copies=job.copies, title=title,
                                    media=job.media, timeout=QUEUE_TIMEOUT))
    return "; ".join(said)


def open_escpos(connection: str) -> Any:
    """python-escpos's printer for usb:VID:PID, network:HOST[:PORT], win32raw:NAME, file:PATH or dummy."""
    from escpos import printer  # its USB and Windows parts load their libraries only when used

    how, _, rest = connection.partition(":")
    try:
        if how == "usb":
            vid, pid = (int(v, 16) for v in rest.split(":")[:2])
            return printer.Usb(vid, pid)
        if how == "network":
            host, _, port = rest.partition(":")
            return printer.Network(host, int(port or 9100), timeout=NETWORK_TIMEOUT)
        if how == "win32raw":
            return printer.Win32Raw(rest)
        if how == "file":
            return printer.File(rest)
        if how == "dummy":
            return printer.Dummy()
    except (ValueError, OSError) as exc:
        raise PrinterUnavailable(f"小票打印机连接不上（{connection}）：{exc}",
                                 f"Cannot reach the roll printer ({connection}): {exc}") from None
    raise PrinterUnavailable(f"未知的 ESC/POS 连接：{connection}", f"Unknown ESC/POS connection: {connection}")


def _out_of_paper(device: Any) -> bool:
    """Asks the printer's paper sensor (DLE EOT 4); a printer that does not answer is printed to anyway."""
    try:
        sock = device.device          # opens the connection
        if hasattr(sock, "settimeout"):
            sock.settimeout(STATUS_TIMEOUT)
        empty = bool(device.paper_status() == 0)
        if hasattr(sock, "settimeout"):
            sock.settimeout(NETWORK_TIMEOUT)
        return empty
    except Exception:  # noqa: BLE001 — no status support, or no answer in time: not a reason to refuse
        return False


def send_raw(connection: str, commands: bytes, *, check_paper: bool = False) -> Any:
    """Raw bytes to an ESC/POS printer; returns the printer object (a Dummy keeps what it was sent).

    `check_paper` asks a USB or network printer's paper sensor first: paper sent to an empty printer
    would be taken into its buffer and lost.
    """
    device = open_escpos(connection)
    if check_paper and connection.startswith(("usb:", "network:")) and _out_of_paper(device):
        device.close()
        raise PrinterUnavailable(f"小票打印机缺纸（{connection}）。", f"The roll printer is out of paper ({connection}).")
    try:
        device._raw(commands)            # python-escpos opens the connection on first use
        if connection != "dummy":        # a Dummy forgets its output on close: the caller reads it
            device.close()
    except Exception as exc:  # noqa: BLE001 — python-escpos raises its own errors, OSError and USB errors alike
        raise PrinterUnavailable(f"小票打印机没有响应（{connection}）：{exc}",
                                 f"The roll printer does not answer ({connection}): {exc}") from None
    return device


def _kick(connection: str, pulse: bytes) -> None:
    """The drawer opens whatever the paper does: a drawer that fails is logged, never keeps the slip back."""
    try:
        send_raw(connection, pulse)
    except PrinterUnavailable as exc:
        logging.getLogger(__name__).warning("cash drawer did not open: %s", exc.en)


def _escpos(job: Job, choice: PrinterChoice) -> str:
    papers = b"".join(part.data for part in job.parts if part.raw and part.label != DRAWER)
    if not papers:
        raise PrinterUnavailable("此单据没有 ESC/POS 版本，请为它选择 CUPS 打印机。",
                                 "This document has no ESC/POS form: choose a CUPS printer for it.")
    pulse = b"".join(part.data for part in job.parts if part.label == DRAWER)
    if pulse:   # the drawer opens even when the paper has run out
        _kick(choice.connection, pulse)
    send_raw(choice.connection, papers * job.copies, check_paper=True)
    return f"escpos {choice.connection}: {len(pulse) + len(papers) * job.copies} bytes"


def record_dir(choice: PrinterChoice) -> Path:
    return Path(choice.name) if choice.name else data_dir() / "printed"


def _record(job: Job, choice: PrinterChoice) -> str:
    """Each part as its file and a JSON of what a queue would have been told (tests count these)."""
    folder = record_dir(choice)
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / OFFLINE_MARK).exists():
        raise PrinterUnavailable("打印机脱机。", "The printer is offline.")
    for n, part in enumerate(job.parts, 1):
        stem = f"{job.job_id}-{n}-{part.label}"
        (folder / f"{stem}.{'bin' if part.raw else 'pdf'}").write_bytes(part.data)
        meta = {"job_id": job.job_id, "document": job.document, "code": job.code, "part": part.label,
                "title": job.title, "media": job.media, "copies": job.copies, "raw": part.raw}
        (folder / f"{stem}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return f"recorded in {folder}"
