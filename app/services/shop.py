"""Shop details and preferences kept in the settings table (name, address, phone, paper size)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.errors import InvalidInput
from app.models import Setting, User
from app.services.prepared import PreparedSelect
from app.services.users import acting_user, audit
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


_ALL = PreparedSelect(select(Setting.__table__.c.key, Setting.__table__.c.value))  # on every quote: compiled once


def settings_in(s: Session) -> dict[str, str]:
    """The settings read inside the caller's transaction (the printouts read everything in one)."""
    return {**DEFAULTS, **dict(_ALL.rows(s.connection()))}


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
    return set_setting(user, "print.paper", size, url)


def _paper_value(size: str) -> str:
    size = (size or "").strip().lower()
    if size not in PAPER_SIZES:
        raise InvalidInput(f"不支持的纸张：{size}（可选 {' / '.join(PAPER_SIZES)}）",
                           f"Unknown paper size: {size} (choose {', '.join(PAPER_SIZES)})")
    return size


def region_of(cfg: dict[str, str]) -> str:
    return cfg.get("shop.region") or DEFAULTS["shop.region"]


def set_region(user: UserView | None, region: str, url: str | None = None) -> str:
    """The owner (admin) sets the shop's region, whose legal floor every quote then applies; audited."""
    return set_setting(user, "shop.region", region, url)


def _region_value(region: str) -> str:
    from app.domain.law import regions
    from app.settings import law_dir

    region = (region or "").strip().lower()
    known = regions(law_dir())
    if region not in known:
        raise InvalidInput(f"未知的地区：{region}（可选 {' / '.join(known)}）",
                           f"Unknown region: {region} (choose {', '.join(known)})")
    return region


def print_choices(url: str | None = None) -> tuple[str, bool]:
    """The papers' language (the shop's, not the clerk's screen language) and whether a shop copy prints."""
    return print_choices_of(get_settings(url))


def print_choices_of(cfg: dict[str, str]) -> tuple[str, bool]:
    lang = cfg.get("print.language", "zh_CN")
    return (lang if lang in ("zh_CN", "en") else "zh_CN",
            cfg.get("print.shop_copy", "no").strip().lower() in ("yes", "1", "true", "on"))


def _keep_value(count: str) -> str:
    count = (count or "").strip()
    if not (count.isascii() and count.isdigit() and 1 <= int(count) <= 365):
        raise InvalidInput(f"保留的备份份数应为 1–365：{count}", f"Backups kept must be 1–365: {count}")
    return str(int(count))


def _folder_value(folder: str) -> str:
    folder = (folder or "").strip()
    if not folder or len(folder) > 400 or not folder.isprintable():
        raise InvalidInput(f"备份文件夹无效：{folder!r}", f"Not a usable backup folder: {folder!r}")
    return folder


def _account_value(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 40 or not name.isprintable():
        raise InvalidInput(f"用户名无效：{name!r}", f"Not a user name: {name!r}")
    return name


def _paper_language(lang: str) -> str:
    lang = (lang or "").strip()
    if lang not in ("zh_CN", "en"):
        raise InvalidInput(f"小票语言应为 zh_CN（中英双语）或 en：{lang}", f"The papers' language must be zh_CN or en: {lang}")
    return lang


def _yes_no(value: str) -> str:
    value = (value or "").strip().lower()
    if value not in ("yes", "no"):
        raise InvalidInput(f"应为 yes 或 no：{value}", f"Must be yes or no: {value}")
    return value


def _pin_digits(role: str) -> Callable[[str], str]:
    def check(digits: str) -> str:
        from app.services.pins import MAX_DIGITS, RULE_DEFAULTS

        digits, least = (digits or "").strip(), RULE_DEFAULTS[role]
        if not (digits.isascii() and digits.isdigit() and least <= int(digits) <= MAX_DIGITS):
            raise InvalidInput(f"PIN 位数应为 {least}–{MAX_DIGITS}：{digits}",
                               f"PIN length for {role} must be {least}–{MAX_DIGITS}: {digits}")
        return str(int(digits))
    return check


# The settings the whole shop shares that only the owner changes: key → (check and normalise, words).
SHARED: dict[str, tuple[Callable[[str], str], str, str]] = {
    "print.paper": (_paper_value, "打印纸张", "the paper size"),
    "shop.region": (_region_value, "门店所在地区", "the shop's region"),
    "backup.folder": (_folder_value, "备份文件夹", "the backup folder"),
    "backup.keep": (_keep_value, "保留的备份份数", "how many backups are kept"),
    "import.account": (_account_value, "收银导入账户", "the till-import account"),
    "pin.min_clerk": (_pin_digits("clerk"), "店员 PIN 位数", "the clerks' PIN length"),
    "pin.min_supervisor": (_pin_digits("supervisor"), "主管 PIN 位数", "the supervisors' PIN length"),
    "pin.min_admin": (_pin_digits("admin"), "店长 PIN 位数", "the admins' PIN length"),
    "print.language": (_paper_language, "小票语言", "the papers' language"),
    "print.shop_copy": (_yes_no, "是否打印存根联", "whether the shop copy prints"),
}


def admin_in(s: Session, user: UserView | None, zh: str, en: str) -> User:
    """The acting user as stored now (not as at sign-in), if an active admin; else NotAllowed(zh, en)."""
    return acting_user(s, user, "admin", zh, en)


def set_setting(user: UserView | None, key: str, value: str, url: str | None = None) -> str:
    """One shared setting changed by the owner (admin), checked first, audited with before and after."""
    check, zh, en = SHARED[key]
    value = check(value)
    with session_scope(url) as s:
        admin = admin_in(s, user, f"只有店长可以更改{zh}。", f"Only the owner (admin) may change {en}.")
        setting = s.get(Setting, key)
        before = setting.value if setting else DEFAULTS.get(key, "")
        if setting is None:
            s.add(Setting(key=key, value=value))
        else:
            setting.value = value
        audit(s, "setting_changed", admin.id, key, before=before, after=value)
    return value
