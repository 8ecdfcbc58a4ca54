"""`returns-desk demo`: a ready-to-try neighbourhood supermarket in its own database file."""

from __future__ import annotations

import argparse
import os

from app import settings
from app.services.demo import create_demo_shop
from app.services.demo.catalogue import USERS

# The showcase receipts' descriptions (English keys from the demo service) in Chinese.
SHOWCASE_ZH = {
    "general, 2 days ago (changed mind refunds)": "日用品，2天前（无理由可退款）",
    "fresh food, bought this morning": "生鲜，今天早上买的",
    "appliance, 10 days ago (fault → exchange only)": "小家电，10天前（质量问题只能换货）",
    "personal care, 20 days ago (outside the window)": "个人护理，20天前（已过退货期限）",
    "gift cards and tobacco (never returnable)": "礼品卡和烟草（不可退换）",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("demo", help="create a demo shop (products, members, users, receipts)")
    parser.add_argument("--receipts", type=int, default=2000, help="how many receipts (default 2000)")
    parser.add_argument("--seed", type=int, default=20261122, help="random seed: same seed, same shop")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    url = (settings.database_url(os.environ.get(settings.DB_ENV))
           or f"sqlite:///{settings.data_dir() / 'demo-shop.sqlite'}")
    shop = create_demo_shop(url, receipts=args.receipts, seed=args.seed)
    en = args.lang == "en"
    print(("Demo shop ready: " if en else "演示门店已建好：") + url)
    print(f"  {shop.products} products, {shop.members} members, {shop.receipts} receipts, "
          f"{shop.earlier_returns} earlier returns")
    print("  Users (user / PIN):" if en else "  用户（用户名 / PIN）：")
    for username, display, role, pin in USERS:
        print(f"    {username:<11} {pin}   {role:<10} {display}")
    print("  Receipts to try:" if en else "  可以试试这些小票：")
    for what, receipt in shop.showcase.items():
        print(f"    {receipt}   {what if en else SHOWCASE_ZH.get(what, what)}")
    return 0
