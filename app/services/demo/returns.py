"""Earlier returns for the demo shop, made through the real return service at the time they happened."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from app.services import returns
from app.services.users import list_users
from app.services.views import ReturnItem, ReturnRequest

REASONS = [("changed_mind", "unopened"), ("quality_fault", "opened"), ("wrong_item", "unopened")]


def make_earlier_returns(url: str, rng: random.Random, sales: list[dict[str, Any]], now: datetime) -> int:
    """About one receipt in forty from more than a week ago gets a partial return a day or two after the sale."""
    clerks = [u for u in list_users(url) if u.role == "clerk"]
    made = 0
    for sale in sales:
        sold_at = datetime.fromisoformat(str(sale["sold_at"]))
        if sold_at > now - timedelta(days=8) or rng.random() > 0.025:
            continue
        lines = [ln for ln in sale["lines"]
                 if ln["policy_class"] == "general" and not ln["promo_group"] and not ln.get("final_sale")]
        if not lines:
            continue
        line = rng.choice(lines)
        reason, condition = rng.choice(REASONS)
        request = ReturnRequest(str(sale["receipt"]), (ReturnItem(int(line["line"]), 1, reason, condition),))
        try:
            returns.complete(request, rng.choice(clerks), url=url,
                             now=sold_at + timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 3)))
        except returns.NeedsSupervisor:
            continue  # a frequent returner: the demo does not fake a supervisor's approval
        except returns.RefusedByPolicy:
            continue  # e.g. past the window for this tier: a real clerk would have turned it away too
        made += 1
    return made
