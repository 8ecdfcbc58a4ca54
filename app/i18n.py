"""The screens' language: Qt translators (Qt's own + ours) installed before widgets exist, switched live."""

from __future__ import annotations

import logging
from pathlib import Path

from app.i18n_build import build, translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "translators": []}


def current_language() -> str:
    return str(_state["lang"])


def is_english() -> bool:
    return current_language().startswith("en")


def pick(zh: str, en: str) -> str:
    """Wording the domain already carries in both languages, chosen by the screens' language."""
    return en if is_english() else zh


def app_qm(lang: str) -> Path:
    return translations_dir() / f"returns_desk_{lang}.qm"


def _ensure_built() -> None:
    try:
        build()
    except (OSError, RuntimeError) as exc:  # a missing tool must not stop the counter: English shows
        log.warning("could not build translations: %s", exc)


def install(lang: str) -> str:
    """Installs (or removes) the translators for `lang` on the running QCoreApplication.

    Call before creating widgets at start-up; calling it again later switches language live
    (Qt then sends every widget a LanguageChange event).
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translators")
    for old in list(_state["translators"]):  # type: ignore[union-attr]
        app.removeTranslator(old)
    fresh: list[QTranslator] = []
    if lang != "en":
        _ensure_built()
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            fresh.append(qt)
        else:
            log.info("no qtbase_%s translation found", lang)
        ours = QTranslator(app)
        if ours.load(str(app_qm(lang))):
            fresh.append(ours)
        else:
            log.warning("no translation file %s", app_qm(lang))
    _state["lang"] = lang
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for translator in fresh:
        app.installTranslator(translator)
    _state["translators"] = fresh
    # Qt announces a new translator only while exec() runs; say it ourselves so start-up, tests and a
    # switch back to English (no translator left) all retranslate. Retranslating twice is harmless.
    from PySide6.QtCore import QEvent

    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # QApplication passes it on to each window by posting: deliver those now, so the switch is complete
    # when this returns (menus, tests and screenshots see the new language at once).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang
