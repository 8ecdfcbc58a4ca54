"""The service loop's figures (follow-ups, reopened complaints, satisfaction) on databases that keep them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.domain.report_shape import Figure, Table
from app.services.reports.periods import Period


@dataclass(frozen=True)
class LoopFigures:
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()


def figures(s: Session, period: Period) -> LoopFigures:
    return LoopFigures()
