"""Build step, not runtime: compiles resources/translations/*.ts into .qm; a no-op when every .qm is newer.

Run by `make translations` (and so by `make install` / `make install-test`) and before the installer build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from app.settings import resources_dir


def translations_dir() -> Path:
    return resources_dir() / "translations"


def lrelease() -> str:
    """pyside6-lrelease from the running interpreter's environment, else the one on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).exists():
            return str(here / name)
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    try:  # the wheel also ships the bare Qt tool inside the package
        import PySide6

        for name in ("lrelease", "lrelease.exe"):
            tool = Path(PySide6.__file__).parent / name
            if tool.exists():
                return str(tool)
    except ImportError:
        pass
    raise FileNotFoundError("pyside6-lrelease not found: install PySide6 into this environment")


def stale(ts: Path) -> bool:
    qm = ts.with_suffix(".qm")
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def build(force: bool = False, quiet: bool = True) -> list[Path]:
    """Builds every out-of-date .qm; returns the ones it wrote."""
    written = []
    for ts in sorted(translations_dir().glob("*.ts")):
        if not force and not stale(ts):
            continue
        qm = ts.with_suffix(".qm")
        result = subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm.exists():
            raise RuntimeError(f"lrelease failed for {ts.name}: {result.stderr.strip() or result.stdout.strip()}")
        written.append(qm)
        if not quiet:
            print(f"built {qm.relative_to(translations_dir().parent.parent)}")
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    written = build(force="--force" in args, quiet=False)
    if not written:
        print("translations up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
