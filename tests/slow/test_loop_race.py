"""Two tills (two processes) on the same service-loop write at the same moment (SQLite file and PostgreSQL).

The same coupon redeemed at two tills: exactly one wins, the other is told in Chinese and English. Two tills
spending one store credit: never more than its balance. Two clerks resolving one complaint: resolved once,
one coupon, one follow-up call. Two installs of one policy: installed once.
"""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.db import dispose_engines, session_scope
from app.errors import DeskError
from app.services import complaints, coupon_counter, coupons, policy
from app.services.complaints import Compensation
from app.services.users import create_user, sign_in
from app.settings import default_policy_path
from tests.slow.invariants import broken
from tests.slow.test_kill_service_loop import LOOP_CHECKS

pytestmark = pytest.mark.slow

ROUNDS = 8
FORK = multiprocessing.get_context("fork")


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        for name, role, pin in (("clerk", "clerk", "1111"), ("clerk2", "clerk", "1112"), ("boss", "supervisor", "2222"),
                                ("boss2", "supervisor", "2223"), ("owner", "admin", "3333")):
            create_user(s, name, name, role, pin)
    return catalogue


def _till(start, answers, url: str, action: str, subject: str, who: str, pin: str) -> None:
    dispose_engines()   # the parent's pool stays the parent's
    user = sign_in(who, pin, url)
    start.wait(timeout=60)
    try:
        if action == "redeem":
            answers.put(("done", coupon_counter.redeem(subject, 1000, user, url=url).taken_off))
        elif action == "resolve":
            answers.put(("done", complaints.resolve(user, subject, "compensated", "赔偿", call_agreed=True, url=url,
                                                    compensation=Compensation("coupon", 500)).status))
        else:
            answers.put(("done", policy.install(user, Path(subject), url=url)[1]))
    except DeskError as exc:
        answers.put(("refused", exc.zh, exc.en))
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        answers.put(("crash", repr(exc)))


def race(url: str, action: str, subject: str, tills: tuple[tuple[str, str], ...]) -> list[tuple]:
    dispose_engines()
    start, answers = FORK.Barrier(len(tills)), FORK.Queue()
    procs = [FORK.Process(target=_till, args=(start, answers, url, action, subject, who, pin)) for who, pin in tills]
    for p in procs:
        p.start()
    got = [answers.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert [a for a in got if a[0] == "crash"] == []
    return got


def issued(url: str, kind: str, value: int) -> str:
    with session_scope(url) as s:
        return coupons.issue(s, kind, value, now=datetime.now(UTC), valid=timedelta(days=30), reason="goodwill",
                             issued_by=1).code


def scalar(url: str, sql: str, **params) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar() or 0)
    finally:
        engine.dispose()


def loop_sound(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert [name for name, sql in LOOP_CHECKS.items() if conn.execute(text(sql)).first()] == []
    finally:
        engine.dispose()
    assert broken(url) == []


TWO_CLERKS = (("clerk", "1111"), ("clerk2", "1112"))


def test_one_coupon_at_two_tills_at_once_is_redeemed_once_and_the_other_till_is_told(shop):
    for _ in range(ROUNDS):
        code = issued(shop, "coupon", 500)
        got = race(shop, "redeem", code, TWO_CLERKS)
        assert sorted(a[0] for a in got) == ["done", "refused"], got
        [(_, zh, en)] = [a for a in got if a[0] == "refused"]
        assert code in zh and code in en and ("已" in zh) and ("used" in en or "redeemed" in en), (zh, en)
        assert scalar(shop, "SELECT spent FROM coupons WHERE code = :c", c=code) == 500
    loop_sound(shop)


def test_one_store_credit_spent_at_two_tills_at_once_never_pays_more_than_its_balance(shop):
    for _ in range(ROUNDS):
        code = issued(shop, "store_credit", 1500)
        got = race(shop, "redeem", code, TWO_CLERKS)
        taken = sorted(a[1] for a in got if a[0] == "done")
        assert taken == [500, 1000], got   # 1000 off the first purchase, the 500 left off the second
        assert scalar(shop, "SELECT spent FROM coupons WHERE code = :c", c=code) == 1500
    loop_sound(shop)


def test_two_clerks_resolving_one_complaint_resolve_it_once(shop):
    clerk = sign_in("clerk", "1111", shop)
    for _ in range(ROUNDS):
        number = complaints.log(clerk, description="漏水", phone="13812345678", url=shop).number
        got = race(shop, "resolve", number, (("boss", "2222"), ("boss2", "2223")))
        assert sorted(a[0] for a in got) == ["done", "refused"], got
        [(_, zh, en)] = [a for a in got if a[0] == "refused"]
        assert number in zh and "already resolved" in en
        assert scalar(shop, "SELECT count(*) FROM followups WHERE subject = :n", n=number) == 1
    assert scalar(shop, "SELECT count(*) FROM coupons WHERE reason = 'complaint'") == ROUNDS
    loop_sound(shop)


def test_two_installs_of_one_policy_at_once_install_it_once(shop, tmp_path):
    base = default_policy_path().read_text(encoding="utf-8")
    for n in range(ROUNDS // 2):
        file = tmp_path / f"p{n}.toml"
        file.write_text(base + f"\n# edition {n}\n", encoding="utf-8")
        got = race(shop, "install", str(file), (("owner", "3333"), ("owner", "3333")))
        assert [a[0] for a in got] == ["done", "done"], got
        assert sorted(a[1] is None for a in got) == [False, True], got   # one installed, one: already in force
    assert scalar(shop, "SELECT count(*) FROM installed_policies") == ROUNDS // 2
    loop_sound(shop)

