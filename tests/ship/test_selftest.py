"""`returns-desk --self-test`: 0 when a throwaway shop can migrate, sell, quote, return and print; else 1, saying why."""

from __future__ import annotations

import os

from app import cli, selftest, settings


def test_self_test_passes_on_a_throwaway_shop_and_leaves_the_real_one_alone(capsys, monkeypatch):
    monkeypatch.setenv(settings.DB_ENV, "sqlite:////nonexistent/never-touched.sqlite")
    assert cli.main(["--self-test"]) == 0
    said = capsys.readouterr().out
    for step in ("resources at", "policy", "database migrated", "quote ¥4.16", "slip PDF", "self-test passed"):
        assert step in said
    assert os.environ[settings.DB_ENV] == "sqlite:////nonexistent/never-touched.sqlite"  # put back


def test_self_test_fails_with_the_step_named_when_resources_are_missing(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "resources_dir", lambda: tmp_path / "nothing-here")
    assert selftest.run() == 1
    err = capsys.readouterr().err
    assert "SELF-TEST FAILED" in err and "policy.toml" in err
