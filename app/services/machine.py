"""This till's own printers (machine.toml in the data folder): each till has its own, never the shared database."""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from app.db import session_scope
from app.errors import InvalidInput
from app.printing.spool import save_pdf
from app.services.users import acting_user, audit
from app.services.views import UserView
from app.settings import data_dir

MACHINE_FILE = "machine.toml"
# roll: slips, coupons and vouchers on the thermal roll; sheet: the end-of-day report and the notice.
KINDS = ("roll", "sheet")
KIND_OF_DOCUMENT = {"slip": "roll", "coupon": "roll", "voucher": "roll", "eod": "sheet", "policy": "sheet",
                    "shop_slip": "roll"}   # the slip's shop copy as a paper of its own (the counter's setting)
# cups: lp to a named queue; escpos: raw ESC/POS (usb / network / win32raw / dummy); record: a folder of
# jobs (tests, and a till with no printer yet); qt: the screens print through Qt's printing (Windows).
BACKENDS = ("cups", "escpos", "record", "qt")
PAPERS = {"roll": ("80mm", "58mm"), "sheet": ("a4", "a5")}


@dataclass(frozen=True)
class PrinterChoice:
    """One kind's printer: how to reach it, the paper in it, and how many of each paper."""

    kind: str = "roll"
    backend: str = "cups"
    name: str = ""             # cups / qt: the queue's name ("" = the system default); record: a folder
    paper: str = ""            # "" = the kind's usual paper (80mm roll, A4 sheet)
    copies: int = 1
    shop_copy: bool = False    # roll only: also print the slip's shop copy (signed by the customer)
    connection: str = ""       # escpos: usb:04b8:0202 / network:192.168.1.50:9100 / win32raw:NAME / dummy
    drawer: str = ""           # a CUPS roll printer's drawer: the ESC/POS connection that kicks it open


def machine_path() -> Path:
    return data_dir() / MACHINE_FILE


def _default(kind: str) -> PrinterChoice:
    return PrinterChoice(kind=kind, paper=PAPERS[kind][0])


def printers() -> dict[str, PrinterChoice]:
    """This machine's choice for each kind; a kind nobody chose goes to the system's default queue."""
    path = machine_path()
    table: dict[str, dict[str, object]] = {}
    if path.exists():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("printers", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"本机设置文件无法读取：{path}（{exc}）",
                               f"This till's settings file cannot be read: {path} ({exc})") from None
    return {kind: _choice(kind, table.get(kind, {})) for kind in KINDS}


def _choice(kind: str, row: dict[str, object]) -> PrinterChoice:
    known = {k: v for k, v in row.items() if k in PrinterChoice.__dataclass_fields__ and k != "kind"}
    try:
        return check(replace(_default(kind), **known))  # type: ignore[arg-type]
    except TypeError:
        raise InvalidInput(f"本机打印机设置有误：[printers.{kind}]",
                           f"This till's printer settings are wrong: [printers.{kind}]") from None


def printer_for(document: str) -> PrinterChoice:
    """The printer a document goes to: slips, coupons, vouchers on the roll; reports on the sheet printer."""
    return printers()[KIND_OF_DOCUMENT.get(document, "roll")]


def check(choice: PrinterChoice) -> PrinterChoice:
    """The choice as it will be kept (its paper filled in), or a DeskError naming the wrong field."""
    where = f"[printers.{choice.kind}]"
    if choice.kind not in KINDS:
        raise InvalidInput(f"未知的打印机用途：{choice.kind}", f"Unknown printer kind: {choice.kind}")
    if not choice.paper:
        choice = replace(choice, paper=PAPERS[choice.kind][0])
    if choice.backend not in BACKENDS:
        raise InvalidInput(f"{where} backend 无效：{choice.backend}（可选 {' / '.join(BACKENDS)}）",
                           f"{where} backend {choice.backend!r} is not one of {', '.join(BACKENDS)}")
    if choice.paper not in PAPERS[choice.kind]:
        raise InvalidInput(f"{where} 纸张无效：{choice.paper}（可选 {' / '.join(PAPERS[choice.kind])}）",
                           f"{where} paper {choice.paper!r} is not one of {', '.join(PAPERS[choice.kind])}")
    if not isinstance(choice.copies, int) or not 1 <= choice.copies <= 5:
        raise InvalidInput(f"{where} 份数应为 1 到 5", f"{where} copies must be 1 to 5")
    if choice.backend == "escpos" and not choice.connection:
        raise InvalidInput(f"{where} ESC/POS 打印机需要连接方式（usb:… / network:… / win32raw:…）",
                           f"{where} an ESC/POS printer needs a connection (usb:… / network:… / win32raw:…)")
    return choice


def set_printer(user: UserView | None, choice: PrinterChoice, url: str | None = None) -> PrinterChoice:
    """The owner (admin) chooses a kind's printer, once, for this till; written to machine.toml, audited."""
    choice = check(choice)
    with session_scope(url) as s:
        row = acting_user(s, user, "admin", "只有店长可以设置打印机。", "Only the owner (admin) may choose the printers.")
        chosen = {**printers(), choice.kind: choice}
        save_pdf(_toml(chosen).encode("utf-8"), machine_path())   # the same whole-file-or-nothing write
        audit(s, "machine_printer_set", row.id, choice.kind,
              **{k: v for k, v in asdict(choice).items() if k != "kind"})
    return choice


def _toml(chosen: dict[str, PrinterChoice]) -> str:
    """TOML written by hand (the standard library only reads it); json.dumps quotes strings the TOML way."""
    out = ["# This till's printers (Returns Desk). The owner changes them from the menu: Settings → Printers."]
    for kind, choice in chosen.items():
        out.append(f"\n[printers.{kind}]")
        for key, value in asdict(choice).items():
            if key != "kind":
                out.append(f"{key} = {json.dumps(value) if not isinstance(value, bool) else str(value).lower()}")
    return "\n".join(out) + "\n"
