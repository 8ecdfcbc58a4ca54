"""The drop folder the till exports into: each file imported once, audited, then moved to done/ or rejected/."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.db import session_scope
from app.errors import NotAllowed
from app.models import Setting, User
from app.services import audit
from app.services.imports import ImportReport, Progress, import_sales, read_lines
from app.services.shop import get_settings
from app.services.users import require_role
from app.services.views import UserView

FOLDER_KEY, MAPPING_KEY = "import.drop_folder", "import.mapping"  # shop settings
TILL_ACCOUNT = "till-import"  # the account the till's files are imported as (the trust issue's)
SETTLE_SECONDS = 2.0  # a file the till is still writing is left for the next check
SUFFIXES = (".csv", ".tsv", ".txt", ".jsonl")
log = logging.getLogger("returns_desk.drop_folder")


@dataclass(frozen=True)
class DroppedFile:
    name: str
    sha256: str
    report: ImportReport
    moved_to: Path


def prepare(folder: Path) -> Path:
    """The folder and its done/ and rejected/ made, readable only by the shop's account (0700)."""
    for path in (folder, folder / "done", folder / "rejected"):
        path.mkdir(parents=True, exist_ok=True)
        if os.name != "nt":  # Windows keeps its ACLs; %PROGRAMDATA% folders are set by the installer
            os.chmod(path, 0o700)
    return folder


def _ready(folder: Path, now: float) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith(".") and now - p.stat().st_mtime >= SETTLE_SECONDS)


def _import(path: Path, mapping: Path | None, url: str | None) -> ImportReport:
    if path.suffix.lower() == ".jsonl" or mapping is None:
        return import_sales(read_lines(path), url)
    from app.services.mapping import load_mapping
    from app.services.till_import import import_till_csv

    return import_till_csv(path, load_mapping(mapping), url)


def _record(path: Path, digest: str, report: ImportReport, error: str, url: str | None) -> None:
    with session_scope(url) as s:
        account = s.scalar(select(User.id).where(User.username == TILL_ACCOUNT))
        audit.append(s, "till_import.file", account, path.name, sha256=digest,
                     imported=report.imported, unchanged=report.unchanged, rejected=len(report.rejected),
                     error=error)


def _move(path: Path, target: Path, report: ImportReport, error: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = target / f"{path.stem}-{stamp}{path.suffix}"
    shutil.move(path, moved)
    if error or report.rejected:  # the owner reads why beside the file
        reasons = [error] if error else [f"第 {r.line_no} 行 / row {r.line_no}: {r.reason_zh} / {r.reason_en}"
                                         for r in report.rejected]
        moved.with_name(moved.name + ".reasons.txt").write_text("\n".join(reasons) + "\n", encoding="utf-8")
    return moved


def check(folder: Path, mapping: Path | None = None, url: str | None = None) -> list[DroppedFile]:
    """Import every settled file in the folder; a file with any rejected row goes to rejected/ (its good
    rows are in, and a corrected file dropped again adds only what is missing)."""
    prepare(folder)
    done: list[DroppedFile] = []
    for path in _ready(folder, time.time()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        error, report = "", ImportReport()
        try:
            report = _import(path, mapping, url)
        except Exception as exc:  # a file that cannot be read at all is set aside, the folder goes on
            error = str(exc)
        _record(path, digest, report, error, url)
        target = folder / ("rejected" if error or report.rejected else "done")
        moved = _move(path, target, report, error)
        log.info("%s sha256=%s imported=%d unchanged=%d rejected=%d%s → %s", path.name, digest,
                 report.imported, report.unchanged, len(report.rejected), f" error={error}" if error else "", moved)
        _log_line(folder, f"{datetime.now().isoformat(timespec='seconds')} {path.name} sha256={digest} "
                  f"imported={report.imported} unchanged={report.unchanged} rejected={len(report.rejected)}"
                  f"{' error=' + error if error else ''} -> {moved.parent.name}/{moved.name}")
        done.append(DroppedFile(path.name, digest, report, moved))
    return done


def _log_line(folder: Path, text: str) -> None:
    with (folder / "import.log").open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")


def configured(url: str | None = None) -> tuple[Path | None, Path | None]:
    """The shop's drop folder and mapping file from its settings (None when not set)."""
    cfg = get_settings(url)
    folder, mapping = cfg.get(FOLDER_KEY, ""), cfg.get(MAPPING_KEY, "")
    return (Path(folder) if folder else None), (Path(mapping) if mapping else None)


def set_folder(user: UserView | None, folder: Path, mapping: Path | None, url: str | None = None) -> None:
    """The owner chooses where the till drops its exports (and how to read them); audited."""
    if user is None:
        raise NotAllowed("设置导入文件夹需要店长登录。", "Setting the drop folder needs the owner signed in.")
    require_role(user, "admin")
    if mapping is not None:
        from app.services.mapping import load_mapping

        load_mapping(mapping)  # a mapping that does not read is refused now, not at the first drop
    prepare(folder)
    values = {FOLDER_KEY: str(folder.resolve()), MAPPING_KEY: str(mapping.resolve()) if mapping else ""}
    with session_scope(url) as s:
        for key, value in values.items():
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
        audit.append(s, "settings.drop_folder", user.id, values[FOLDER_KEY], mapping=values[MAPPING_KEY])


def import_file(user: UserView | None, path: Path, mapping: Path | None, url: str | None = None,
                progress: Progress | None = None) -> ImportReport:
    """The owner's import from the import page: admin only, audited like a dropped file."""
    if user is None:
        raise NotAllowed("导入销售需要店长登录。", "Importing sales needs the owner signed in.")
    require_role(user, "admin")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if path.suffix.lower() == ".jsonl" or mapping is None:
        report = import_sales(read_lines(path), url, progress)
    else:
        from app.services.mapping import load_mapping
        from app.services.till_import import import_till_csv

        report = import_till_csv(path, load_mapping(mapping), url, progress)
    with session_scope(url) as s:
        audit.append(s, "till_import.file", user.id, path.name, sha256=digest, imported=report.imported,
                     unchanged=report.unchanged, rejected=len(report.rejected), error="")
    return report


def example_mappings() -> list[Path]:
    """The mappings shipped in resources/mappings/, for the import page's choice."""
    from app.settings import resources_dir

    return sorted((resources_dir() / "mappings").glob("*.toml"))
