"""The counter's care checks: the member's allergens in an exchange's goods, a product's repeated quality faults."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.i18n import current_language
from app.services import member_care, supplier_quality
from app.services.views import MemberView, ProductView, ReceiptView, ReturnItem
from app.ui.words import ALLERGENS, word


def member_care_view(member: MemberView | None) -> MemberView | None:
    """The member with their allergy tags (a receipt's member view carries only the note)."""
    if member is None:
        return None
    try:
        return member_care.care_of(member.card_no)
    except Exception:  # noqa: BLE001 — the banner is a courtesy: the receipt's own view still shows
        return member


def allergen_warning(member: MemberView | None, product: ProductView) -> str:
    """'Careful: … contains peanut, which the member is allergic to' — empty when nothing matches."""
    if member is None:
        return ""
    shared = member_care.allergen_warning(member.card_no, product.sku)
    if not shared:
        return ""
    return QCoreApplication.translate(
        "CareChecks", "Careful: {product} contains {allergens} — the member is allergic to it.").format(
        product=product.name_en if current_language() == "en" and product.name_en else product.name_zh,
        allergens="、".join(word(ALLERGENS, a) for a in shared))


def quality_warnings(receipt: ReceiptView, items: Iterable[ReturnItem]) -> str:
    """The third (or later) quality-fault return of a product this month, in the reader's language."""
    texts = []
    for item in items:
        if item.reason != "quality_fault":
            continue
        line = next((ln for ln in receipt.lines if ln.line_no == item.line_no), None)
        warning = supplier_quality.warning(line.sku) if line else None
        if warning is not None:
            texts.append(warning.message(current_language()))
    return "  ".join(dict.fromkeys(texts))
