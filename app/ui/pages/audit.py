"""The audit trail for the admin: newest entries first, and whether the chain is whole (read-only)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app import i18n
from app.services import audit_view
from app.services.views import UserView
from app.ui.widgets.base import Retranslating
from app.ui.widgets.status import guarded

COLUMNS = (QT_TRANSLATE_NOOP("AuditPage", "No."), QT_TRANSLATE_NOOP("AuditPage", "Time (UTC)"),
           QT_TRANSLATE_NOOP("AuditPage", "User"), QT_TRANSLATE_NOOP("AuditPage", "Action"),
           QT_TRANSLATE_NOOP("AuditPage", "About"), QT_TRANSLATE_NOOP("AuditPage", "Details"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


class AuditPage(Retranslating, QWidget):
    def __init__(self, admin: Callable[[], UserView | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.admin = admin
        self.listing: audit_view.AuditListing | None = None
        self.chain, self.message = QLabel(), QLabel()
        self.chain.setObjectName("chainStatus")
        self.chain.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        box = QVBoxLayout(self)
        for widget in (self.chain, self.table, self.message):
            box.addWidget(widget)
        self.retranslate()

    def refresh(self) -> None:
        admin = self.admin()
        listing = guarded(self.message.setText, lambda: audit_view.recent(admin), "audit list") if admin else None
        if listing is None:
            return
        self.listing = listing
        self.table.setRowCount(len(listing.rows))
        for r, row in enumerate(listing.rows):
            values = (str(row.id), f"{row.at:%Y-%m-%d %H:%M:%S}", row.who, row.action, row.subject, row.detail)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        listing = self.listing
        if listing is None:
            self.chain.setText("")
        elif listing.ok:
            self.chain.setText(QCoreApplication.translate("AuditPage", "The trail is whole: {count} entries, each chained to the one before. "
                                   "Head {head}.").format(count=listing.count, head=listing.head))
        else:
            why = listing.why_en if i18n.current_language() == "en" else listing.why_zh
            self.chain.setText(QCoreApplication.translate("AuditPage", "The trail was tampered with: {why}").format(why=why))
        self.chain.setProperty("kind", "ok" if listing is None or listing.ok else "error")
