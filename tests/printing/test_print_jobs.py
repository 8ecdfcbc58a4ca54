"""Printing without dialogs: this till's printer for each kind, the page's own size, kept jobs resent."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.services import machine, print_jobs, printouts, returns
from app.services.imports import import_sales
from app.services.machine import PrinterChoice
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.printing import pdfcheck
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)


@pytest.fixture
def shop(catalogue):
    """A completed cash refund with a goodwill coupon, the owner and a clerk."""
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "owner", "店长", "admin", "9999")
    cash = sale("R1", sold_at=SOLD.isoformat(), tenders=[{"method": "cash", "amount": 1250}])
    assert import_sales(jsonl(cash), catalogue).ok
    clerk = sign_in("clerk", "1111", catalogue)
    done = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "quality_fault", "opened"),)), clerk,
                            url=catalogue, now=NOW)
    return {"url": catalogue, "clerk": clerk, "owner": sign_in("owner", "9999", catalogue), "done": done,
            "papers": printouts.for_return(done.number, "zh_CN", url=catalogue)}


def _recorded(folder):
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def test_only_the_owner_chooses_a_printer_and_it_is_this_machines_file(shop, tmp_path):
    with pytest.raises(NotAllowed):
        machine.set_printer(shop["clerk"], PrinterChoice("roll", "record", str(tmp_path / "rec")))
    assert not machine.machine_path().exists()
    machine.set_printer(shop["owner"], PrinterChoice("roll", "record", str(tmp_path / "rec"), shop_copy=True))
    assert machine.machine_path().parent == machine.data_dir()
    assert machine.printers()["roll"].shop_copy and machine.printers()["sheet"].backend == "cups"
    assert machine.printer_for("coupon").name == str(tmp_path / "rec")
    with pytest.raises(InvalidInput, match="paper"):
        machine.set_printer(shop["owner"], PrinterChoice("sheet", "cups", "Office", paper="80mm"))


def test_a_completed_returns_papers_go_straight_to_the_roll_at_their_own_size_with_a_title(shop, tmp_path):
    rec = tmp_path / "rec"
    machine.set_printer(shop["owner"], PrinterChoice("roll", "record", str(rec), shop_copy=True))
    results = [print_jobs.submit(doc) for doc in shop["papers"].printouts]
    assert all(r.sent and not r.kept for r in results)
    jobs = _recorded(rec)
    number, coupon = shop["done"].number, shop["done"].coupon_code
    assert [(j["document"], j["part"], j["title"]) for j in jobs] == [
        ("slip", "customer", f"slip {number}"), ("slip", "shop copy", f"slip {number}"),
        ("coupon", "customer", f"coupon {coupon}")]
    assert all(j["media"].startswith("Custom.80x") and j["media"].endswith("mm") and j["copies"] == 1 for j in jobs)
    slip_pdf = min(rec.glob("*-1-customer.pdf")).read_bytes()
    assert number in pdfcheck.barcodes(pdfcheck.rasterise(slip_pdf)[0])
    assert print_jobs.pending() == []


def test_a_printer_that_is_off_keeps_the_job_across_a_restart_and_it_is_resent(shop, tmp_path):
    rec = tmp_path / "rec"
    rec.mkdir()
    (rec / "OFFLINE").write_text("")
    machine.set_printer(shop["owner"], PrinterChoice("roll", "record", str(rec)))
    slip = shop["papers"].printouts[0]
    result = print_jobs.submit(slip)
    assert result.kept and "脱机" in result.message_zh and "offline" in result.message_en
    assert _recorded(rec) == []
    # a restart: nothing in memory; the spool folder in the data folder is what remembers
    kept = print_jobs.pending(shop["done"].number)
    assert [k.title for k in kept] == [f"slip {shop['done'].number}"] and kept[0].job_id == result.job_id
    again = print_jobs.resend(result.job_id)
    assert again.kept and len(print_jobs.pending()) == 1        # still off: still kept, once
    (rec / "OFFLINE").unlink()
    assert print_jobs.resend(result.job_id).sent
    assert print_jobs.pending() == [] and [j["title"] for j in _recorded(rec)] == [result.title]
    with pytest.raises(InvalidInput):
        print_jobs.resend(result.job_id)


def test_a_queue_that_does_not_exist_keeps_the_job_with_the_queues_words(shop):
    machine.set_printer(shop["owner"], PrinterChoice("roll", "cups", "no-such-queue-here"))
    result = print_jobs.submit(shop["papers"].printouts[0])
    assert result.kept and result.printer == "cups:no-such-queue-here"
    assert result.message_en and result.message_zh
    assert [k.job_id for k in print_jobs.pending()] == [result.job_id]


def test_the_qt_marker_hands_the_pdf_back_to_the_screens(shop):
    machine.set_printer(shop["owner"], PrinterChoice("roll", "qt", "POS-80"))
    result = print_jobs.submit(shop["papers"].printouts[0])
    assert result.via_qt and not result.kept and result.pdf == shop["papers"].printouts[0].pdf
    assert result.media.startswith("Custom.80x") and print_jobs.pending() == []


def test_an_escpos_roll_printer_gets_commands_and_a_cash_refund_opens_the_drawer_first(shop):
    machine.set_printer(shop["owner"], PrinterChoice("roll", "escpos", connection="dummy"))
    papers = shop["papers"].printouts
    job = print_jobs.build(papers[0], machine.printers()["roll"], kick=print_jobs._cash_back(papers[0]))
    assert [p.label for p in job.parts] == ["drawer", "customer"] and all(p.raw for p in job.parts)
    assert job.parts[0].data.endswith(b"\x1bp\x00" + bytes([50, 50]))
    assert print_jobs.submit(papers[0]).sent and print_jobs.submit(papers[1]).sent   # slip and coupon
    reprint = printouts.reprint(shop["done"].number, "zh_CN", url=shop["url"]).printouts[0]
    assert not print_jobs._cash_back(reprint)   # a reprint never opens the drawer


def test_a_report_refuses_a_raw_roll_printer_with_words(shop):
    machine.set_printer(shop["owner"], PrinterChoice("roll", "escpos", connection="dummy"))
    sheet = machine.set_printer(shop["owner"], PrinterChoice("sheet", "record", str(machine.data_dir() / "a4")))
    eod = printouts.end_of_day(None, "zh_CN", url=shop["url"], paper=sheet.paper)
    with pytest.raises(InvalidInput, match="sheet printer"):
        print_jobs.submit(eod, "roll")
    assert print_jobs.submit(eod).media == "A4"


def test_the_counters_shop_copy_goes_to_the_roll_as_the_shops_wording_and_never_opens_the_drawer(shop):
    """The counter sends the shop copy as a paper of its own ("shop_slip"): on a raw roll printer it is the
    slip's shop wording (with the customer's signature line), and the cash drawer opens for the customer's
    copy only."""
    from app.printing.escpos_slip import slip_commands
    from app.services.documents import shop_info_of
    from app.services.shop import get_settings
    from app.ui.widgets.pdf_pages import shop_copy_of

    machine.set_printer(shop["owner"], PrinterChoice("roll", "escpos", connection="dummy"))
    slip = shop["papers"].printouts[0]
    copy = shop_copy_of(slip)
    assert machine.printer_for(copy.key).kind == "roll" and not print_jobs._cash_back(copy)
    job = print_jobs.build(copy, machine.printers()["roll"], kick=print_jobs._cash_back(copy))
    assert [p.label for p in job.parts] == ["shop copy"]
    assert job.parts[0].data == slip_commands(slip.data, shop_info_of(get_settings()), "80mm", "zh_CN", "shop")
    assert print_jobs.submit(copy).sent
