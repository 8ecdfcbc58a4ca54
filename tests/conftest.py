"""Keeps every test off the user's real data folder and screen."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.store"]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Each test gets its own data folder; the shop's real database is never touched."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("RETURNS_DESK_HOME", str(home))
    monkeypatch.delenv("RETURNS_DESK_DB", raising=False)
    monkeypatch.delenv("RETURNS_DESK_PIN", raising=False)
    monkeypatch.delenv("RETURNS_DESK_SUPERVISOR_PIN", raising=False)
    return home
