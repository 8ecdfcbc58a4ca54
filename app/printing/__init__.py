"""Printed documents as PDF bytes (reportlab) with barcodes; knows nothing of Qt or the database."""

from app.printing.coupon import render_coupon, render_voucher
from app.printing.layout import PAPERS
from app.printing.notice import render_policy_notice
from app.printing.report import render_end_of_day
from app.printing.slip import render_exchange_slip, render_return_slip

LANGS = ("zh_CN", "en")

__all__ = [
    "LANGS",
    "PAPERS",
    "render_coupon",
    "render_end_of_day",
    "render_exchange_slip",
    "render_policy_notice",
    "render_return_slip",
    "render_voucher",
]
