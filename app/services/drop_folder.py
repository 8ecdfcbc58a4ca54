"""The drop folder the till exports into: each file imported as the shop's till-import account (or a
signed-in admin), audited, then moved to done/ or rejected/."""

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
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import NotAllowed
from app.models import Setting, User
from app.services.imports import ImportReport
from app.services.shop import get_settings
from app.services.till_imports import ACCOUNT_KEY, import_file
from app.services.users import audit, require_role, view
from app.services.views import UserView

FOLDER_KEY, MAPPING_KEY = "import.drop_folder", "import.mapping"  # shop settings
TILL_ACCOUNT = "till-import"  # the suggested name of the account the till's files are imported as
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


def machine_account(url: str | None = None) -> UserView:
    """The account the owner named for the unattended watcher: it signs in with no PIN, so it must be a
    dedicated, active, non-admin account; disabling it stops the watcher at its next check."""
    with session_scope(url, write=False) as s:
        return machine_account_in(s)


def machine_account_in(s: Session) -> UserView:
    name = s.get(Setting, ACCOUNT_KEY)
    row = s.scalar(select(User).where(User.username == name.value)) if name and name.value else None
    if row is None or not row.active or row.role == "admin":
        raise NotAllowed("没有可用的收银导入账户：店长用 watch --set 文件夹 --account 账户 --user 店长 设定"
                         "（账户须存在、未停用、不是店长）。",
                         "No usable till-import account: the owner names one with watch --set FOLDER "
                         "--account NAME --user OWNER (it must exist, be active and not be an admin).")
    return view(row)


def _move(path: Path, target: Path, report: ImportReport, error: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = target / f"{path.stem}-{stamp}{path.suffix}"
    shutil.move(path, moved)
    if error or report.rejected:  # the owner reads why beside the file
        reasons = [error] if error else [f"第 {r.line_no} 行 / row {r.line_no}: {r.reason_zh} / {r.reason_en}"
                                         for r in report.rejected]
        moved.with_name(moved.name + ".reasons.txt").write_text("\n".join(reasons) + "\n", encoding="utf-8")
    return moved


def check(folder: Path, mapping: Path | None = None, url: str | None = None,
          by: UserView | None = None) -> list[DroppedFile]:
    """Import every settled file in the folder as `by` (default: the shop's till-import account), each
    audited by till_imports with its name, SHA-256 and counts; a file with any rejected row goes to
    rejected/ (its good rows are in, and a corrected file dropped again adds only what is missing)."""
    by = by or machine_account(url)
    prepare(folder)
    done: list[DroppedFile] = []
    for path in _ready(folder, time.time()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        error, report = "", ImportReport()
        try:
            report = import_file(by, "sales", path, url, mapping=mapping)
        except NotAllowed:
            raise  # the account was disabled meanwhile: stop, leave the file for later
        except Exception as exc:  # a file that cannot be read at all is set aside, the folder goes on
            log.exception("%s could not be imported", path.name)
            error = str(exc)
        target = folder / ("rejected" if error or report.rejected else "done")
        moved = _move(path, target, report, error)
        counts = f"imported={report.imported} unchanged={report.unchanged} rejected={len(report.rejected)}"
        log.info("%s sha256=%s %s%s → %s", path.name, digest, counts, f" error={error}" if error else "", moved)
        _log_line(folder, f"{datetime.now().isoformat(timespec='seconds')} {path.name} sha256={digest} "
                  f"user={by.username} {counts}{' error=' + error if error else ''} -> {moved.parent.name}/{moved.name}")
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


def set_folder(user: UserView | None, folder: Path, mapping: Path | None, account: str = TILL_ACCOUNT,
               url: str | None = None) -> None:
    """The owner chooses where the till drops its exports, how to read them and which account imports
    them; audited."""
    if user is None:
        raise NotAllowed("设置导入文件夹需要店长登录。", "Setting the drop folder needs the owner signed in.")
    require_role(user, "admin", url)
    if mapping is not None:
        from app.services.mapping import load_mapping

        load_mapping(mapping)  # a mapping that does not read is refused now, not at the first drop
    values = {FOLDER_KEY: str(folder.resolve()), MAPPING_KEY: str(mapping.resolve()) if mapping else "",
              ACCOUNT_KEY: account}
    with session_scope(url) as s:
        old = {k: s.get(Setting, k) for k in values}
        for key, value in values.items():
            if old[key] is None:
                s.add(Setting(key=key, value=value))
            else:
                old[key].value = value
        s.flush()
        machine_account_in(s)
        audit(s, "settings.drop_folder", user.id, values[FOLDER_KEY], mapping=values[MAPPING_KEY], account=account)
    prepare(folder)


def example_mappings() -> list[Path]:
    """The mappings shipped in resources/mappings/, for the import page's choice."""
    from app.settings import resources_dir

    return sorted((resources_dir() / "mappings").glob("*.toml"))
