"""Printing without dialogs: a document goes to this till's printer for its kind; a failed job is kept to resend."""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import DeskError, InvalidInput
from app.printing.data import CouponData, SlipData, VoucherData
from app.printing.escpos_slip import coupon_commands, drawer_kick, slip_commands, voucher_commands
from app.printing.spool import PrinterUnavailable, media_of
from app.services import machine, print_backends
from app.services.documents import shop_info_of
from app.services.machine import PrinterChoice
from app.services.print_backends import Job, Part
from app.services.printouts import Printout
from app.services.shop import get_settings
from app.settings import data_dir

SPOOL_DIR = "print-spool"    # in the data folder: kept jobs survive a restart of the program
DRAWER = print_backends.DRAWER


@dataclass(frozen=True)
class JobResult:
    """What became of one document: sent, or kept (with why, in both languages, for the status line)."""

    job_id: str
    document: str
    code: str
    title: str
    printer: str             # "cups:Receipt" / "escpos:network:…" / "record:/path" / "qt:NAME"
    media: str
    copies: int
    sent: bool
    said: str = ""           # the spooler's answer when sent
    message_zh: str = ""
    message_en: str = ""
    via_qt: bool = False     # the screens print this one through Qt (Windows): the PDF is in `pdf`
    pdf: bytes = b""

    @property
    def kept(self) -> bool:
        return not self.sent and not self.via_qt


def spool_dir() -> Path:
    return data_dir() / SPOOL_DIR


def submit(doc: Printout, kind: str | None = None, *, lang: str = "zh_CN", cash_drawer: bool = True) -> JobResult:
    """Sends `doc` to this machine's printer for its kind (roll / sheet), at its own page size, titled.

    Never raises for a printer that fails: the job is kept in the spool folder and the result says why.
    A slip with cash going back opens the drawer (ESC/POS) unless it is a reprint or `cash_drawer` is off.
    """
    choice = _choice(doc, kind)
    job = build(doc, choice, lang=lang, kick=cash_drawer and _cash_back(doc))
    if choice.backend == "qt":
        return _result(job, choice, sent=False, via_qt=True, pdf=doc.pdf)
    return _attempt(job, choice)


def _choice(doc: Printout, kind: str | None) -> PrinterChoice:
    chosen = machine.printers()
    if kind is None:
        return machine.printer_for(doc.key)
    if kind not in chosen:
        raise InvalidInput(f"未知的打印机用途：{kind}", f"Unknown printer kind: {kind} (roll or sheet)")
    return chosen[kind]


def _cash_back(doc: Printout) -> bool:
    data = doc.data
    return (doc.key == "slip" and isinstance(data, SlipData) and not data.reprint and data.status == "completed"
            and any(t.method == "cash" and t.amount > 0 for t in data.refunds))


def build(doc: Printout, choice: PrinterChoice, *, lang: str = "zh_CN", kick: bool = False) -> Job:
    """The job's parts for this printer: PDFs for a queue, ESC/POS commands for a raw roll printer."""
    title = f"{doc.key} {doc.code}".strip()
    job_id = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f") + "-" + uuid.uuid4().hex[:8]
    # The drawer opens first, its own part: cash goes back even when the paper has run out, and a kept
    # job resent later does not open the drawer again.
    parts = [Part(DRAWER, drawer_kick(), raw=True)] if kick and (choice.backend == "escpos" or choice.drawer) else []
    if choice.backend == "escpos":
        parts += _escpos_parts(doc, choice, lang)
    else:
        parts.append(Part("customer", doc.pdf))
        if choice.shop_copy and doc.shop_pdf:
            parts.append(Part("shop copy", doc.shop_pdf))
    return Job(job_id, doc.key, doc.code, title, media_of(doc.pdf), choice.copies, tuple(parts))


def _escpos_parts(doc: Printout, choice: PrinterChoice, lang: str) -> list[Part]:
    shop, data, paper = shop_info_of(get_settings()), doc.data, choice.paper
    if isinstance(data, SlipData) and doc.key == "shop_slip":   # the shop copy sent as a paper of its own
        return [Part("shop copy", slip_commands(data, shop, paper, lang, "shop"), raw=True)]
    if isinstance(data, SlipData):
        parts = [Part("customer", slip_commands(data, shop, paper, lang, "customer"), raw=True)]
        if choice.shop_copy:
            parts.append(Part("shop copy", slip_commands(data, shop, paper, lang, "shop"), raw=True))
        return parts
    if isinstance(data, CouponData):
        return [Part("customer", coupon_commands(data, shop, paper, lang), raw=True)]
    if isinstance(data, VoucherData):
        return [Part("customer", voucher_commands(data, shop, paper, lang), raw=True)]
    raise InvalidInput(f"{doc.key} 不能用小票打印机打印，请为报表选择 A4 打印机。",
                       f"A {doc.key} cannot go to a raw roll printer: choose a sheet printer for it.")


def _attempt(job: Job, choice: PrinterChoice) -> JobResult:
    try:
        said = print_backends.send(job, choice)
    except DeskError as exc:   # PrinterUnavailable and the connection's own refusals
        _keep(job, choice, exc)
        return _result(job, choice, sent=False, message_zh=exc.zh, message_en=exc.en)
    return _result(job, choice, sent=True, said=said)


def _result(job: Job, choice: PrinterChoice, **kw: object) -> JobResult:
    where = choice.connection if choice.backend == "escpos" else (choice.name or "default")
    return JobResult(job.job_id, job.document, job.code, job.title, f"{choice.backend}:{where}", job.media,
                     job.copies, **kw)  # type: ignore[arg-type]


def _keep(job: Job, choice: PrinterChoice, why: DeskError) -> None:
    """The job and its printer as they were, written whole (a half-kept job is never listed)."""
    final = spool_dir() / job.job_id
    tmp = spool_dir() / f".{job.job_id}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    job = Job(**{**{k: getattr(job, k) for k in Job.__dataclass_fields__},
                 "parts": tuple(p for p in job.parts if p.label != DRAWER)})
    for n, part in enumerate(job.parts):
        (tmp / f"part-{n}.bin").write_bytes(part.data)
    meta = {"job": {k: v for k, v in asdict(job).items() if k != "parts"},
            "parts": [{"label": p.label, "raw": p.raw} for p in job.parts],
            "printer": asdict(choice), "error_zh": why.zh, "error_en": why.en,
            "kept_at": datetime.now(UTC).isoformat()}
    (tmp / "job.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)


@dataclass(frozen=True)
class KeptJob:
    job_id: str
    document: str
    code: str
    title: str
    printer: str
    error_zh: str
    error_en: str
    kept_at: str


def pending(code: str | None = None) -> list[KeptJob]:
    """Jobs that did not print, oldest first (only one return's when `code` is given)."""
    out = []
    for folder in sorted(spool_dir().glob("[0-9]*")):
        meta = _meta(folder)
        job = meta["job"]
        if code is None or job["code"] == code:
            out.append(KeptJob(job["job_id"], job["document"], job["code"], job["title"],
                               meta["printer"]["backend"] + ":" + (meta["printer"]["name"] or
                                                                   meta["printer"]["connection"] or "default"),
                               meta["error_zh"], meta["error_en"], meta["kept_at"]))
    return out


def _meta(folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((folder / "job.json").read_text(encoding="utf-8"))


def resend(job_id: str) -> JobResult:
    """Sends a kept job again to the printer it was meant for (as this till chooses it now, if changed)."""
    folder = spool_dir() / job_id
    if not job_id or "/" in job_id or "\\" in job_id or not (folder / "job.json").exists():
        raise InvalidInput(f"没有这个待打印的任务：{job_id}", f"No kept print job {job_id}")
    meta = _meta(folder)
    parts = tuple(Part(p["label"], (folder / f"part-{n}.bin").read_bytes(), p["raw"])
                  for n, p in enumerate(meta["parts"]))
    job = Job(**{**meta["job"], "parts": parts})
    kept = PrinterChoice(**meta["printer"])
    now = machine.printers()[kept.kind]
    # Raw commands only go to the kind of printer they were made for; otherwise today's choice wins.
    choice = now if now.backend == kept.backend else kept
    result = _attempt(job, choice)   # failing again keeps it again, under the same id, with the new error
    if result.sent:
        shutil.rmtree(folder, ignore_errors=True)
    return result


__all__ = ["JobResult", "KeptJob", "PrinterUnavailable", "build", "pending", "resend", "submit"]
