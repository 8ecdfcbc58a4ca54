"""Hostile words and codes on the service loop's forms and commands: a refusal naming the field, nothing written.

Complaint text, repair faults/serials/notes, follow-up notes, coupon codes (wrong Luhn, 11 and 13 digits,
full-width digits, control characters, bidi marks, 10,000 characters, emoji), phone numbers, ratings and
dates at their limits — through the services and through `returns-desk`, in Chinese and in English.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import dispose_engines, session_scope
from app.domain.check_digit import luhn_digit
from app.errors import DeskError
from app.models import (
    AuditEntry,
    Complaint,
    ComplaintNote,
    Coupon,
    CouponRedemption,
    FollowUp,
    FollowUpCall,
    Rating,
    RepairTicket,
)
from app.services import complaints, coupons, followups, repair_status, repairs, satisfaction
from app.services.users import create_user, sign_in

NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)
TABLES = (AuditEntry, Complaint, ComplaintNote, Coupon, CouponRedemption, FollowUp, FollowUpCall, Rating, RepairTicket)
# (what is typed, why it is refused)
BAD_WORDS = [("坏了\x00", "control"), ("坏了\x07响", "control"), ("退款\u202e0001", "bidi override"),
             ("\u200b", "zero width"), ("好" * 10_000, "10,000 characters"), ("a\u2028b", "line separator"),
             ("\ud800", "lone surrogate")]
CODES = ["12345678901", "1234567890123", "123456789012",  "１２３４５６７８９０１２", "12345678901\x00",
         "\u202e123456789012", "😀", "1" * 10_000, "", "   ", "12345678901２"]


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
    return catalogue


@pytest.fixture
def clerk(shop):
    return sign_in("clerk", "1111", shop)


def rows(url):
    """Every row the service loop writes (and the audit log but its sign-ins), to compare around a refusal."""
    with session_scope(url, write=False) as s:
        return {m.__tablename__: sorted(tuple(str(getattr(r, c.key)) for c in m.__table__.columns)
                                        for r in s.scalars(select(m)) if getattr(r, "action", "") != "sign_in")
                for m in TABLES}


def refused(url, action, zh_field: str, en_field: str) -> DeskError:
    before = rows(url)
    with pytest.raises(DeskError) as caught:
        action()
    exc = caught.value
    assert zh_field in exc.zh and en_field.lower() in exc.en.lower(), (exc.zh, exc.en)
    assert "\x00" not in exc.zh + exc.en and "\u202e" not in exc.zh + exc.en and len(exc.en) < 300
    assert rows(url) == before, "a refusal wrote something"
    return exc


@pytest.mark.parametrize("text,why", BAD_WORDS)
def test_complaint_words_are_refused_naming_the_field(shop, clerk, text, why):
    refused(shop, lambda: complaints.log(clerk, description=text, url=shop, now=NOW), "投诉内容", "complaint")
    c = complaints.log(clerk, description="面里有异物", url=shop, now=NOW)
    refused(shop, lambda: complaints.note(clerk, c.number, text, url=shop, now=NOW), "备注", "note")
    refused(shop, lambda: complaints.resolve(clerk, c.number, "explained", text, url=shop, now=NOW),
            "处理结果", "resolution")
    complaints.resolve(clerk, c.number, "explained", "已解释", url=shop, now=NOW)
    refused(shop, lambda: complaints.reopen(clerk, c.number, text, url=shop, now=NOW), "再次反映", "came back")


def test_a_customers_emoji_line_breaks_and_2000_characters_are_kept(shop, clerk):
    c = complaints.log(clerk, description="面里有异物😡\n第二行" + "好" * 1990, url=shop, now=NOW)
    assert c.description.startswith("面里有异物😡\n第二行") and len(c.description) == 2000
    refused(shop, lambda: complaints.log(clerk, description="好" * 2001, url=shop, now=NOW), "2001", "2001")


@pytest.mark.parametrize("text,why", BAD_WORDS)
def test_repair_words_are_refused_naming_the_field(shop, clerk, text, why):
    kettle = {"sku": "6909876543212", "url": shop, "now": NOW}
    refused(shop, lambda: repairs.walk_in(clerk, fault=text, **kettle), "故障", "fault")
    refused(shop, lambda: repairs.walk_in(clerk, fault="不加热", serial=text, **kettle), "序列号", "serial")
    refused(shop, lambda: repairs.walk_in(clerk, fault="不加热", accessories=text, **kettle), "配件", "accessories")
    t = repairs.walk_in(clerk, fault="不加热", **kettle)
    refused(shop, lambda: repair_status.advance(t.number, "sent", clerk, note=text, now=NOW, url=shop), "备注", "note")
    refused(shop, lambda: repairs.fill_in(t.number, clerk, fault=text, url=shop), "故障", "fault")


def test_a_serial_with_an_emoji_and_a_phone_with_letters_are_refused(shop, clerk):
    kettle = {"sku": "6909876543212", "fault": "不加热", "url": shop, "now": NOW}
    refused(shop, lambda: repairs.walk_in(clerk, serial="SN😀1", **kettle), "序列号", "serial")
    for phone in ("abc", "1381234\x005678", "1" * 30, "13８"):
        refused(shop, lambda phone=phone: repairs.walk_in(clerk, phone=phone, **kettle), "电话", "phone")
        refused(shop, lambda phone=phone: complaints.log(clerk, description="x", phone=phone, url=shop, now=NOW), "电话", "phone")
    t = repairs.walk_in(clerk, phone="１３８-1234-5678", **kettle)   # an input method's full-width digits fold
    c = complaints.log(clerk, description="x", phone="１３８１２３４５６７８", url=shop, now=NOW)
    assert t.phone_masked == c.phone_masked == "138****5678"


def issued(url, kind="coupon", value=500) -> str:
    with session_scope(url) as s:
        return coupons.issue(s, kind, value, now=NOW, valid=timedelta(days=30), reason="complaint", issued_by=1).code


@pytest.mark.parametrize("code", CODES, ids=repr)
def test_a_bad_coupon_code_is_refused_clearly_and_nothing_is_redeemed(shop, clerk, code):
    from app.services import coupon_counter

    issued(shop)
    exc = refused(shop, lambda: coupon_counter.redeem(code, 1000, clerk, now=NOW, url=shop), "券", "code")
    assert "券码" in exc.zh and "code" in exc.en.lower()
    with pytest.raises(DeskError):
        coupon_counter.check(code, url=shop)


def test_a_wrong_luhn_digit_is_told_apart_from_an_unknown_code(shop, clerk):
    from app.services import coupon_counter

    good = issued(shop)
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert "check digit" in refused(shop, lambda: coupon_counter.redeem(wrong, 1000, clerk, url=shop, now=NOW),
                                    "校验位", "check digit").en
    other = "1" * 10 + "0" + luhn_digit("1" * 10 + "0")
    assert "not issued" in refused(shop, lambda: coupon_counter.redeem(other, 1000, clerk, url=shop, now=NOW),
                                   "不是本店", "not issued").en
    for purchase in (0, -1):
        refused(shop, lambda purchase=purchase: coupon_counter.redeem(good, purchase, clerk, url=shop, now=NOW), "购物金额", "purchase")
    done = coupon_counter.redeem(" " + good.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}), 1000,
                                 clerk, url=shop, now=NOW)   # full-width digits of a good code: it is the code
    assert done.code == good and done.taken_off == 500
    with pytest.raises(DeskError) as used:   # refused, and flagged for the supervisor (that is written)
        coupon_counter.redeem(good, 1000, clerk, url=shop, now=NOW)
    again = used.value
    assert "（" not in again.en and "(" not in again.zh, (again.zh, again.en)   # each language its own brackets


def test_ratings_and_follow_up_notes_out_of_range_are_refused(shop, clerk):
    c = complaints.log(clerk, description="面里有异物", phone="13812345678", call_agreed=True, url=shop, now=NOW)
    complaints.resolve(clerk, c.number, "explained", "已解释", url=shop, now=NOW)
    for level in ("5", "excellent ", "", "优秀", "-1"):
        refused(shop, lambda level=level: satisfaction.rate(clerk, "complaint", c.number, level, url=shop, now=NOW),
                "满意度", "satisfaction")
    [f] = followups.queue(clerk, url=shop, now=NOW + timedelta(days=8))
    for text, _why in BAD_WORDS:
        refused(shop, lambda text=text: followups.record(clerk, f.id, "no_answer", notes=text, url=shop, now=NOW),
                "回访记录", "call notes")


@pytest.fixture
def cli_shop(shop, monkeypatch):
    monkeypatch.setenv("RETURNS_DESK_PIN", "1111")
    yield shop
    dispose_engines()


@pytest.mark.parametrize("lang,field", [("en", "complaint"), ("zh_CN", "投诉内容")])
def test_the_commands_refuse_the_same_words_in_both_languages(cli_shop, capsys, lang, field):
    before = rows(cli_shop)
    assert main(["--lang", lang, "complaint", "new", "坏了\u202e", "--user", "clerk"]) != 0
    assert field in capsys.readouterr().err
    assert main(["--lang", lang, "repair", "new", "--sku", "6909876543212", "--fault", "x" * 10_000,
                 "--user", "clerk"]) != 0
    assert ("fault" if lang == "en" else "故障") in capsys.readouterr().err
    assert main(["--lang", lang, "coupon", "redeem", "\x1b[2J1234", "--purchase", "1000", "--user", "clerk"]) != 0
    err = capsys.readouterr().err
    assert ("Coupon code" if lang == "en" else "券码") in err and "\x1b" not in err
    assert rows(cli_shop) == before


def test_dates_and_terms_at_their_limits_are_refused_not_a_crash(shop):
    from datetime import date

    from app.services import coupon_issue, standards

    with session_scope(shop) as s:
        create_user(s, "owner", "店长", "admin", "3333")
    boss, owner = sign_in("boss", "2222", shop), sign_in("owner", "3333", shop)
    for day in (date.max, date.min, date(1999, 12, 31)):
        refused(shop, lambda day=day: coupon_issue.birthday_coupons(boss, day=day, now=NOW, url=shop), "日期", "day")
    for value in (0, -1, 10**12):
        refused(shop, lambda value=value: coupon_issue.birthday_coupons(boss, value=value, now=NOW, url=shop), "券面额", "value")
    refused(shop, lambda: coupon_issue.birthday_coupons(boss, min_spend=-1, now=NOW, url=shop), "门槛", "min-spend")
    for key, value in (("service.respond_hours", "100000000"), ("service.followup_days", "99999999"),
                       ("service.resolve_hours", "１２"), ("service.urgent_respond_hours", "0")):
        refused(shop, lambda key=key, value=value: standards.set_standards(owner, {key: value}, url=shop), key, key)
    # a huge value put in by hand (or an older version) is read as the default: the register keeps working
    with session_scope(shop) as s:
        from app.models import Setting

        s.add(Setting(key="service.respond_hours", value="100000000"))
    c = complaints.log(owner, description="x", url=shop, now=NOW)
    assert c.respond_by == NOW + timedelta(hours=24)
