"""Log lines never carry a member's full phone number: 138****5678, as on screen and paper."""

from __future__ import annotations

import logging
import re

# A mainland mobile number standing alone (not inside a longer run of digits such as a barcode).
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?!\d)")


def mask(text: str) -> str:
    return _MOBILE.sub(r"\1****\2", text)


class MaskingFormatter(logging.Formatter):
    """Masks the whole formatted record, traceback included (a bad row's text may hold a phone)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def mask_handlers(logger: logging.Logger | None = None) -> None:
    for handler in (logger or logging.getLogger()).handlers:
        fmt = handler.formatter._fmt if handler.formatter else None
        handler.setFormatter(MaskingFormatter(fmt))
