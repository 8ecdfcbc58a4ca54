"""Where the shop's data lives: on Windows the PC's %PROGRAMDATA%, shared by every login; elsewhere the user's."""

from __future__ import annotations

import platformdirs

from app import settings


def test_windows_keeps_the_shop_data_in_programdata_for_every_user(monkeypatch, tmp_path):
    monkeypatch.delenv(settings.HOME_ENV)
    monkeypatch.setattr(settings.sys, "platform", "win32")
    program_data = tmp_path / "ProgramData"
    monkeypatch.setattr(platformdirs, "site_data_dir", lambda name, appauthor: str(program_data / name))
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor: str(tmp_path / "one-login" / name))
    assert settings.data_dir() == program_data / "returns-desk"
    assert settings.shop_policy_path().parent == program_data / "returns-desk"


def test_linux_keeps_it_in_the_users_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(settings.HOME_ENV)
    monkeypatch.setattr(settings.sys, "platform", "linux")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor: str(tmp_path / "share" / name))
    assert settings.data_dir() == tmp_path / "share" / "returns-desk"
