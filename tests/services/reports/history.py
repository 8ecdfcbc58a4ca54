"""A known history for the report tests: sales, returns around midnight, two policy versions, complaints, repairs.

Every figure the tests expect is worked out by hand from the comments here (shop time is UTC+8).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.db import session_scope
from app.models import (
    Complaint,
    Coupon,
    FollowUp,
    FollowUpCall,
    Member,
    Rating,
    RepairTicket,
    Return,
    User,
)
from app.services import approvals, refusals, returns
from app.services.imports import import_members, import_sales
from app.services.users import create_user, sign_in
from app.services.views import ExchangeItem, ReturnItem, ReturnRequest
from app.settings import shop_policy_path
from tests.store import jsonl, sale

SHOP = ZoneInfo("Asia/Shanghai")
NOODLES, KETTLE, APPLES = "6901234567892", "6909876543212", "6900000000014"
EXTRA_MEMBERS = "card_no,phone,name,tier,points,special_needs\nM000125,13700000125,赵一,standard,0,\n" \
                "M000126,13700000126,钱二,standard,0,\nM000127,13700000127,孙三,standard,0,\n" \
                "M000128,13700000128,周四,standard,0,\n"


def at(text: str) -> datetime:
    """A shop-time moment '2026-11-04 10:00' as an aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=SHOP)


def line(n: int, sku: str, qty: int, price: int, cls: str = "general") -> dict:
    return {"line": n, "sku": sku, "name": sku, "policy_class": cls, "qty": qty, "unit_price": price,
            "discount": 0, "promo_group": None, "final_sale": False, "warranty_months": 12 if sku == KETTLE else 0}


def sold(receipt: str, when: str, member: str | None, lines: list[dict], tenders: list[dict] | None = None,
         coupons: tuple[str, ...] = ()) -> dict:
    total = sum(ln["qty"] * ln["unit_price"] for ln in lines)
    return sale(receipt, sold_at=at(when).isoformat(), member=member, lines=lines, receipt_discount=0,
                tenders=tenders or [{"method": "cash", "amount": total}], coupons_redeemed=list(coupons),
                points_earned=0)


# Sales. Units sold in November (shop days 11-01 … 11-30): noodles 24, kettles 2, apples 2 = 28.
SALES = [
    sold("R0", "2026-10-30 10:00", None, [line(1, NOODLES, 2, 450)]),                     # October
    sold("R1", "2026-11-02 10:00", "M000123", [line(1, NOODLES, 3, 450), line(2, KETTLE, 1, 12900, "appliance"),
                                                line(3, APPLES, 1, 1280, "fresh")],
         [{"method": "wechat", "amount": 3 * 450 + 12900 + 1280}]),
    sold("R2", "2026-11-03 09:00", "M000124", [line(1, NOODLES, 2, 450)]),
    sold("R3", "2026-11-05 12:00", None, [line(1, APPLES, 1, 1280, "fresh")]),
    sold("R4", "2026-11-10 15:00", "M000125", [line(1, NOODLES, 1, 450)]),    # not served: back with R5
    sold("R5", "2026-11-20 15:00", "M000125", [line(1, NOODLES, 1, 450)]),
    sold("R6", "2026-11-12 09:00", "M000126", [line(1, NOODLES, 1, 450)]),    # not served: never back
    sold("R7", "2026-11-04 11:00", "M000123", [line(1, NOODLES, 1, 450)]),    # 1 h after return A: not counted
    sold("R9", "2026-11-04 12:30", "M000124", [line(1, NOODLES, 1, 450)]),    # 1.5 h after return B: not counted
    sold("R10", "2026-11-28 10:00", None, [line(1, NOODLES, 2, 450)]),
    sold("R12", "2026-11-08 10:00", "M000127", [line(1, NOODLES, 1, 450)]),   # not served: back with R13
    sold("R13", "2026-11-09 10:00", "M000127", [line(1, NOODLES, 1, 450)]),
    sold("R14", "2026-11-12 10:00", None, [line(1, KETTLE, 1, 12900, "appliance")],
         [{"method": "wechat", "amount": 12900}]),                              # kettle X, exchanged on day 10
    sold("R15", "2026-10-28 09:00", "M000128", [line(1, APPLES, 1, 1280, "fresh")]),  # October: refused J on 11-15
    sold("R16", "2026-12-02 00:30", "M000128", [line(1, NOODLES, 1, 450)]),   # 17 days after J: came back
]


@dataclass(frozen=True)
class History:
    url: str
    owner: object
    supervisor: object
    clerk: object
    coupon_a: str           # the goodwill coupon of return A (redeemed on R8)
    v1: str                 # the shipped policy's version
    v2: str                 # the owner's changed policy
    ts1: str = "TS1"        # the complaint of M000124 (quality, on time)
    ts2: str = "TS2"        # the phone complaint (service, late, reopened)


def give_back(url: str, clerk, receipt: str, item: ReturnItem, when: str, minutes: int, approval=None):
    """One line back at shop time `when`, the clerk having opened the receipt `minutes` before."""
    moment = at(when).astimezone(ZoneInfo("UTC"))
    return returns.complete(ReturnRequest(receipt, (item,), started_at=moment - timedelta(minutes=minutes),
                                          overrides=frozenset({item.line_no}) if approval else frozenset()),
                            clerk, approval, url=url, now=moment)


def build(url: str, tmp_path) -> History:
    with session_scope(url) as s:
        create_user(s, "li", "小李", "clerk", "1111")
        create_user(s, "wang", "小王", "clerk", "3333")
        create_user(s, "boss", "主管", "supervisor", "222222")
        create_user(s, "owner", "店长", "admin", "999999")
    (tmp_path / "more.csv").write_text(EXTRA_MEMBERS, encoding="utf-8")
    assert import_members(tmp_path / "more.csv", url).ok
    assert import_sales(jsonl(*SALES), url).ok
    li, wang = sign_in("li", "1111", url), sign_in("wang", "3333", url)
    # Policy version 1 (the shipped file).
    give_back(url, li, "R0", ReturnItem(1, 1, "changed_mind", "unopened"), "2026-10-31 23:59", 3)   # Z: October
    give_back(url, li, "R0", ReturnItem(1, 1, "changed_mind", "unopened"), "2026-11-01 00:00", 3)
    a = returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "quality_fault", "opened"),
                                              ReturnItem(3, 1, "changed_mind", "unopened")),
                                       started_at=at("2026-11-04 09:55")), li, url=url, now=at("2026-11-04 10:00"))
    give_back(url, wang, "R2", ReturnItem(1, 1, "wrong_item", "opened"), "2026-11-04 11:00", 3)        # B
    override = approvals.approve("boss", "222222", "goodwill", "", wang, ("override",), url=url)
    give_back(url, wang, "R3", ReturnItem(1, 1, "changed_mind", "unopened"), "2026-11-06 10:00", 10,
              override)                                                                           # E
    _write_policy_v2()
    assert import_sales(jsonl(sold("R8", "2026-11-15 10:00", "M000123", [line(1, NOODLES, 10, 450)],
                                   [{"method": "coupon", "amount": 500, "reference": a.coupon_code},
                                    {"method": "wechat", "amount": 4000}], (a.coupon_code,))), url).ok
    # J: M000128 brings back October's apples, changed mind — fresh food is never taken back for that:
    # refused as a whole, the customer is sent away and the counter records it (under version 2).
    j = refusals.record(ReturnRequest("R15", (ReturnItem(1, 1, "changed_mind", "unopened"),),
                                      started_at=at("2026-11-15 09:58")), wang, url=url, now=at("2026-11-15 10:00"))
    assert (j.lines, j.units) == (1, 1)
    give_back(url, li, "R8", ReturnItem(1, 1, "changed_mind", "unopened"), "2026-11-16 10:00", 3)      # D
    moment = at("2026-11-22 10:00")                                                                 # X
    x = returns.complete(ReturnRequest("R14", (ReturnItem(1, 1, "quality_fault", "opened"),),
                                       exchange_items=(ExchangeItem(KETTLE, 1),), started_at=moment - timedelta(minutes=4)),
                         wang, url=url, now=moment)
    assert x.kind == "exchange" and x.refund_total == 0
    give_back(url, wang, "R10", ReturnItem(1, 1, "changed_mind", "unopened"), "2026-11-30 23:59", 3)   # F
    give_back(url, li, "R10", ReturnItem(1, 1, "changed_mind", "unopened"), "2026-12-01 00:00", 3)     # H: December
    _service_records(url)
    with session_scope(url, write=False) as s:
        assert s.scalar(select(Coupon.status).where(Coupon.code == a.coupon_code)) == "redeemed"
    return History(url, sign_in("owner", "999999", url), sign_in("boss", "222222", url), li, a.coupon_code,
                   *_v1_v2(url))


def _write_policy_v2() -> None:
    from app.settings import default_policy_path

    text = default_policy_path().read_text(encoding="utf-8")
    path = shop_policy_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Version 2: the same rules with a note added (a version is the file's hash), as tried in `policy simulate`.
    path.write_text(text + "\n# v2: tried in policy simulate\n", encoding="utf-8")


def _v1_v2(url: str) -> tuple[str, str]:
    """The version of the first return (October's Z) and of the last (December's H)."""
    with session_scope(url, write=False) as s:
        first = s.scalar(select(Return.policy_version).order_by(Return.completed_at).limit(1))
        last = s.scalar(select(Return.policy_version).order_by(Return.completed_at.desc()).limit(1))
    assert first != last
    return first, last


def _service_records(url: str) -> None:
    """Complaints, repair tickets, follow-up calls and ratings as their rooms store them."""
    with session_scope(url) as s:
        li = s.scalar(select(User.id).where(User.username == "li"))
        wang = s.scalar(select(User.id).where(User.username == "wang"))
        member = dict(s.execute(select(Member.card_no, Member.id)).all())
        slips = list(s.scalars(select(Return.number).order_by(Return.completed_at)))   # Z G0 A B E D X F H
        c1 = at("2026-11-20 10:00")   # M000124, answered in 1 h, resolved in 30 h, one contact: on time
        ts1 = Complaint(number="TS1", channel="counter", type="quality", severity="normal", status="resolved",
                        member_id=member["M000124"], description="面饼碎", owner_id=li, created_at=c1,
                        respond_by=c1 + timedelta(hours=24), resolve_by=c1 + timedelta(hours=48),
                        responded_at=c1 + timedelta(hours=1), resolved_at=c1 + timedelta(hours=30), contacts=1)
        c2 = at("2026-11-21 10:00")   # no member, answered after 30 h (late), reopened, open, two contacts
        s.add_all([ts1, Complaint(number="TS2", channel="phone", type="service", severity="normal", status="open",
                                  description="态度", owner_id=wang, created_at=c2, respond_by=c2 + timedelta(hours=24),
                                  resolve_by=c2 + timedelta(hours=48), responded_at=c2 + timedelta(hours=30),
                                  reopened_at=at("2026-11-23 10:00"), contacts=2)])
        t1, t2 = at("2026-11-10 10:00"), at("2026-11-20 10:00")
        wx1 = RepairTicket(number="WX1", sku=KETTLE, created_at=t1, promised_at=t1 + timedelta(hours=72),
                           back_at=t1 + timedelta(hours=47), member_id=member["M000123"],  # within 72 h
                           created_by_id=li)
        s.add_all([wx1, RepairTicket(number="WX2", sku=KETTLE, created_at=t2, promised_at=t2 + timedelta(hours=72),
                                     closed_at=t2 + timedelta(hours=96))])              # late, no member
        s.flush()
        _calls(s, ts1.id, wx1.id, member["M000124"], li, wang)
        # Ratings: A 优秀 (li), B 差 (wang), X 良好 (wang), TS1 优秀 (li); December's H (li) is outside.
        for service, subject, score, user, when in (
                ("return", slips[2], 4, li, "2026-11-04 10:05"), ("return", slips[3], 1, wang, "2026-11-04 11:05"),
                ("exchange", slips[6], 3, wang, "2026-11-22 10:05"), ("complaint", "TS1", 4, li, "2026-11-21 16:00"),
                ("return", slips[8], 1, li, "2026-12-01 00:05")):
            s.add(Rating(service=service, subject=subject, score=score, user_id=user, at=at(when)))


def _calls(s, complaint: int, repair: int, m124: int, li: int, wang: int) -> None:
    """Three follow-ups due in November: two reached (one solved), one wrong number."""
    f1 = FollowUp(trigger="complaint", subject="TS1", complaint_id=complaint, member_id=m124, status="done",
                  due_at=at("2026-11-22 10:00"), created_at=at("2026-11-21 16:00"), attempts=2)
    f2 = FollowUp(trigger="return", subject="B", member_id=m124, status="done", due_at=at("2026-11-05 10:00"),
                  created_at=at("2026-11-04 11:00"), attempts=1)
    f3 = FollowUp(trigger="repair", subject="WX1", repair_id=repair, status="unreachable",
                  due_at=at("2026-11-13 10:00"), created_at=at("2026-11-12 09:00"), attempts=1)
    s.add_all([f1, f2, f3])
    s.flush()
    s.add_all([FollowUpCall(followup_id=f1.id, user_id=li, at=at("2026-11-22 10:00"), outcome="no_answer"),
               FollowUpCall(followup_id=f1.id, user_id=li, at=at("2026-11-22 15:00"), outcome="reached", solved=True),
               FollowUpCall(followup_id=f2.id, user_id=wang, at=at("2026-11-05 10:00"), outcome="reached",
                            solved=False),
               FollowUpCall(followup_id=f3.id, user_id=wang, at=at("2026-11-13 10:00"), outcome="wrong_number")])
