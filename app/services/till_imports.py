"""Imports as a person does them: only an admin (or the shop's till-import account), audited with the
file's name, SHA-256 and counts — a fake ¥499 sale or a member raised to diamond leaves a trace and a name."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import Setting, User
from app.services.imports import (
    ImportReport,
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


def import_file(by: UserView | None, kind: str, path: Path, url: str | None = None) -> ImportReport:
    """Checks the role, audits the start (so a batch committed before a crash is still attributed) and
    the end with the counts."""
    if kind not in KINDS:
        raise InvalidInput(f"未知的导入类型 {kind}", f"unknown import kind {kind}")
    may_import(by, url)
    assert by is not None
    digest = file_digest(path)
    with session_scope(url) as s:
        audit(s, "import_started", by.id, path.name, kind=kind, file=path.name, sha256=digest)
    if kind == "sales":
        report = import_sales(read_lines(path), url)
    elif kind == "products":
        report = import_products(path, url)
    else:
        report = import_members(path, url)
    with session_scope(url) as s:
        audit(s, "import_done", by.id, path.name, kind=kind, file=path.name, sha256=digest,
              imported=report.imported, unchanged=report.unchanged, rejected=len(report.rejected))
    return report
