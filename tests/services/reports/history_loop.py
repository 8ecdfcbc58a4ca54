"""The known history's service loop — complaints, follow-up calls, ratings, repair tickets — built through the
services the counter uses (each takes `now`, so every moment below is the one the figures are worked from).

Shop time is UTC+8. What the real services do on their own is part of the history: resolving TS1 queues its
follow-up call, the call after return B that finds the problem not solved opens complaint TS0 (a second contact),
collecting WX1 queues its call, and reopening TS2 starts its deadlines again.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services import complaints, followups, repair_status, repairs, satisfaction
from app.services.users import sign_in


@dataclass(frozen=True)
class Loop:
    ts0: str   # opened by the follow-up call after return B: M000124, quality, open, unanswered, two contacts
    ts1: str   # M000124, quality, owner li: answered in 1 h, resolved in 30 h, one contact — on time
    ts2: str   # by phone, no member, service, owner wang: reopened, answered 78 h after it was logged (late), open


def build(url: str, at, slips: list[str]) -> Loop:
    """`slips`: the return numbers in completion order (Z G0 A B E D X F H)."""
    li, wang, boss = sign_in("li", "1111", url), sign_in("wang", "3333", url), sign_in("boss", "222222", url)
    ts0 = _call_after_return_b(url, at, wang, slips[3])
    ts1, ts2 = _complaints(url, at, li, wang, boss)
    _repairs(url, at, li, wang)
    # Ratings: A 优秀 (li), B 差 (wang), X 良好 (wang), TS1 优秀 (li); December's H (li) is outside.
    for user, service, subject, level, when in (
            (li, "return", slips[2], "excellent", "2026-11-04 10:05"), (wang, "return", slips[3], "poor", "2026-11-04 11:05"),
            (wang, "exchange", slips[6], "good", "2026-11-22 10:05"), (li, "complaint", ts1, "excellent", "2026-11-21 16:00"),
            (li, "return", slips[8], "poor", "2026-12-01 00:05")):
        satisfaction.rate(user, service, subject, level, url, now=at(when))
    return Loop(ts0, ts1, ts2)


def _call(url: str, user, subject: str, outcome: str, when, solved: bool | None = None) -> None:
    [due] = [f for f in followups.queue(user, url, now=when) if f.subject == subject]
    followups.record(user, due.id, outcome, solved=solved, url=url, now=when)


def _call_after_return_b(url: str, at, wang, b: str) -> str:
    """B (M000124 agreed to a call) is reached on 11-05 10:00: not solved, so the case becomes complaint TS0."""
    _call(url, wang, b, "reached", at("2026-11-05 10:00"), solved=False)
    [ts0] = [c for c in complaints.work_list(wang, url, now=at("2026-11-05 10:00")) if c.status == "open"]
    return ts0.number


def _complaints(url: str, at, li, wang, boss) -> tuple[str, str]:
    c1 = complaints.log(li, description="面饼碎", channel="counter", type="quality", member_card="M000124",
                        call_agreed=True, url=url, now=at("2026-11-20 10:00")).number
    complaints.assign(boss, c1, "li", url, now=at("2026-11-20 10:00"))
    complaints.note(li, c1, "已联系顾客", url, now=at("2026-11-20 11:00"))                   # answered in 1 h
    complaints.resolve(li, c1, "explained", "换一包", url=url, now=at("2026-11-21 16:00"))   # 30 h: call queued
    _call(url, li, c1, "no_answer", at("2026-11-22 10:00"))
    _call(url, li, c1, "reached", at("2026-11-22 15:00"), solved=True)
    c2 = complaints.log(wang, description="态度", channel="phone", type="service", url=url,
                        now=at("2026-11-21 10:00")).number
    complaints.assign(boss, c2, "wang", url, now=at("2026-11-21 10:00"))
    complaints.note(wang, c2, "已道歉", url, now=at("2026-11-22 16:00"))
    complaints.resolve(wang, c2, "explained", "已道歉", url=url, now=at("2026-11-22 16:30"))
    # the customer rang again: open once more, a second contact, fresh deadlines (respond by 11-24 10:00) …
    complaints.reopen(wang, c2, "顾客不满意", url, now=at("2026-11-23 10:00"))
    # … answered only on 11-24 16:00: 78 h after it was first logged, and late against the new deadline
    complaints.note(wang, c2, "再次联系", url, now=at("2026-11-24 16:00"))
    return c1, c2


def _repairs(url: str, at, li, wang) -> None:
    """WX1 (M000123) back fixed in 47 h and collected: its call is queued, then a wrong number.
    WX2 (no member) back after 96 h: late."""
    wx1 = repairs.walk_in(li, sku="6909876543212", fault="不加热", member_card="M000123", call_agreed=True,
                          now=at("2026-11-10 10:00"), url=url).number
    repair_status.advance(wx1, "sent", li, now=at("2026-11-10 12:00"), url=url)
    repair_status.advance(wx1, "back", li, outcome="fixed", now=at("2026-11-12 09:00"), url=url)
    repair_status.advance(wx1, "collected", li, now=at("2026-11-12 09:00"), url=url)
    _call(url, wang, wx1, "wrong_number", at("2026-11-13 10:00"))
    wx2 = repairs.walk_in(wang, sku="6909876543212", fault="漏水", now=at("2026-11-20 10:00"), url=url).number
    repair_status.advance(wx2, "sent", wang, now=at("2026-11-20 12:00"), url=url)
    repair_status.advance(wx2, "back", wang, outcome="fixed", now=at("2026-11-24 10:00"), url=url)
    repair_status.advance(wx2, "collected", wang, now=at("2026-11-24 12:00"), url=url)
