"""`returns-desk setup`: a real shop's first run — its details, region and owner; prints the recovery code once."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app import settings
from app.errors import InvalidInput
from app.services.setup import Owner, ShopDetails, set_up_shop
from app.services.shop import REGIONS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("setup", help="set up a new shop: name, address, phone, region, owner",
                            description="Creates the shop's database with its details and the owner's "
                                        "account. Flags not given are asked for; the owner's PIN comes "
                                        "from RETURNS_DESK_PIN or a prompt (typed twice).")
    parser.add_argument("--name", help="the shop's name as printed on slips")
    parser.add_argument("--address", help="the shop's address")
    parser.add_argument("--phone", help="the shop's phone number")
    parser.add_argument("--region", choices=REGIONS, help="which legal floor applies (default national)")
    parser.add_argument("--owner", help="the owner's (admin's) user name")
    parser.add_argument("--owner-name", help="the owner's name as shown on screen")
    parser.set_defaults(func=run)


def _ask(value: str | None, prompt: str, default: str | None = None) -> str:
    if value is not None:
        return value
    if default is not None and not sys.stdin.isatty():
        return default
    if not sys.stdin.isatty():
        raise InvalidInput(f"请用参数提供：{prompt}", f"Give it as a flag: {prompt}")
    shown = f" [{default}]" if default else ""
    return input(f"{prompt}{shown}: ").strip() or (default or "")


def _owner_pin() -> str:
    pin = os.environ.get("RETURNS_DESK_PIN")
    if pin:
        return pin
    if not sys.stdin.isatty():
        raise InvalidInput("请在环境变量 RETURNS_DESK_PIN 中提供店长的 PIN。",
                           "Give the owner's PIN in the environment variable RETURNS_DESK_PIN.")
    first, again = getpass.getpass("店长 PIN / owner's PIN (6+ digits): "), getpass.getpass("再输一次 / again: ")
    if first != again:
        raise InvalidInput("两次输入的 PIN 不一样。", "The two PINs differ.")
    return first


def run(args: argparse.Namespace) -> int:
    url = settings.default_db_url()
    details = ShopDetails(_ask(args.name, "店名 shop name"), _ask(args.address, "地址 address", ""),
                          _ask(args.phone, "电话 phone", ""), _ask(args.region, "地区 region", "national"))
    username = _ask(args.owner, "店长用户名 owner's user name")
    owner = Owner(username, _ask(args.owner_name, "店长姓名 owner's name", username), _owner_pin())
    code = set_up_shop(details, owner, url)
    en = args.lang == "en"
    print(("Shop set up: " if en else "门店已设置好：") + url)
    print("Owner's recovery code (shown ONCE — write it down and keep it apart from the till):" if en
          else "店长恢复码（只显示这一次，请抄下来，与收银机分开保管）：")
    print(f"    {code}")
    print("It unlocks the owner's account with `returns-desk unlock USER --recovery-code CODE`." if en
          else "店长账户被锁定时，用 returns-desk unlock 用户名 --recovery-code 恢复码 解锁。")
    return 0
