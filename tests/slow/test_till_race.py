"""2 to 8 tills return from the same sale line at the same moment: never more back than sold (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.db import session_scope
from app.errors import DeskError
from app.services import returns
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.slow.invariants import broken, returned_units
from tests.store import SERVER, jsonl, sale

pytestmark = pytest.mark.slow

ROUNDS = 6            # per number of tills: 6 × (2…8) = 42 races, 210 tills
UNITS = 3             # on the one line every till wants one unit of
REPORT = Path(__file__).resolve().parents[2] / "var" / f"race-figures-{'postgresql' if SERVER else 'sqlite'}.json"


@pytest.fixture
def shop(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "111111")
    sold = (datetime.now(UTC) - timedelta(hours=5)).isoformat()
    rows = [sale(f"RACE{n}-{r}", sold_at=sold, member=None, receipt_discount=0,
                 lines=[{"line": 1, "sku": "6901234567892", "qty": UNITS, "unit_price": 450, "discount": 0}],
                 tenders=[{"method": "cash", "amount": 450}, {"method": "wechat", "amount": 900}])
            for n in range(2, 9) for r in range(ROUNDS)]
    assert import_sales(jsonl(*rows), catalogue).ok
    return catalogue


def race(url: str, receipt: str, tills: int, clerk: object) -> tuple[int, int, list[BaseException]]:
    start = threading.Barrier(tills)
    done: list[str] = []
    refused: list[DeskError] = []
    crashed: list[BaseException] = []

    def till() -> None:
        start.wait()
        try:
            done.append(returns.complete(ReturnRequest(receipt, (ReturnItem(1, 1, "changed_mind", "unopened"),)),
                                         clerk, url=url).number)
        except DeskError as exc:  # "nothing left to return" or "busy": a clear answer, nothing written
            refused.append(exc)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            crashed.append(exc)

    threads = [threading.Thread(target=till) for _ in range(tills)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return len(done), len(refused), crashed


def test_two_to_eight_tills_on_one_line_never_return_more_than_sold(shop):
    clerk = sign_in("clerk", "111111", shop)
    started, races, completed = time.monotonic(), 0, 0
    for tills in range(2, 9):
        for r in range(ROUNDS):
            done, refused, crashed = race(shop, f"RACE{tills}-{r}", tills, clerk)
            assert crashed == [], f"{tills} tills: {crashed[:1]!r}"
            assert done + refused == tills, "each till got an answer"
            assert done == min(tills, UNITS), f"{tills} tills: {done} returns of {UNITS} units"
            races, completed = races + 1, completed + done
    assert returned_units(shop) == completed <= len(range(2, 9)) * ROUNDS * UNITS
    assert broken(shop) == []
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps({"races": races, "tills": sum(range(2, 9)) * ROUNDS, "completed": completed,
                                  "seconds": round(time.monotonic() - started, 1)}))
