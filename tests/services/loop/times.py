"""The moments the service-loop tests run at (shop time is Asia/Shanghai)."""

from __future__ import annotations

from datetime import UTC, datetime

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)          # Sunday 10:15 in Shanghai
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)            # Tuesday 14:00 in Shanghai
