"""What a person is told as they sign in: the admin the clock and locked accounts, a must-change PIN."""

from __future__ import annotations

from dataclasses import dataclass

from app.db import session_scope
from app.services import staff
from app.services.policy import file_warning
from app.services.startup import clock_warning
from app.services.views import UserView


@dataclass(frozen=True)
class Notice:
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


# Other rooms add what their people must see at sign-in (escalated complaints for supervisors, a broken
# policy file): each hook takes the signed-in user and an open read-only session and returns notices.
HOOKS: list = []


def at_sign_in(user: UserView, url: str | None = None) -> list[Notice]:
    found: list[Notice] = []
    if user.must_change_pin:
        found.append(Notice("店长重置了你的 PIN：请先设一个新的。", "Your PIN was reset: set a new one first."))
    with session_scope(url, write=False) as s:
        if user.role == "admin":
            clock = clock_warning(s)
            if clock is not None:
                found.append(Notice(clock.zh, clock.en))
            locked = staff.locked_names(s)
            if locked:
                names = "、".join(locked)
                found.append(Notice(f"以下账户因 PIN 输错被锁定：{names}（用户页可解锁）。",
                                    f"Locked after wrong PINs: {', '.join(locked)} (unlock them on the users page)."))
            policy = file_warning(s)   # a broken or not-installed policy file: the policy in force stays
            if policy is not None:
                found.append(Notice(*policy))
        for hook in HOOKS:
            found.extend(hook(user, s))
    return found
