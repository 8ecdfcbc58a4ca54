"""The member's care banner: the special-needs note and allergies, shown wherever that member appears."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.services.views import MemberView
from app.ui.widgets.base import Retranslating
from app.ui.words import ALLERGENS, word


class MemberBanner(Retranslating, QLabel):
    """Hidden when the member has no note and no allergies (or there is no member)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("memberBanner")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#memberBanner { background: #fff4d6; color: #6b4600; border: 2px solid #e0a800;"
                           " border-radius: 4px; padding: 6px; font-weight: bold; }")
        self.member: MemberView | None = None
        self.hide()

    def show_member(self, member: MemberView | None) -> None:
        self.member = member
        self.retranslate()

    def retranslate(self) -> None:
        m = self.member
        parts = []
        if m is not None and m.special_needs:
            parts.append(self.tr("Please note: {note}").format(note=m.special_needs))
        if m is not None and m.allergens:
            parts.append(self.tr("Allergies: {list}").format(list="、".join(word(ALLERGENS, a) for a in m.allergens)))
        self.setText("    ".join(parts))
        self.setVisible(bool(parts))
