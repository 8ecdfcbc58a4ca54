"""The known history, built once per test on a fresh database (SQLite, or PostgreSQL with the server set)."""

from __future__ import annotations

import pytest

from app.services.reports import custom
from tests.services.reports import history

NOVEMBER = custom("2026-11-01", "2026-11-30")


@pytest.fixture
def shop(catalogue, tmp_path):
    return history.build(catalogue, tmp_path)
