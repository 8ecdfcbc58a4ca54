"""The policy in force: the owner's copy or the default, re-read only when the file changes."""

from __future__ import annotations

from app.domain.law import Floor, load_floor
from app.domain.policy import Policy, load_policy
from app.settings import SHOP_TZ, active_policy_path, law_dir

_cache: dict[tuple[str, int, int], Policy] = {}


def current_policy() -> Policy:
    """Parsed once per version of the file: a quote runs on every change the clerk makes.

    The one policy loader of the running program; a stat (mtime, size) is the cheap check for a change.
    """
    path = active_policy_path()
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    policy = _cache.get(key)
    if policy is None:
        _cache.clear()
        policy = _cache[key] = load_policy(path, SHOP_TZ)
    return policy


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
