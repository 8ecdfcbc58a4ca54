"""Member history shows the newest purchases with their line counts, however long the member's history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.services import members
from app.services.imports import import_sales
from tests.store import jsonl, sale

LINE = {"sku": "6901234567892", "name": "红烧牛肉面", "policy_class": "general", "qty": 1, "unit_price": 450,
        "discount": 0}


def test_the_newest_twenty_purchases_in_order_each_with_its_own_line_count(catalogue):
    start = datetime(2026, 10, 1, 2, 0, tzinfo=UTC)
    rows = []
    for n in range(27):   # more purchases than the page shows, imported oldest last
        lines = [{**LINE, "line": i + 1} for i in range(n % 4 + 1)]
        rows.append(sale(f"H{n:03d}", sold_at=(start + timedelta(days=n)).isoformat(), receipt_discount=0,
                         lines=lines, tenders=[{"method": "cash", "amount": 450 * len(lines)}]))
    assert import_sales(jsonl(*reversed(rows)), catalogue).ok
    history = members.history("M000123", catalogue)
    assert [p.receipt_no for p in history.purchases] == [f"H{n:03d}" for n in range(26, 6, -1)]
    assert [p.lines for p in history.purchases] == [n % 4 + 1 for n in range(26, 6, -1)]
    assert history.purchases[0].total == 450 * (26 % 4 + 1)
