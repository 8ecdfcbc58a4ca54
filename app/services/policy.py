"""The policy in force: the one an admin installed into the database, else the file; re-read only on a change."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.law import Floor, load_floor
from app.domain.policy import Policy, load_policy, parse_policy
from app.errors import InvalidInput
from app.models import InstalledPolicy, utcnow
from app.services.users import audit
from app.services.views import UserView
from app.settings import SHOP_TZ, active_policy_path, law_dir, shop_policy_path

log = logging.getLogger(__name__)
_cache: dict[tuple[str, int, int], Policy] = {}
_last_good: dict[str, Policy] = {}


def current_policy() -> Policy:
    """The policy file's, parsed once per version of the file: a quote runs on every change the clerk makes.

    A stat (mtime, size) is the cheap check for a change. A file broken after it was read once leaves
    the last good version in force (the admin is told at sign-in, `file_warning`).
    """
    path = active_policy_path()
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    policy = _cache.get(key)
    if policy is None:
        try:
            policy = load_policy(path, SHOP_TZ)
        except InvalidInput:
            if str(path) not in _last_good:
                raise
            log.warning("policy file %s is broken; the last good version stays in force", path)
            return _last_good[str(path)]
        _cache.clear()
        _cache[key] = _last_good[str(path)] = policy
    return policy


_installed: dict[tuple[str, str], Policy] = {}


def installed(s: Session) -> InstalledPolicy | None:
    return s.scalar(select(InstalledPolicy).order_by(InstalledPolicy.id.desc()).limit(1))


def policy_in_force(s: Session) -> Policy:
    """The newest policy installed into the shop's database (the same on every till); before the first
    `policy install`, the policy file's."""
    row = s.execute(select(InstalledPolicy.version, InstalledPolicy.source)
                    .order_by(InstalledPolicy.id.desc()).limit(1)).first()
    if row is None:
        return current_policy()
    policy = _installed.get((row.version, row.source))
    if policy is None:  # the version is the text's hash: one parse per text, on any database
        text = s.scalar(select(InstalledPolicy.text).where(InstalledPolicy.version == row.version).limit(1))
        policy = parse_policy(text or "", f"{row.source} [{row.version}]", SHOP_TZ)
        _installed[(row.version, row.source)] = policy
    return policy


def policy_at(url: str | None = None) -> Policy:
    with session_scope(url, write=False) as s:
        return policy_in_force(s)


_PG_INSTALL_LOCK = 0x52445F504F4C  # "RD_POL": one policy install at a time across the shop's tills


def install(user: UserView | None, file: Path, url: str | None = None) -> tuple[Policy, str | None]:
    """An admin puts a checked policy file into the database; every till decides under it from the next
    quote on. Returns the policy and the version it replaced (None: it was already in force)."""
    from app.services.shop import admin_in

    policy = load_policy(file, SHOP_TZ)   # refuses a broken file naming line and key; nothing written
    words = Path(file).read_text(encoding="utf-8")
    with session_scope(url) as s:
        if s.get_bind().dialect.name == "postgresql":
            # two installs at once would both read the old version and both install (SQLite: BEGIN IMMEDIATE)
            s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_INSTALL_LOCK})
        admin = admin_in(s, user, "只有店长可以安装退换货政策。", "Only the owner (admin) may install the return policy.")
        before = policy_in_force(s).version
        if installed(s) is not None and before == policy.version:
            return policy, None
        s.add(InstalledPolicy(version=policy.version, text=words, source=Path(file).name[:200],
                              installed_at=utcnow(), installed_by_id=admin.id))
        audit(s, "policy_installed", admin.id, policy.version, before=before, file=Path(file).name)
    return policy, before


def file_warning(s: Session) -> tuple[str, str] | None:
    """What the admin hears at sign-in about the data folder's policy file: broken, or not in force."""
    path = shop_policy_path()
    if not path.exists():
        return None
    try:
        own = load_policy(path, SHOP_TZ)
    except InvalidInput as exc:
        kept = policy_in_force_or_none(s)
        return (f"策略文件有错，未使用：{exc.zh}。现行政策版本 {kept}。",
                f"The policy file is broken and not used: {exc.en}. In force: version {kept}.")
    row = installed(s)
    if row is not None and row.version != own.version:
        return ((f"数据文件夹里的策略文件（版本 {own.version}）未生效：现行政策是已安装的版本 {row.version}。"
                 "要使用它，请运行 returns-desk policy install。"),
                (f"The policy file in the data folder (version {own.version}) is not in force: the installed "
                 f"version {row.version} is. Run `returns-desk policy install` to use it."))
    return None


def policy_in_force_or_none(s: Session) -> str:
    try:
        return policy_in_force(s).version
    except InvalidInput:
        return "-"


_floors: dict[tuple[str, str, int], Floor] = {}


def current_floor(region: str) -> Floor:
    """The legal floor of `region` from the shipped files, parsed once per version of them. They are the
    program's, not the owner's: the folder's stat is the check (a file replaced, added or removed, as an
    update does, changes it) — not a listing and a stat of every file on every quote."""
    directory = law_dir()
    key = (str(directory), region, directory.stat().st_mtime_ns)
    floor = _floors.get(key)
    if floor is None:
        floor = _floors[key] = load_floor(directory, region)
    return floor
