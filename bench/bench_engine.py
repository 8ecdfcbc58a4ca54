"""Rule engine speed: evaluate() on a 20-line receipt, beside the bare refund arithmetic alone."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain.engine import evaluate
from app.domain.facts import EarlierReturn, RequestItem, ReturnFacts, Sale, SaleLine, Tender
from app.domain.money import line_nets, share_by_weight, telescoped
from app.domain.policy import load_policy
from app.settings import default_policy_path

CLASSES = ("general", "general", "fresh", "appliance", "personal_care", "customized", "general",
           "non_returnable")
REASONS = ("changed_mind", "quality_fault", "changed_mind", "wrong_item", "damaged_at_sale")


def twenty_line_return() -> ReturnFacts:
    """A busy receipt: every policy class, a 3-line bundle, receipt discount, coupon + two tenders,
    earlier partial returns, a gold member, every line coming back for some reason on day 5."""
    zone = ZoneInfo("Asia/Shanghai")
    sold = datetime(2026, 11, 1, 19, 45, tzinfo=zone)
    lines = tuple(
        SaleLine(line=n, sku=f"69{n:011d}", policy_class=CLASSES[n % len(CLASSES)], qty=1 + n % 4,
                 unit_price=350 + 137 * n, discount=50 if n % 5 == 0 else 0,
                 promo_group="B3" if n in (17, 18, 19) else None, final_sale=n == 11,
                 warranty_months=12 if n % len(CLASSES) == 3 else 0)
        for n in range(1, 21))
    nets = line_nets([x.qty * x.unit_price for x in lines], [x.discount for x in lines], 1000)
    total = sum(nets)
    sale = Sale(sold_at=sold, lines=lines, receipt_discount=1000, points_earned=total // 100,
                tenders=(Tender("coupon", 500), Tender("wechat", total - 500 - 2000), Tender("cash", 2000)))
    earlier = (EarlierReturn(2, 1, telescoped(nets[1], 0, 1, lines[1].qty)),)
    items = tuple(RequestItem(qty=1, reason=REASONS[n % len(REASONS)],
                              condition="unopened" if n % 3 else "opened", line=n) for n in range(1, 21))
    return ReturnFacts(today=sold + timedelta(days=5), sale=sale, request=items, already_returned=earlier,
                       already_refunded_by_tender={"wechat": earlier[0].refunded},
                       customer_returns_30d=1, overridden_lines=frozenset({6}))


def bare_arithmetic(facts: ReturnFacts) -> int:
    """The floor for the same money: nets, telescoped refunds, proportional tender split — no
    policy, no bundles, no caps, no explanations."""
    sale = facts.sale
    assert sale is not None
    nets = line_nets([x.qty * x.unit_price for x in sale.lines], [x.discount for x in sale.lines],
                     sale.receipt_discount)
    refund = 0
    for item in facts.request:
        assert item.line is not None
        i = item.line - 1
        done = sum(e.qty for e in facts.already_returned if e.line == item.line)
        refund += telescoped(nets[i], done, item.qty, sale.lines[i].qty)
    share_by_weight(refund, [t.amount for t in sale.tenders if t.method != "coupon"])
    return refund


def median_us(work: Callable[[], object], runs: int, rounds: int) -> float:
    per_round = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(runs):
            work()
        per_round.append((time.perf_counter() - start) / runs)
    return statistics.median(per_round) * 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_engine")
    parser.add_argument("--runs", type=int, default=2000, help="evaluations per round")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    policy = load_policy(default_policy_path())
    facts = twenty_line_return()
    quote = evaluate(policy, facts)
    outcomes: dict[str, int] = {}
    for decision in quote.lines:
        outcomes[decision.outcome] = outcomes.get(decision.outcome, 0) + 1
    print("outcomes:", ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    ours = median_us(lambda: evaluate(policy, facts), args.runs, args.rounds)
    bare = median_us(lambda: bare_arithmetic(facts), args.runs, args.rounds)
    load = median_us(lambda: load_policy(default_policy_path()), max(1, args.runs // 20), args.rounds)
    print(f"{'work':<34}{'median µs':>10}")
    print(f"{'evaluate(), 20-line receipt':<34}{ours:>10.1f}")
    print(f"{'bare refund arithmetic, 20 lines':<34}{bare:>10.1f}   ratio {ours / bare:.1f}×")
    print(f"{'load_policy() (parse + validate)':<34}{load:>10.1f}")
    print(f"target: evaluate() well under 1000 µs — {'met' if ours < 1000 else 'MISSED'}")


if __name__ == "__main__":
    main(sys.argv[1:])
