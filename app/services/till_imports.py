"""Imports as a person does them: only an admin (or the shop's till-import account), audited with the
file's name, SHA-256 and counts — a fake ¥499 sale or a member raised to diamond leaves a trace and a name."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import Setting, User
from app.services.imports import (
    ImportReport,
    ImportStopped,
    Progress,
    import_members,
    import_products,
    import_sales,
    read_lines,
)
from app.services.users import audit
from app.services.views import UserView

KINDS = ("sales", "products", "members")
ACCOUNT_KEY = "import.account"  # the user name of the account the watched-folder import runs as


def may_import(by: UserView | None, url: str | None = None) -> None:
    with session_scope(url, write=False) as s:
        row = s.get(User, by.id) if by is not None else None
        account = s.get(Setting, ACCOUNT_KEY)
        allowed = row is not None and row.active and (
            row.role == "admin" or (account is not None and account.value and row.username == account.value))
    if not allowed:
        raise NotAllowed("只有店长（或门店设定的收银导入账户）可以导入销售、商品和会员数据。",
                         "Only an admin (or the shop's till-import account) may import sales, products or members.")


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_file(by: UserView | None, kind: str, path: Path, url: str | None = None, *,
                mapping: Path | None = None, progress: Progress | None = None) -> ImportReport:
    """Checks the role, audits the start (so a batch committed before a crash is still attributed), the
    end with the counts, and a stop (an error, Ctrl-C) with what was committed. Sales with a mapping come
    from a till's CSV export; every path runs the same row checks."""
    if kind not in KINDS:
        raise InvalidInput(f"未知的导入类型 {kind}", f"unknown import kind {kind}")
    if mapping is not None and kind != "sales":
        raise InvalidInput("映射文件只用于导入销售", "a mapping file is only for importing sales")
    may_import(by, url)
    assert by is not None
    till = _till_reader(path, mapping)  # a mapping that does not read is refused before anything starts
    digest = file_digest(path)
    facts = {"kind": kind, "file": path.name, "sha256": digest, **({"mapping": mapping.name} if mapping else {})}
    with session_scope(url) as s:
        audit(s, "import_started", by.id, path.name, **facts)
    live: list[ImportReport] = []  # the running report (counts only what is committed), for a stop

    def track(read: int, report: ImportReport) -> None:
        live[:] = [report]
        if progress:
            progress(read, report)

    try:
        if kind == "sales":
            report = till(url, track) if till else import_sales(read_lines(path), url, track)
        else:
            report = import_products(path, url) if kind == "products" else import_members(path, url)
    except BaseException as exc:  # Ctrl-C included: the trail says what of this file is in
        imported = exc.imported if isinstance(exc, ImportStopped) else (live[0].imported if live else 0)
        with session_scope(url) as s:
            audit(s, "import_stopped", by.id, path.name, **facts, imported=imported, error=type(exc).__name__)
        raise
    with session_scope(url) as s:
        audit(s, "import_done", by.id, path.name, **facts,
              imported=report.imported, unchanged=report.unchanged, rejected=len(report.rejected))
    return report


def _till_reader(path: Path, mapping: Path | None) -> Callable[[str | None, Progress], ImportReport] | None:
    """For a till's CSV with its mapping: a function (url, progress) → report; None for JSON Lines."""
    if mapping is None or path.suffix.lower() == ".jsonl":
        return None
    from app.services.mapping import load_mapping
    from app.services.till_import import import_till_csv

    loaded = load_mapping(mapping)
    return lambda url, progress: import_till_csv(path, loaded, url, progress)
