"""The audit trail is tamper-evident: edited, deleted, cut-off or rewritten entries are found and named."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlalchemy import select, text

from app.db import get_engine, session_scope
from app.errors import NotAllowed
from app.models import AuditEntry
from app.services import audit, backups
from app.services.audit import entry_hash
from app.services.users import create_user, sign_in


@pytest.fixture
def trail(db_url):
    """A shop whose trail holds 10 entries: sign-ins and wrong PINs of two users."""
    with session_scope(db_url) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "店长", "admin", "9999")
    for _ in range(4):
        sign_in("clerk", "1111", db_url)
        with pytest.raises(NotAllowed):
            sign_in("boss", "0000", db_url)
    sign_in("boss", "9999", db_url)
    with session_scope(db_url) as s:
        audit.append(s, "setting_changed", None, "print.paper", before="80mm", after="58mm")
    return db_url


def run_sql(url: str, sql: str) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(text(sql))


def broken_at(url: str, **kw) -> int | None:
    report = backups.check(url, **kw)
    return None if report.ok else report.chain.broken.entry_id


def test_every_entry_is_chained_to_the_one_before(trail):
    with session_scope(trail, write=False) as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        report = audit.verify(s)
        head = audit.head(s)
    assert len(rows) == 10 and report.ok and report.count == 10
    assert rows[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    assert head == report.head and head.entry_id == rows[-1].id and head.count == 10
    assert head.printable() == f"{rows[-1].id}:{rows[-1].hash[:16]}"
    assert audit.current_anchor(trail) == head, "what the end-of-day report will print"


def test_an_edited_entry_is_named(trail):
    run_sql(trail, "UPDATE audit_log SET detail = '{\"after\": \"a4\"}' WHERE id = 10")
    assert broken_at(trail) == 10
    run_sql(trail, "UPDATE audit_log SET user_id = NULL WHERE id = 4")  # an approver's name taken off
    assert broken_at(trail) == 4, "the first broken entry is the one named"


def test_a_deleted_entry_is_found_at_the_next_one(trail):
    run_sql(trail, "DELETE FROM audit_log WHERE id = 5")
    report = backups.check(trail)
    assert report.chain.broken.entry_id == 6
    assert "before entry 6 was deleted" in report.problems[0][1] and "第 6 条" in report.problems[0][0]


def test_cut_off_entries_are_found_against_the_last_backup_anchor(trail, tmp_path):
    backups.backup(trail, tmp_path / "usb")  # anchors entry 10 (the backup's own entry 11 comes after it)
    assert backups.check(trail).ok
    run_sql(trail, "DELETE FROM audit_log WHERE id >= 9")
    report = backups.check(trail)
    assert not report.ok and report.chain.broken.entry_id == 10
    assert "gone" in report.problems[0][1]


def test_a_rewritten_chain_is_found_against_an_anchor_printed_earlier(trail):
    with session_scope(trail, write=False) as s:
        printed = audit.head(s).printable()
    # Whoever edits the file can also recompute every hash after their edit: only the anchor tells.
    with session_scope(trail) as s:
        prev = audit.GENESIS
        for row in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            if row.id == 3:
                row.detail = '{"attempt": 0}'
            row.prev_hash = None
            s.flush()
            row.prev_hash, row.hash = prev, entry_hash(prev, row.at, row.user_id, row.action, row.subject, row.detail)
            s.flush()
            prev = row.hash
    assert backups.check(trail).ok, "with no anchor a recomputed chain looks sound: that is what anchors are for"
    assert broken_at(trail, anchor=audit.parse_anchor(printed)) == int(printed.split(":")[0])


def test_a_pin_typed_into_the_user_name_is_never_stored(db_url):
    for typed in ("123456", "９９９９", " 1111 "):
        with pytest.raises(NotAllowed):
            sign_in(typed, "1111", db_url)
    with session_scope(db_url, write=False) as s:
        stored = " ".join(f"{e.subject} {e.detail}" for e in s.scalars(select(AuditEntry)))
    for secret in ("123456", "9999", "９９９９", "1111"):
        assert secret not in stored
    assert "digits hidden" in stored


def test_eight_tills_appending_at_once_keep_one_chain(db_url):
    """On PostgreSQL the advisory lock is what keeps two tills from both chaining to the same head."""
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def till(n: int) -> None:
        try:
            start.wait()
            for i in range(5):
                with session_scope(db_url) as s:
                    audit.append(s, "coupon_issued", None, f"T{n}-{i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=till, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with session_scope(db_url, write=False) as s:
        report = audit.verify(s)
    assert report.ok and report.count == 40


def test_entries_written_before_the_chain_existed_are_chained_by_the_upgrade(tmp_path):
    from app.db import dispose_engines
    from app.migrate import upgrade_to_head

    engine = get_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    upgrade_to_head(engine, target="0003_difference_paid_by")
    with engine.begin() as conn:
        for n in range(3):
            conn.execute(text("INSERT INTO audit_log (at, action, subject, detail) VALUES "
                              f"('2026-11-0{n + 1} 02:00:00.000000', 'return_completed', 'RT{n}', '{{}}')"))
    upgrade_to_head(engine)
    with session_scope(str(engine.url), write=False) as s:
        report = audit.verify(s)
        assert report.ok and report.count == 3
        audit_id = s.scalar(text("SELECT value FROM settings WHERE key = 'shop.id'"))
    assert audit_id and len(audit_id) == 32
    with session_scope(str(engine.url)) as s:
        audit.append(s, "sign_in", None, "clerk")
    with session_scope(str(engine.url), write=False) as s:
        assert audit.verify(s).count == 4 and audit.verify(s).ok
    dispose_engines()


def test_the_end_of_day_report_prints_the_anchor_and_entries_cut_off_after_it_are_found(trail):
    from app.printing.data import ShopInfo
    from app.printing.report import render_end_of_day
    from app.services.documents import today
    from app.services.end_of_day import end_of_day_data
    from app.settings import SHOP_TZ
    from tests.printing.pdfcheck import text as pdf_text

    report = end_of_day_data(today(), trail)
    with session_scope(trail, write=False) as s:
        assert report.audit_anchor == audit.head(s).printable() == "10:" + audit.head(s).hash[:16]
    printed = pdf_text(render_end_of_day(report, ShopInfo("店", "", "", "", SHOP_TZ), "a4", "en"))
    assert "Audit anchor" in printed and report.audit_anchor in printed
    run_sql(trail, "DELETE FROM audit_log WHERE id >= 9")   # no backup since: only the paper knows
    assert broken_at(trail, anchor=audit.parse_anchor(report.audit_anchor)) == 10
