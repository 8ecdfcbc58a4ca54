"""The screens' language as plain state (no Qt): which one is chosen, and picking a bilingual text by it."""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
_state = {"lang": DEFAULT_LANGUAGE}


def current_language() -> str:
    return _state["lang"]


def is_english() -> bool:
    return current_language().startswith("en")


def pick(zh: str, en: str) -> str:
    """Wording the domain already carries in both languages, chosen by the screens' language."""
    return en if is_english() else zh


def choose(lang: str) -> str:
    """Makes `lang` (or the default, for one the counter does not ship) the current language."""
    _state["lang"] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return _state["lang"]
