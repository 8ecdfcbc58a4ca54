"""A user's staff card as PDF bytes (admin only; audited); a user without a staff code is given one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db import private_file, session_scope
from app.errors import NotFound
from app.models import User
from app.printing.staff_card import StaffCardData, render_staff_card
from app.services.documents import shop_info_in
from app.services.shop import paper_of, settings_in
from app.services.staff import acting_admin, new_staff_code
from app.services.users import audit
from app.services.views import UserView


def card_pdf(by: UserView, username: str, url: str | None = None, lang: str = "zh_CN") -> bytes:
    with session_scope(url) as s:
        admin = acting_admin(s, by)
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            raise NotFound(f"没有用户 {username.strip()}。", f"No user {username.strip()}.")
        if not user.staff_code:
            user.staff_code = new_staff_code(s)
        audit(s, "staff_card_printed", admin.id, user.username)
        data = StaffCardData(user.display_name, user.username, user.role, user.staff_code)
        shop, paper = shop_info_in(s), paper_of(settings_in(s))
    return render_staff_card(data, shop, paper, lang)


def save(path: Path, pdf: bytes) -> Path:
    """The card holds the code that stands for the user at the counter: owner-only file."""
    private_file(path)
    path.write_bytes(pdf)
    return path
