"""Shop details and preferences kept in the settings table (name, address, phone, paper size)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import Setting, User
from app.services.users import audit
from app.services.views import UserView

DEFAULTS = {
    "shop.name": "售后服务台",
    "shop.address": "",
    "shop.phone": "",
    "shop.feedback": "",
    "print.paper": "80mm",
    "shop.region": "national",  # national / shanghai / zhejiang: which legal floor applies (issue 15)
    "shop.demo": "",            # "1" in a demo database: every screen and slip says 演示 DEMO
    "print.language": "zh_CN",   # the customer's papers: zh_CN prints Chinese with English (bilingual), en English
    "print.shop_copy": "no",     # "yes": completing a return also prints the shop's signed copy of the slip
}
REGIONS = ("national", "shanghai", "zhejiang")


def is_demo(url: str | None = None) -> bool:
    return get_settings(url).get("shop.demo") == "1"


def get_settings(url: str | None = None) -> dict[str, str]:
    with session_scope(url, write=False) as s:
        return settings_in(s)


def settings_in(s: Session) -> dict[str, str]:
    """The settings read inside the caller's transaction (the printouts read everything in one)."""
    return {**DEFAULTS, **dict(s.execute(select(Setting.key, Setting.value)).all())}


def set_settings(values: dict[str, str], url: str | None = None) -> None:
    with session_scope(url) as s:
        for key, value in values.items():
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value


def shop_name(url: str | None = None) -> str:
    return get_settings(url)["shop.name"]


PAPER_SIZES = ("80mm", "58mm", "a5", "a4")   # what app.printing.layout.PAPERS can print


def paper(url: str | None = None) -> str:
    """The paper everything printed from the screens goes on (print.paper; 80 mm if unreadable)."""
    return paper_of(get_settings(url))


def paper_of(cfg: dict[str, str]) -> str:
    chosen = cfg.get("print.paper", "80mm").lower()
    return chosen if chosen in PAPER_SIZES else "80mm"


def set_paper(user: UserView | None, size: str, url: str | None = None) -> str:
    """The owner (admin) chooses the paper; anyone else is refused. Audited like any setting change."""
    size = (size or "").strip().lower()
    if size not in PAPER_SIZES:
        raise InvalidInput(f"不支持的纸张：{size}（可选 {' / '.join(PAPER_SIZES)}）",
                           f"Unknown paper size: {size} (choose {', '.join(PAPER_SIZES)})")
    denied = NotAllowed("只有店长可以更改打印纸张。", "Only the owner (admin) may change the paper size.")
    if user is None:
        raise denied
    with session_scope(url) as s:
        row = s.get(User, user.id)
        # The role as stored now, not as it was when the user signed in; unknown or inactive: no.
        if row is None or not row.active or row.role != "admin":
            raise denied
        setting = s.get(Setting, "print.paper")
        before = setting.value if setting else DEFAULTS["print.paper"]
        if setting is None:
            s.add(Setting(key="print.paper", value=size))
        else:
            setting.value = size
        audit(s, "setting_changed", row.id, "print.paper", before=before, after=size)
    return size


def region_of(cfg: dict[str, str]) -> str:
    return cfg.get("shop.region") or DEFAULTS["shop.region"]


def set_region(user: UserView | None, region: str, url: str | None = None) -> str:
    """The owner (admin) sets the shop's region, whose legal floor every quote then applies; audited."""
    from app.domain.law import regions
    from app.settings import law_dir

    region = (region or "").strip().lower()
    known = regions(law_dir())
    if region not in known:
        raise InvalidInput(f"未知的地区：{region}（可选 {' / '.join(known)}）",
                           f"Unknown region: {region} (choose {', '.join(known)})")
    denied = NotAllowed("只有店长可以更改门店所在地区。", "Only the owner (admin) may change the shop's region.")
    if user is None:
        raise denied
    with session_scope(url) as s:
        row = s.get(User, user.id)
        if row is None or not row.active or row.role != "admin":
            raise denied
        setting = s.get(Setting, "shop.region")
        before = setting.value if setting else DEFAULTS["shop.region"]
        if setting is None:
            s.add(Setting(key="shop.region", value=region))
        else:
            setting.value = region
        audit(s, "setting_changed", row.id, "shop.region", before=before, after=region)
    return region


def print_choices(url: str | None = None) -> tuple[str, bool]:
    """The papers' language (the shop's, not the clerk's screen language) and whether a shop copy prints."""
    return print_choices_of(get_settings(url))


def print_choices_of(cfg: dict[str, str]) -> tuple[str, bool]:
    lang = cfg.get("print.language", "zh_CN")
    return (lang if lang in ("zh_CN", "en") else "zh_CN",
            cfg.get("print.shop_copy", "no").strip().lower() in ("yes", "1", "true", "on"))
