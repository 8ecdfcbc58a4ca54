"""On a real CUPS queue (a throwaway cupsd of the test's own) a slip comes out on an 80 mm page, not A4.

Both ways out: `returns-desk print slip … --printer Q`, and the counter's own path — the shell's
completion reads the papers, print_jobs.submit sends them to this till's roll printer. The PDF the queue
writes is measured (pdfinfo) and its barcode decoded at the printer's resolution.
"""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime

import pytest

from app.cli import main
from app.db import session_scope
from app.services import machine, print_jobs, printouts, returns
from app.services.imports import import_sales
from app.services.machine import PrinterChoice
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.printing import pdfcheck
from tests.printing.cups_server import CupsServer, CupsUnavailable
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)
PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def cups():
    try:
        server = CupsServer().__enter__()
    except CupsUnavailable as exc:   # never a skip: a machine that cannot run this test says what it needs
        pytest.fail(str(exc), pytrace=False)
    try:
        server.add_pdf_queue("Q")
    except CupsUnavailable as exc:
        server.stop()
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()
    assert server.process is not None and server.process.poll() is not None   # cupsd is gone


@pytest.fixture
def shop(catalogue, cups, monkeypatch):
    monkeypatch.setenv("CUPS_SERVER", str(cups.socket))   # lp and lpstat talk to the test's own cupsd only
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "owner", "店长", "admin", "9999")
    assert import_sales(jsonl(sale("R1", sold_at=SOLD.isoformat())), catalogue).ok
    clerk = sign_in("clerk", "1111", catalogue)
    done = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "quality_fault", "opened"),)), clerk,
                            url=catalogue, now=NOW)
    return {"url": catalogue, "clerk": clerk, "owner": sign_in("owner", "9999", catalogue), "done": done}


def page_mm(pdf: bytes) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(w) / PT_PER_MM, float(h) / PT_PER_MM


def _assert_80mm_slip(pdf: bytes, number: str) -> tuple[float, float]:
    width, height = page_mm(pdf)
    assert abs(width - 80) < 0.6, f"the queue printed a {width:.1f} mm wide page"
    assert height < 290, f"a {height:.0f} mm long page: the slip went out on A4"
    assert number in pdfcheck.barcodes(pdfcheck.rasterise(pdf)[0])
    return width, height


def test_the_print_command_sends_the_slips_page_size_and_the_queue_prints_80mm(shop, cups, capsys):
    number = shop["done"].number
    cups.fresh("Q")
    assert main(["--db", shop["url"], "print", "slip", number, "--printer", "Q"]) == 0
    assert "request id is Q-" in capsys.readouterr().out
    width, height = _assert_80mm_slip(cups.wait_for_pdf("Q"), number)
    print(f"print command: {width:.1f} x {height:.1f} mm")
    # what the queue was told: the job's title and the slip's own size
    assert re.search(rf"^\"?Q \d+ slip {number} Custom\.80x\d+mm", cups.page_log(), re.MULTILINE)


def test_without_a_page_size_the_same_queue_centres_the_slip_on_a4(shop, cups):
    """The defect the page size prevents, shown on this queue: the test above would have caught it."""
    plain = cups.fresh("Q").parent / "plain.pdf"
    assert main(["--db", shop["url"], "print", "slip", shop["done"].number, "--out", str(plain)]) == 0
    subprocess.run(["lp", "-d", "Q", str(plain)], env=cups.env, check=True, capture_output=True)
    width, height = page_mm(cups.wait_for_pdf("Q"))
    assert (round(width), round(height)) == (210, 297)


def test_the_counters_slip_goes_through_print_jobs_to_the_queue_at_80mm(shop, cups, qtbot):
    """The counter's own path: completing hands the papers to the background printer, whose send is the
    print-jobs service: no dialog, and the queue gets an 80 mm page titled by the slip."""
    from app.ui.shell.completion import ReturnCompletion
    from app.ui.shell.printing import BackgroundPrinter, submit_send
    from app.ui.widgets.status import StatusArea

    machine.set_printer(shop["owner"], PrinterChoice("roll", "cups", "Q"))
    status = StatusArea()
    qtbot.addWidget(status)
    printer = BackgroundPrinter(submit_send, status)
    completion = ReturnCompletion(lambda: shop["clerk"], status, lambda ask: None, lambda papers, kind="": None,
                                  printer.print_papers)
    cups.fresh("Q")
    papers = completion.completed(shop["done"])          # what the counter shows and prints after completing
    assert papers is not None and printer.wait()
    qtbot.wait(50)                                       # the worker's news reaches the screen thread
    assert printer.failures == [] and status.kind != "error", status.text()
    # a quality fault: the slip, then the goodwill coupon, each its own job on the roll at its own size
    slip, coupon = papers.printouts
    assert (slip.key, coupon.key) == ("slip", "coupon")
    last = cups.wait_for_pdf("Q")                        # the queue's file holds the last job: the coupon
    width, height = page_mm(last)
    assert abs(width - 80) < 0.6 and height < 290 and coupon.code in pdfcheck.barcodes(pdfcheck.rasterise(last)[0])
    print(f"the counter: {width:.1f} x {height:.1f} mm")
    log = cups.page_log()
    assert re.search(rf"slip {slip.code} Custom\.80x\d+mm", log)
    assert re.search(rf"coupon {coupon.code} Custom\.80x\d+mm", log)
    assert print_jobs.pending() == []


def test_a_stopped_queue_keeps_the_job_and_resend_prints_it_once_the_queue_is_back(shop, cups):
    machine.set_printer(shop["owner"], PrinterChoice("roll", "cups", "Q"))
    subprocess.run(["cupsdisable", "Q"], env=cups.env, check=True)   # what CUPS does when paper runs out
    slip = printouts.for_return(shop["done"].number, "zh_CN", url=shop["url"]).printouts[0]
    result = print_jobs.submit(slip)
    assert result.kept and "stopped" in result.message_en
    subprocess.run(["cupsenable", "Q"], env=cups.env, check=True)
    cups.fresh("Q")
    assert print_jobs.resend(result.job_id).sent and print_jobs.pending() == []
    _assert_80mm_slip(cups.wait_for_pdf("Q"), shop["done"].number)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_repair_papers_and_the_claim_sheet_print_on_the_queue_at_their_own_size(shop, cups, capsys, lang):
    """`repair print` and `supplier claim` through the queue: each paper at its own size (a roll ticket
    centred on A4 was the defect), its barcode decoded from what the queue wrote, in both languages."""
    from app.printing.spool import media_of
    from app.services import repairs

    ticket = repairs.walk_in(shop["clerk"], sku="6909876543212", fault="不加热", serial="SN-8841",
                             url=shop["url"], now=NOW)
    papers = printouts.repair_ticket(ticket.number, lang, shop["url"])
    cups.fresh("Q")
    assert main(["--db", shop["url"], "--lang", lang, "repair", "print", ticket.number, "--printer", "Q"]) == 0
    assert capsys.readouterr().out.count("request id is Q-") == 2
    tag = cups.wait_for_pdf("Q")                        # the queue's file holds the last job: the item tag
    assert ticket.number in pdfcheck.barcodes(pdfcheck.rasterise(tag)[0])
    assert abs(page_mm(tag)[0] - page_mm(papers[1].pdf)[0]) < 0.6 and page_mm(tag)[1] < 290
    for doc in papers:
        assert f"{doc.key} {ticket.number} {media_of(doc.pdf)}" in cups.page_log()
    claim = printouts.supplier_claim("康师傅", lang, shop["url"])
    cups.fresh("Q")
    assert main(["--db", shop["url"], "--lang", lang, "supplier", "claim", "康师傅", "--printer", "Q"]) == 0
    sheet = cups.wait_for_pdf("Q")
    assert [round(v) for v in page_mm(sheet)] == [round(v) for v in page_mm(claim.pdf)]
    assert pdfcheck.barcodes(pdfcheck.rasterise(sheet)[0]) == [claim.code]
    assert f"claim {claim.code} {media_of(claim.pdf)}" in cups.page_log()
    assert ("供应商" in pdfcheck.text(sheet)) == (lang == "zh_CN")   # the sheet speaks the language asked for
