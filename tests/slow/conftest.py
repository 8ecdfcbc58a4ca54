"""The invariant checker's own engines are closed after each slow test (the next one gets a new database)."""

from __future__ import annotations

import pytest

from tests.slow import invariants


@pytest.fixture(autouse=True)
def _close_checker():
    yield
    invariants.close()
