"""Errors a clerk can understand: each carries its message in Chinese and English."""

from __future__ import annotations


class DeskError(Exception):
    """A known, user-facing failure. Anything else is a bug and is reported as 'nothing was saved'."""

    exit_code = 1

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh_CN") -> str:
        return self.en if lang.startswith("en") else self.zh

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


class NotFound(DeskError):
    """A code, receipt, member or record that does not exist."""


class InvalidInput(DeskError):
    """Input that breaks a rule: more than returnable, a bad quantity, a malformed file."""

    exit_code = 2


class NotAllowed(DeskError):
    """The signed-in user may not do this (role, own transaction, locked out)."""


class DatabaseBusy(DeskError):
    """Another till holds the database; trying again in a moment works."""

    def __init__(self) -> None:
        super().__init__("数据库正忙，请稍后再试。", "The database is busy; please try again in a moment.")


INTERNAL_ERROR = DeskError(
    "内部错误，本次操作未保存任何内容。已记录日志。",
    "Internal error: nothing was saved. The details were logged.",
)
