"""A ready-to-try demo shop, generated through the same import path as real till data."""

from __future__ import annotations

import csv
import json
import random
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.db import init_database, session_scope
from app.errors import NotAllowed
from app.models import Product, Sale, User
from app.services.demo import catalogue as cat
from app.services.demo.returns import make_earlier_returns
from app.services.imports import ImportReport, import_members, import_products, import_sales
from app.services.shop import set_settings
from app.services.users import audit, create_user
from app.settings import SHOP_TZ


@dataclass
class DemoShop:
    products: int
    members: int
    receipts: int
    earlier_returns: int
    showcase: dict[str, str]  # what to try → receipt number


def _products(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for i, (zh, en, category, cls, price, months, supplier) in enumerate(cat.PRODUCTS):
        body = f"69{rng.randint(10, 99)}{rng.randint(1000, 9999)}{i:04d}"
        rows.append({"sku": cat.ean13(body), "name_zh": zh, "name_en": en, "category": category,
                     "policy_class": cls, "price": price, "warranty_months": months, "supplier": supplier})
    return rows


def _members(rng: random.Random, count: int) -> list[dict[str, Any]]:
    rows = []
    for i in range(count):
        tier = cat.TIERS[i % len(cat.TIERS)]
        rows.append({"card_no": f"M{100001 + i}", "phone": f"13{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}",
                     "name": rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN), "tier": tier,
                     "points": rng.randint(0, 5000), "special_needs": rng.choice(cat.SPECIAL_NEEDS)})
    return rows


def _tenders(rng: random.Random, total: int) -> list[dict[str, Any]]:
    if total == 0:
        return [{"method": "cash", "amount": 0}]
    roll = rng.random()
    if roll < 0.12 and total > 1500:  # part paid with a coupon, rest by phone
        return [{"method": "coupon", "amount": 500}, {"method": rng.choice(["wechat", "alipay"]), "amount": total - 500}]
    if roll < 0.22 and total > 2000:  # split between cash and card
        cash = rng.randint(1, total // 100) * 100 // 2 or 100
        return [{"method": "cash", "amount": cash}, {"method": "card", "amount": total - cash}]
    method = rng.choices(["wechat", "alipay", "cash", "card", "store_credit"], [45, 30, 15, 8, 2])[0]
    return [{"method": method, "amount": total}]


def _sale(rng: random.Random, n: int, sold_at: datetime, products: list[dict[str, Any]],
          members: list[dict[str, Any]], lines_wanted: int | None = None,
          only_class: str | None = None) -> dict[str, Any]:
    pool = [p for p in products if only_class is None or p["policy_class"] == only_class]
    picks = rng.sample(pool, min(lines_wanted or rng.randint(1, 6), len(pool)))
    lines = []
    for i, product in enumerate(picks, start=1):
        price = int(product["price"])
        qty = 1 if product["policy_class"] in ("appliance", "customized") else rng.choice([1, 1, 1, 2, 3])
        discount = rng.choice([0, 0, 0, 0, price * qty // 10])
        lines.append({"line": i, "sku": product["sku"], "name": product["name_zh"],
                      "policy_class": product["policy_class"], "qty": qty, "unit_price": price,
                      "discount": discount, "promo_group": None, "final_sale": rng.random() < 0.04,
                      "warranty_months": product["warranty_months"]})
    if only_class is None and rng.random() < 0.1:  # buy 2 get 1 free on drinks or snacks
        product = rng.choice([p for p in products if p["category"] in ("饮料", "零食")])
        price = int(product["price"])
        lines.append({"line": len(lines) + 1, "sku": product["sku"], "name": product["name_zh"],
                      "policy_class": "general", "qty": 3, "unit_price": price, "discount": price,
                      "promo_group": "买二送一", "final_sale": False, "warranty_months": 0})
    after = sum(int(line["qty"]) * int(line["unit_price"]) - int(line["discount"]) for line in lines)
    receipt_discount = rng.choice([0, 0, 0, 0, min(500, after // 10)])
    total = after - receipt_discount
    member = rng.choice(members) if rng.random() < 0.6 else None
    return {"receipt": f"R{sold_at:%Y%m%d}-{n:04d}", "sold_at": sold_at.isoformat(), "till": rng.choice(["T1", "T2", "T3"]),
            "cashier": rng.choice(["c01", "c02", "c03", "c04"]), "member": member["card_no"] if member else None,
            "lines": lines, "receipt_discount": receipt_discount, "tenders": _tenders(rng, total),
            "coupons_redeemed": [], "points_earned": total // 100 if member else 0}


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def sales_rows(rng: random.Random, count: int, now: datetime, products: list[dict[str, Any]],
               members: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """`count` sales spread over the last 90 days, plus named showcase receipts from the last days."""
    local_now = now.astimezone(SHOP_TZ)
    per_day: dict[str, int] = {}
    sales = []

    def add(when: datetime, **kw: Any) -> dict[str, Any]:
        day = f"{when:%Y%m%d}"
        per_day[day] = per_day.get(day, 0) + 1
        sale = _sale(rng, per_day[day], when, products, members, **kw)
        sales.append(sale)
        return sale

    start = local_now - timedelta(days=90)
    moments = sorted(start + timedelta(seconds=rng.randint(0, 90 * 86400 - 7200)) for _ in range(max(count - 5, 0)))
    for when in moments:
        when = when.replace(hour=rng.randint(8, 21))
        if when > local_now:
            when = local_now - timedelta(hours=1)
        add(when)
    showcase = {
        "general, 2 days ago (changed mind refunds)": add(local_now - timedelta(days=2), only_class="general", lines_wanted=4),
        "fresh food, bought this morning": add(local_now.replace(hour=8, minute=30) if local_now.hour >= 9 else local_now - timedelta(hours=1), only_class="fresh", lines_wanted=3),
        "appliance, 10 days ago (fault → exchange only)": add(local_now - timedelta(days=10), only_class="appliance", lines_wanted=2),
        "personal care, 20 days ago (outside the window)": add(local_now - timedelta(days=20), only_class="personal_care", lines_wanted=3),
        "gift cards and tobacco (never returnable)": add(local_now - timedelta(days=1), only_class="non_returnable", lines_wanted=2),
    }
    sales.sort(key=lambda s: str(s["sold_at"]))
    return sales, {what: str(sale["receipt"]) for what, sale in showcase.items()}


def create_demo_shop(url: str, receipts: int = 2000, seed: int = 20261122, now: datetime | None = None) -> DemoShop:
    now = now or datetime.now(UTC)
    rng = random.Random(seed)
    init_database(url, create=True)
    with session_scope(url) as s:
        if any(s.scalar(select(func.count()).select_from(model)) for model in (Sale, Product, User)):
            raise NotAllowed(
                "这个数据库里已经有数据：演示门店只建在新的数据库文件里（--db 新文件名）。",
                "This database already holds data: a demo shop is only made in a new database file "
                "(--db NEW_FILE).")
        for username, display, role, pin in cat.USERS:
            create_user(s, username, display, role, pin)
    set_settings(cat.SHOP, url)
    products = _products(rng)
    members = _members(rng, max(40, receipts // 10))
    sales, showcase = sales_rows(rng, receipts, now, products, members)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder / "products.csv", products)
        _write(folder / "members.csv", members)
        (folder / "sales.jsonl").write_text(
            "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sales), encoding="utf-8")
        reports: list[ImportReport] = [import_products(folder / "products.csv", url),
                                       import_members(folder / "members.csv", url)]
        with (folder / "sales.jsonl").open(encoding="utf-8") as handle:
            reports.append(import_sales(handle, url))
    problems = [r for report in reports for r in report.rejected]
    if problems:
        raise RuntimeError(f"demo data did not import cleanly: {problems[:3]}")
    earlier = make_earlier_returns(url, rng, sales, now)
    with session_scope(url) as s:  # the trail says this is a made-up shop and what was put in it
        audit(s, "demo_created", None, "demo", seed=seed, products=len(products), members=len(members),
              receipts=len(sales), earlier_returns=earlier)
    return DemoShop(len(products), len(members), len(sales), earlier, showcase)
