"""The Linux one-folder bundle, built from the spec as `make installer` builds it, passes its own self-test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only the Linux build runs here")]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """One PyInstaller build for the module (about a minute and a half on two cores)."""
    work = tmp_path_factory.mktemp("pyinstaller")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    built = subprocess.run([str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath",
                            str(work / "dist"), "--workpath", str(work / "build"),
                            str(ROOT / "build_installer.spec")],
                           cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert built.returncode == 0, built.stderr[-3000:]
    return work / "dist" / "returns-desk"


def test_the_built_bundle_passes_its_self_test(bundle, tmp_path):
    env = {**os.environ, "RETURNS_DESK_HOME": str(tmp_path)}
    env.pop("RETURNS_DESK_DB", None)
    run = subprocess.run([str(bundle / "returns-desk"), "--self-test"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "self-test passed" in run.stdout and "slip PDF" in run.stdout
    assert str(bundle / "_internal" / "resources") in run.stdout  # its own resources, not the checkout's


def test_the_bundle_holds_what_the_shop_needs_and_leaves_out_unused_qt(bundle):
    internal = bundle / "_internal"
    assert (bundle / "returns-desk").is_file() and (bundle / "returns-desk-counter").is_file()
    assert (internal / "resources" / "translations" / "returns_desk_zh_CN.qm").is_file()
    assert not list((internal / "resources").rglob("*.ts"))  # a .ts would make the app try lrelease
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert list((internal / "app" / "migrations" / "versions").glob("*.py"))
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6VirtualKeyboard.so.6", "libqgtk3.so",
                     "libgtk-3.so.0", "libqtvirtualkeyboardplugin.so"):
        assert unwanted not in names
    qt_qm = {p.name for p in internal.rglob("*.qm")}
    assert qt_qm and all(re.search(r"_(zh_CN|en)\.qm$", n) for n in qt_qm), qt_qm


def test_every_library_in_the_bundle_finds_what_it_links_to(bundle):
    """Dropping plugins and libraries must not leave a plugin that fails to load on a shop PC."""
    internal = bundle / "_internal"
    paths = f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"
    missing = []
    for lib in internal.rglob("*.so*"):
        if lib.is_file() and not lib.is_symlink():
            out = subprocess.run(["ldd", str(lib)], env={"LD_LIBRARY_PATH": paths}, capture_output=True,
                                 text=True, check=False).stdout
            missing += [f"{lib.relative_to(internal)}: {line.strip()}" for line in out.splitlines()
                        if "not found" in line]
    assert not missing, missing


def test_the_counter_starts_without_a_false_translation_warning(bundle, tmp_path):
    env = {**os.environ, "RETURNS_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "RETURNS_DESK_LOG": "INFO", "RETURNS_DESK_DB": str(tmp_path / "demo.sqlite")}
    made = subprocess.run([str(bundle / "returns-desk"), "demo", "--receipts", "20"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert made.returncode == 0, made.stderr
    counter = subprocess.Popen([str(bundle / "returns-desk-counter")], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)  # imports, translators, fonts, the database check, the sign-in page
        assert counter.poll() is None, counter.communicate()[1]
    finally:
        counter.terminate()
        _, err = counter.communicate(timeout=30)
    log = tmp_path / "logs" / "returns-desk.log"
    said = err + (log.read_text(encoding="utf-8") if log.exists() else "")
    assert "could not build translations" not in said and "Traceback" not in said, said
    assert "ERROR" not in said, said
