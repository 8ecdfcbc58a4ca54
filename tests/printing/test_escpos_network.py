"""A network roll printer (port 9100) played by a real socket: commands arrive whole, an empty one keeps the job."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime

import pytest

from app.db import session_scope
from app.printing import samples
from app.printing.escpos_slip import drawer_kick, slip_commands
from app.services import machine, print_jobs, printouts, returns
from app.services.imports import import_sales
from app.services.machine import PrinterChoice
from app.services.print_backends import send_raw
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)
PAPER_STATUS = b"\x10\x04\x04"     # DLE EOT 4: the paper sensor


class FakePrinter:
    """Listens on loopback; answers the paper query (0x12 paper, 0x72 none) and keeps every byte."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.has_paper = True
        self.received: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                got = b""
                while chunk := conn.recv(65536):
                    got += chunk
                    if got.endswith(PAPER_STATUS):
                        conn.sendall(bytes([0x12 if self.has_paper else 0x72]))
                self.received.append(got)

    @property
    def connection(self) -> str:
        return f"network:127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def printer():
    fake = FakePrinter()
    yield fake
    fake.close()


def _wait(printer: FakePrinter, n: int) -> list[bytes]:
    for _ in range(200):
        if len(printer.received) >= n:
            break
        threading.Event().wait(0.02)
    return printer.received


def test_the_slips_commands_reach_a_network_printer_whole_after_its_paper_sensor_says_yes(printer):
    commands = slip_commands(samples.slip(), samples.SHOP)
    send_raw(printer.connection, commands, check_paper=True)
    [got] = _wait(printer, 1)
    assert got == PAPER_STATUS + commands


def test_an_empty_printer_opens_the_drawer_but_keeps_the_cash_refunds_slip(printer, catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "owner", "店长", "admin", "9999")
    cash = sale("R1", sold_at=SOLD.isoformat(), tenders=[{"method": "cash", "amount": 1250}])
    assert import_sales(jsonl(cash), catalogue).ok
    done = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "quality_fault", "opened"),)),
                            sign_in("clerk", "1111", catalogue), url=catalogue, now=NOW)
    machine.set_printer(sign_in("owner", "9999", catalogue), PrinterChoice("roll", "escpos",
                                                                            connection=printer.connection))
    printer.has_paper = False
    slip = printouts.for_return(done.number, "zh_CN", url=catalogue).printouts[0]
    result = print_jobs.submit(slip)
    assert result.kept and "缺纸" in result.message_zh and "out of paper" in result.message_en
    received = _wait(printer, 2)
    assert received[0] == drawer_kick()            # the cash came out of the drawer all the same
    assert received[1] == PAPER_STATUS               # …and not one line of the slip went into the void
    printer.has_paper = True
    assert print_jobs.resend(result.job_id).sent
    last = _wait(printer, 3)[2]
    assert last.startswith(PAPER_STATUS) and done.number.encode() in last and drawer_kick() not in last
