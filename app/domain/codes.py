"""One spelling of a scanned or imported code: receipt, slip, coupon, SKU and member card numbers."""

from __future__ import annotations

import unicodedata


def normalise_code(code: str) -> str:
    """Full-width input folded (NFKC), letters upper-case, no spaces: scanner, keyboard and file agree."""
    if not code.isascii():  # full-width digits and letters from a Chinese input method
        code = unicodedata.normalize("NFKC", code)
    return code.strip().upper().replace(" ", "")
