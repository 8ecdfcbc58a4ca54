"""The wheel carries resources/: installed into a fresh venv, `policy check` and the self-test find them there."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def test_installed_wheel_reads_its_own_policy_and_passes_its_self_test(tmp_path, monkeypatch):
    built = _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp_path / "wheels", ROOT,
                 cwd=tmp_path)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "wheels").glob("returns_desk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "resources/policy.toml" in names and "resources/fonts/wqy-microhei.ttc" in names
    assert any(n.startswith("app/migrations/versions/") for n in names)

    # A fresh venv; the dependencies come from this one (offline and fast), the app only from the wheel.
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    py = target / "bin" / "python"
    site = _run(py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path)
    Path(site.stdout.strip(), "shared-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = _run(py, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-2000:]

    home = tmp_path / "shop-data"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "RETURNS_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    check = _run(target / "bin" / "returns-desk", "policy", "check", cwd=tmp_path, env=env)
    assert check.returncode == 0, check.stderr
    assert f"{site.stdout.strip()}/resources/policy.toml" in check.stdout
    assert "policy is valid" in check.stdout
    selftest = _run(target / "bin" / "returns-desk", "--self-test", cwd=tmp_path, env=env)
    assert selftest.returncode == 0, selftest.stderr
    assert "self-test passed" in selftest.stdout
