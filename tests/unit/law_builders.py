"""Builders for legal-floor tests: the shipped floors, and a quote decided under one of them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.domain.engine import evaluate
from app.domain.facts import RepairHistory, RequestItem
from app.domain.law import Floor, load_floor
from app.domain.quote import ReturnQuote
from tests.unit.builders import POLICY, facts

LAW_DIR = Path(__file__).resolve().parents[2] / "resources" / "law"
NATIONAL: Floor = load_floor(LAW_DIR, "national")
SHANGHAI_FLOOR: Floor = load_floor(LAW_DIR, "shanghai")
ZHEJIANG: Floor = load_floor(LAW_DIR, "zhejiang")


def lawful(*args: object, floor: Floor = NATIONAL, repairs: list[tuple[int, int, int]] = (),
           **kw: object) -> ReturnQuote:
    """The quote of `facts(*args, **kw)` under the default policy and `floor`."""
    the_facts = facts(*args, **kw)
    the_facts = replace(the_facts, repair_history=tuple(RepairHistory(*r) for r in repairs))
    return evaluate(POLICY, the_facts, floor)


def claim(n: int = 1, qty: int = 1, reason: str = "quality_fault", condition: str = "opened",
          remedy: str | None = None, **kw: object) -> RequestItem:
    return RequestItem(qty=qty, reason=reason, condition=condition, line=n, remedy=remedy, **kw)
