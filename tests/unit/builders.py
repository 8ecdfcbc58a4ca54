"""Small builders for return scenarios, so each test states only what its rule is about."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain.engine import evaluate
from app.domain.facts import EarlierReturn, RequestItem, ReturnFacts, Sale, SaleLine, Tender
from app.domain.money import line_nets
from app.domain.policy import Policy, load_policy
from app.domain.quote import LineDecision, ReturnQuote
from app.settings import default_policy_path

SHANGHAI = ZoneInfo("Asia/Shanghai")
SOLD = datetime(2026, 11, 1, 10, 0, tzinfo=SHANGHAI)
POLICY: Policy = load_policy(default_policy_path())


def day(n: int, hour: int = 12, minute: int = 0) -> datetime:
    """`n` calendar days after the sale day (Shanghai), at the given local time."""
    return datetime(2026, 11, 1, hour, minute, tzinfo=SHANGHAI) + timedelta(days=n)


def line(n: int = 1, cls: str = "general", qty: int = 1, price: int = 1000, **kw: object) -> SaleLine:
    return SaleLine(line=n, sku=f"69000000000{n:02d}", policy_class=cls, qty=qty, unit_price=price, **kw)


def sale(*lines: SaleLine, tier: str = "standard", tenders: list[tuple[str, int]] | None = None,
         receipt_discount: int = 0, points: int = 0, sold_at: datetime = SOLD) -> Sale:
    lines = lines or (line(),)
    if tenders is None:
        total = sum(line_nets([x.qty * x.unit_price for x in lines], [x.discount for x in lines],
                              receipt_discount))
        tenders = [("cash", total)]
    return Sale(sold_at=sold_at, lines=tuple(lines), tenders=tuple(Tender(m, a) for m, a in tenders),
                receipt_discount=receipt_discount, points_earned=points, member_tier=tier)


def ask(n: int = 1, qty: int = 1, reason: str = "changed_mind", condition: str = "unopened") -> RequestItem:
    return RequestItem(qty=qty, reason=reason, condition=condition, line=n)


def facts(the_sale: Sale | None, *items: RequestItem, today: datetime | None = None,
          returned: list[tuple[int, int, int]] = (), by_tender: dict[str, int] | None = None,
          returns_30d: int = 0, identified: bool = True, overrides: set[int] = frozenset()) -> ReturnFacts:
    return ReturnFacts(
        today=today or day(1), sale=the_sale, request=items or (ask(),),
        already_returned=tuple(EarlierReturn(*r) for r in returned),
        already_refunded_by_tender=by_tender or {}, customer_returns_30d=returns_30d,
        customer_identified=identified, overridden_lines=frozenset(overrides))


def quote(*args: object, policy: Policy = POLICY, **kw: object) -> ReturnQuote:
    return evaluate(policy, facts(*args, **kw))


def decide(cls: str = "general", reason: str = "changed_mind", condition: str = "unopened",
           on_day: int = 1, tier: str = "standard", today: datetime | None = None,
           **line_kw: object) -> LineDecision:
    """The decision on one unit of a one-line sale of class `cls`, brought back on day `on_day`."""
    q = quote(sale(line(cls=cls, **line_kw), tier=tier), ask(reason=reason, condition=condition),
              today=today or day(on_day))
    return q.lines[0]


def no_receipt_item(qty: int = 1, cls: str = "general", lowest: int | None = 800, catalogue: int = 1000,
                    reason: str = "changed_mind", condition: str = "unopened",
                    sku: str = "6900000000099") -> RequestItem:
    return RequestItem(qty=qty, reason=reason, condition=condition, sku=sku, policy_class=cls,
                       lowest_price_30d=lowest, catalogue_price=catalogue)
