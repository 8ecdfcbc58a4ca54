"""The shop's service standards from its settings: complaint deadlines, follow-up delay, opening days, holidays."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.service_clock import ServiceStandards
from app.errors import InvalidInput
from app.models import Setting
from app.services.shop import settings_in
from app.services.users import acting_user, audit
from app.services.views import UserView

HOURS = {"service.respond_hours": "respond_hours", "service.resolve_hours": "resolve_hours",
         "service.urgent_respond_hours": "urgent_respond_hours",
         "service.urgent_resolve_hours": "urgent_resolve_hours", "service.followup_days": "followup_days"}
KEYS = (*HOURS, "shop.open_days", "shop.holidays", "shop.opens")
# The longest a standard may be: a month to answer or resolve, a year before the follow-up call (more
# is a typo; a deadline ten thousand years ahead overflows the date and stops the complaint register).
LONGEST = {"service.followup_days": 365}
LONGEST_HOURS = 24 * 31


def standards_in(s: Session) -> ServiceStandards:
    """The standards as the owner set them; a setting that does not read keeps the default."""
    cfg = settings_in(s)
    values: dict[str, object] = {}
    for key, name in HOURS.items():
        if cfg.get(key, "").strip().isdigit() and 0 < int(cfg[key]) <= LONGEST.get(key, LONGEST_HOURS):
            values[name] = int(cfg[key])
    try:
        values.update(_days_and_times(cfg))
    except ValueError:
        pass  # set_standards refuses bad values; an old hand-edited one must not stop the counter
    return ServiceStandards(**values)  # type: ignore[arg-type]


def current(url: str | None = None) -> ServiceStandards:
    with session_scope(url, write=False) as s:
        return standards_in(s)


def _days_and_times(cfg: dict[str, str]) -> dict[str, object]:
    out: dict[str, object] = {}
    if cfg.get("shop.open_days"):
        days = frozenset(int(c) for c in cfg["shop.open_days"] if c.strip())
        if not days or not days <= set(range(1, 8)):
            raise ValueError(cfg["shop.open_days"])
        out["open_weekdays"] = days
    if cfg.get("shop.holidays"):
        out["holidays"] = frozenset(date.fromisoformat(d.strip()) for d in cfg["shop.holidays"].split(",")
                                    if d.strip())
    if cfg.get("shop.opens"):
        out["opens"] = time.fromisoformat(cfg["shop.opens"])
    return out


def set_standards(user: UserView, values: dict[str, str], url: str | None = None) -> ServiceStandards:
    """The owner (admin) edits the standards; each change is checked, then audited."""
    for key, value in values.items():
        if key not in KEYS:
            raise InvalidInput(f"未知的服务标准设置：{key}", f"Unknown service standard setting: {key}")
        longest = LONGEST.get(key, LONGEST_HOURS)
        if key in HOURS and not (value.isascii() and value.isdigit() and 0 < int(value) <= longest):
            raise InvalidInput(f"{key} 必须是 1–{longest} 之间的整数。", f"{key} must be a whole number from 1 to {longest}.")
    try:
        _days_and_times({k: v for k, v in values.items() if k.startswith("shop.")})
    except ValueError as exc:
        raise InvalidInput(f"营业日、节假日或开门时间写法不对：{exc}",
                           f"Opening days (e.g. 123456), holidays (2026-10-01,2026-10-02) or opening time "
                           f"(09:00) do not read: {exc}") from None
    with session_scope(url) as s:
        row = acting_user(s, user, "admin", "只有店长可以更改服务标准。",
                          "Only the owner (admin) may change the service standards.")
        for key, value in values.items():
            setting = s.get(Setting, key)
            before = setting.value if setting else ""
            if setting is None:
                s.add(Setting(key=key, value=value))
            else:
                setting.value = value
            audit(s, "setting_changed", row.id, key, before=before, after=value)
        s.flush()
        return standards_in(s)
