"""The check digit of the counter's digit codes (Luhn, as on bank cards): one mistyped digit is caught."""

from __future__ import annotations

CODE_LENGTH = 12   # 11 random digits + the check digit: fits Code 128 at 2 dots a bar on 58 mm paper


def luhn_digit(body: str) -> str:
    """The digit that makes `body` + digit pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:      # doubled: every second digit from the right, counting the check digit as first
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def looks_like_digit_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and code.isdigit()


def is_valid(code: str) -> bool:
    """A digit code whose last digit checks (a single wrong digit or most swapped pairs fail)."""
    return looks_like_digit_code(code) and luhn_digit(code[:-1]) == code[-1]
