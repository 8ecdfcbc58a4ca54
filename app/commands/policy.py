"""`returns-desk policy check|simulate`: validate a policy file, try it on scenarios (no database)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from app.domain.engine import evaluate
from app.domain.facts import ReturnFacts
from app.domain.money import format_fen
from app.domain.policy import Policy, load_policy
from app.domain.quote import ReturnQuote, quote_to_json
from app.domain.scenario import facts_from_json
from app.domain.vocabulary import (
    CONDITIONS,
    OUTCOMES,
    REASONS,
    SUPERVISOR_REASONS,
    TENDER_METHODS,
    TIERS,
    label,
)
from app.errors import INTERNAL_ERROR, InvalidInput

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    parser = sub.add_parser("policy", help="check the return policy or try it on scenarios (no database)",
                            description="退换货政策：检查策略文件，或用场景试算 / return policy: "
                                        "check a policy file, or try it on scenarios.")
    actions = parser.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate a policy file (default: the active policy)")
    check.add_argument("file", nargs="?", help="policy TOML file (default: the shop's, else the shipped one)")
    check.set_defaults(func=run_check)
    simulate = actions.add_parser("simulate", help="evaluate return scenarios from a JSON file")
    simulate.add_argument("scenarios", help="JSON file: one scenario object or a list of them")
    simulate.add_argument("--policy", help="policy TOML file to try (default: the active policy)")
    simulate.add_argument("--json", action="store_true", help="print the quotes as JSON")
    simulate.set_defaults(func=run_simulate)


def _policy(path: str | None) -> Policy:
    if path:
        return load_policy(path)
    from app.services.policy import current_policy  # the one loader the counter uses (cached)

    return current_policy()


def run_check(args: argparse.Namespace) -> int:
    policy = _policy(args.file)
    print(f"OK  {policy.source}")
    print(f"策略有效，版本 {policy.version}，共 {len(policy.classes)} 个商品类别 / "
          f"policy is valid, version {policy.version}, {len(policy.classes)} policy classes")
    return 0


def run_simulate(args: argparse.Namespace) -> int:
    policy = _policy(args.policy)
    scenarios = _read_scenarios(Path(args.scenarios))
    many = isinstance(scenarios, list)
    results = [_answer(policy, scenario, i, many, args.json)
               for i, scenario in enumerate(scenarios if many else [scenarios])]
    answers = [answer for answer, _ok in results]
    if args.json:
        json.dump(answers if many else answers[0], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for lines in answers:
            print("\n".join(lines))
            print()
        print(f"策略版本 / policy version: {policy.version} ({policy.source})")
    return 0 if all(ok for _answer, ok in results) else 1


def _answer(policy: Policy, scenario: Any, i: int, many: bool, as_json: bool) -> tuple[Any, bool]:
    """One scenario's answer. Malformed input stops the run naming the scenario and field (exit 2);
    a bug inside one scenario is logged with its traceback and answered as an internal error, so
    the rest of the file still gets its answers (exit 1 at the end)."""
    try:
        facts = facts_from_json(scenario)
        quote = evaluate(policy, facts)
        return (quote_to_json(quote) if as_json else describe(i + 1, scenario, facts, quote, policy)), True
    except InvalidInput as exc:
        if not many:
            raise
        raise InvalidInput(f"第{i + 1}个场景（[{i}]）：{exc.zh}", f"scenario [{i}]: {exc.en}") from exc
    except Exception:  # a bug, not the file's fault
        log.exception("policy simulate: internal error in scenario [%d]", i)
        if as_json:
            return {"error": "internal_error",
                    "message": {"zh_CN": INTERNAL_ERROR.zh, "en": INTERNAL_ERROR.en}}, False
        return [f"场景 {i + 1} / Scenario {i + 1}: 内部错误 / internal error",
                f"  {INTERNAL_ERROR.zh}", f"  {INTERNAL_ERROR.en}"], False


def _read_scenarios(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"无法读取场景文件 {path}：{exc.strerror}",
                           f"cannot read scenario file {path}: {exc.strerror}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"场景文件 {path} 第{exc.lineno}行不是有效的 JSON：{exc.msg}",
                           f"scenario file {path}, line {exc.lineno}: not valid JSON: {exc.msg}") from exc
    if isinstance(data, list) and not data:
        raise InvalidInput(f"场景文件 {path} 是空列表", f"scenario file {path} is an empty list")
    return data


def _both(table: dict[str, tuple[str, str]], key: str) -> str:
    zh, en = label(table, key, "zh_CN"), label(table, key, "en")
    return zh if zh == en else f"{zh} / {en}"


def describe(number: int, scenario: Any, facts: ReturnFacts, quote: ReturnQuote, policy: Policy) -> list[str]:
    """A scenario's quote as lines a shop owner reads: each line's outcome, in Chinese and English."""
    name = scenario.get("name") if isinstance(scenario, dict) else None
    out = [f"场景 {number} / Scenario {number}" + (f": {name}" if name else "")]
    zone = policy.time_zone
    when = f"{facts.today.astimezone(zone):%Y-%m-%d %H:%M}"
    if facts.sale is None:
        out.append(f"  退货时间 / returned {when} · 无小票 / no receipt")
    else:
        sold = f"{facts.sale.sold_at.astimezone(zone):%Y-%m-%d %H:%M}"
        out.append(f"  购买 / sold {sold} · 退货 / returned {when} ({zone.key}) · "
                   f"{_both(TIERS, facts.sale.member_tier)}")
    for d in quote.lines:
        sku = f" · {d.sku}" if d.sku else ""
        out.append(f"  第{d.line}行 / line {d.line} ×{d.qty}{sku} · {_both(REASONS, d.reason)} · "
                   f"{_both(CONDITIONS, d.condition)}")
        money = f"  {format_fen(d.refund)}" if d.outcome in ("refund", "store_credit_only") else ""
        worth = f"  (价值 / worth {format_fen(d.value)})" if d.outcome == "exchange_only" else ""
        out.append(f"    → {_both(OUTCOMES, d.outcome)}{money}{worth}")
        out.append(f"      {d.explanation['zh_CN']}")
        out.append(f"      {d.explanation['en']}")
    out.append(f"  退款合计 / refund total: {format_fen(quote.refund_total)}"
               + (f"（扣回优惠券分摊 / coupon share withheld {format_fen(quote.withheld_coupon_share)}）"
                  if quote.withheld_coupon_share else ""))
    if quote.tenders:
        out.append("  退款方式 / refunded to: " + ", ".join(
            f"{_both(TENDER_METHODS, t.method)} {format_fen(t.amount)}" for t in quote.tenders))
    if quote.points_reversed:
        out.append(f"  扣回积分 / points reversed: {quote.points_reversed}")
    if quote.needs_supervisor:
        out.append("  需主管审批 / needs a supervisor: " + "; ".join(
            _both(SUPERVISOR_REASONS, r) for r in quote.supervisor_reasons))
    else:
        out.append("  无需主管审批 / no supervisor needed")
    coupon = quote.goodwill_coupon
    if coupon:
        out.append(f"  可送好评券 / goodwill coupon: 满{format_fen(coupon.min_spend)}减{format_fen(coupon.value)}，"
                   f"{coupon.days_valid}天有效 / {format_fen(coupon.value)} off {format_fen(coupon.min_spend)} "
                   f"or more, valid {coupon.days_valid} days")
    return out
