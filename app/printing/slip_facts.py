"""The facts at the head of every return slip (time, receipt, clerk, supervisor, member), for the PDF and the roll."""

from __future__ import annotations

from datetime import tzinfo

from app.printing.data import SlipData
from app.printing.labels import masked_phone, reason_words, shop_time, zh_en


def slip_facts(slip: SlipData, tz: tzinfo, lang: str) -> list[tuple[str, str]]:
    """Label and value pairs, in print order; the PDF slip and the ESC/POS slip lay them out their own way."""
    facts = [(zh_en("time", lang), shop_time(slip.time, tz)),
             (zh_en("receipt_no", lang), slip.original_receipt or zh_en("no_receipt", lang)),
             (zh_en("clerk", lang), slip.clerk)]
    if slip.supervisor:
        why = reason_words(slip.override_reason, lang)
        facts.append((zh_en("supervisor", lang), slip.supervisor + (f" · {why}" if why else "")))
    if slip.member_phone:
        facts.append((zh_en("member", lang), masked_phone(slip.member_phone)))
    return facts
