"""The reports room: one module per family; `run` computes a report once for screen, CLI, CSV and PDF."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from app.db import session_scope
from app.domain.report_shape import Report
from app.errors import InvalidInput
from app.services.reports.access import acting_reader
from app.services.reports.periods import PRESETS, Period, custom, preset
from app.services.views import UserView

__all__ = ["FAMILIES", "PRESETS", "Period", "ReportName", "custom", "preset", "run"]


@dataclass(frozen=True)
class ReportName:
    name: str
    module: str
    zh: str
    en: str


# In the order the page lists them.
FAMILIES = (
    ReportName("returns", "returns", "退换货", "Returns"),
    ReportName("money", "money", "资金", "Money"),
    ReportName("service", "service", "服务质量", "Service quality"),
    ReportName("loyalty", "loyalty", "复购", "Bringing customers back"),
    ReportName("policy", "policy", "政策调整效果", "Did the policy change help?"),
    ReportName("staff", "staff", "员工考核", "Staff review"),
)
NAMES = tuple(f.name for f in FAMILIES)


def run(name: str, by: UserView | None, period: Period, url: str | None = None, **options: object) -> Report:
    """The report `name` over `period`, for the owner or a supervisor (a clerk is refused)."""
    family = next((f for f in FAMILIES if f.name == name), None)
    if family is None:
        raise InvalidInput(f"未知的报表：{name}（可选 {', '.join(NAMES)}）",
                           f"unknown report: {name} (choose {', '.join(NAMES)})")
    module = importlib.import_module(f"app.services.reports.{family.module}")
    with session_scope(url, write=False) as s:
        acting_reader(s, by)
        report: Report = module.build(s, period, **options)
        return report
