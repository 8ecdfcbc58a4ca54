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


_floors: dict[tuple[str, str, tuple[tuple[str, int], ...]], Floor] = {}


def current_floor(region: str) -> Floor:
    """The legal floor of `region` from the shipped files, parsed once per version of them."""
    directory = law_dir()
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in directory.glob("*.toml")))
    key = (str(directory), region, stamp)
    floor = _floors.get(key)
    if floor is None:
        floor = _floors[key] = load_floor(directory, region)
    return floor
