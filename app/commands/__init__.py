"""Subcommands of the returns-desk command line; each module registers its own."""

from __future__ import annotations

import getpass
import os
import sys

from app.errors import InvalidInput


def ask_pin(env: str, who: str) -> str:
    """A PIN from the environment, or asked for on a terminal; never from the command line."""
    pin = os.environ.get(env)
    if pin:
        return pin
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"PIN ({who}): ")
    raise InvalidInput(f"请在环境变量 {env} 中提供 {who} 的 PIN。", f"Give {who}'s PIN in the environment variable {env}.")
