"""The screens' Qt translators (Qt's own + ours): installed before widgets exist, switched live."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from app import i18n
from app.settings import resources_dir

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def app_qm(lang: str) -> Path:
    """Built by `make translations` (scripts/build_translations.py); without it English shows."""
    return resources_dir() / "translations" / f"returns_desk_{lang}.qm"


def room_qms(lang: str) -> list[Path]:
    """Each room's own translations (`<room>_<lang>.qm`, one .ts per room so rooms never edit one file)."""
    return sorted(p for p in (resources_dir() / "translations").glob(f"*_{lang}.qm") if p != app_qm(lang))


def _translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    if lang == "en":
        return []
    fresh = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        fresh.append(qt)
    else:
        log.info("no qtbase_%s translation found", lang)
    ours = QTranslator(app)
    if ours.load(str(app_qm(lang))):
        fresh.append(ours)
    else:
        log.warning("no translation file %s (run `make translations`)", app_qm(lang))
    for qm in room_qms(lang):
        room = QTranslator(app)
        if room.load(str(qm)):
            fresh.append(room)
        else:
            log.warning("translation file %s does not load", qm)
    return fresh


def install(lang: str) -> str:
    """Installs (or removes) the translators for `lang` on the running QCoreApplication.

    Call before creating widgets at start-up; calling it again later switches language live
    (Qt then sends every widget a LanguageChange event).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translators")
    for old in _installed:
        app.removeTranslator(old)
    lang = i18n.choose(lang)
    fresh = _translators(app, lang)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for translator in fresh:
        app.installTranslator(translator)
    _installed[:] = fresh
    # Qt announces a new translator only while exec() runs; say it ourselves so start-up, tests and a
    # switch back to English (no translator left) all retranslate. Retranslating twice is harmless.
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # QApplication passes it on to each window by posting: deliver those now, so the switch is complete
    # when this returns (menus, tests and screenshots see the new language at once).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def _settings() -> QSettings:
    """This machine's own choices (per till, not in the shop's database)."""
    return QSettings("ReturnsDesk", "returns-desk")


def remember(lang: str) -> None:
    """The language chosen in the Language menu: the counter opens in it next time."""
    settings = _settings()
    settings.setValue("ui/language", lang)
    settings.sync()


def remembered_language(default: str) -> str:
    value = _settings().value("ui/language", default)
    return value if value in ("zh_CN", "en") else default
