"""One spelling of a scanned or imported code: receipt, slip, coupon, SKU and member card numbers."""

from __future__ import annotations

import re
import unicodedata

from app.errors import InvalidInput

CODE_LENGTH = 32  # every code column is String(32)
_CODE = re.compile(r"-*[0-9A-Z][0-9A-Z-]*")  # at least one digit or letter
# Full-width ASCII (！ … ～) from a Chinese input method, and the ideographic space. Only these are
# folded: NFKC would also turn a superscript ² into 2 and open another receipt than the one typed.
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise_code(code: str) -> str:
    """Full-width input folded, letters upper-case, no spaces: scanner, keyboard and file agree."""
    if not code.isascii():
        code = code.translate(_FULL_WIDTH)
        return "".join(c.upper() if c.isascii() else c for c in code.strip().replace(" ", ""))
    return code.strip().upper().replace(" ", "")


def is_code(code: str) -> bool:
    """Digits, capital letters and '-' only, at most 32: what the shop's codes are made of."""
    return len(code) <= CODE_LENGTH and _CODE.fullmatch(code) is not None


def shown(text: str, limit: int = 40) -> str:
    """Text as it may be echoed: control characters, escapes and invisible marks written out, cut short."""
    out = "".join(c if c.isprintable() and unicodedata.category(c) not in ("Cf", "Cs", "Co")
                  else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in text[:limit])
    return out + ("…" if len(text) > limit else "")


def checked_code(code: str, what_zh: str = "编码", what_en: str = "code") -> str:
    """The normalised code, or a clear refusal naming what was typed (escaped) — never folded further."""
    normal = normalise_code(code)
    if not is_code(normal):
        raise InvalidInput(
            f"{what_zh}“{shown(code)}”无效：只能包含数字、字母和“-”，最多 {CODE_LENGTH} 位。",
            f"{what_en} “{shown(code)}” is not valid: digits, letters and '-' only, "
            f"{CODE_LENGTH} at most.")
    return normal
