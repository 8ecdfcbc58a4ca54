"""A known history for the report tests: sales, returns around midnight, two policy versions, a whole refusal,
complaints, follow-up calls, ratings and repairs — all through the services (the loop in history_loop.py).

Every figure the tests expect is worked out by hand from the comments here (shop time is UTC+8).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.db import session_scope
from app.models import Coupon, Return
from app.services import approvals, refusals, returns
from app.services.imports import import_members, import_sales
from app.services.users import create_user, sign_in
from app.services.views import ExchangeItem, ReturnItem, ReturnRequest
from app.settings import shop_policy_path
from tests.services.reports import history_loop
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
    ts0: str                # the complaints (history_loop.Loop says what each one is)
    ts1: str
    ts2: str


def give_back(url: str, clerk, receipt: str, item: ReturnItem, when: str, minutes: int, approval=None,
              call_agreed: bool | None = None):
    """One line back at shop time `when`, the clerk having opened the receipt `minutes` before."""
    moment = at(when).astimezone(ZoneInfo("UTC"))
    return returns.complete(ReturnRequest(receipt, (item,), started_at=moment - timedelta(minutes=minutes),
                                          overrides=frozenset({item.line_no}) if approval else frozenset(),
                                          call_agreed=call_agreed),
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
    # B: M000124 agrees to a follow-up call (a quality-type reason queues one)
    give_back(url, wang, "R2", ReturnItem(1, 1, "wrong_item", "opened"), "2026-11-04 11:00", 3, call_agreed=True)
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
    with session_scope(url, write=False) as s:
        assert s.scalar(select(Coupon.status).where(Coupon.code == a.coupon_code)) == "redeemed"
        slips = list(s.scalars(select(Return.number).order_by(Return.completed_at)))   # Z G0 A B E D X F H
    loop = history_loop.build(url, at, slips)
    return History(url, sign_in("owner", "999999", url), sign_in("boss", "222222", url), li, a.coupon_code,
                   *_v1_v2(url), loop.ts0, loop.ts1, loop.ts2)


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
