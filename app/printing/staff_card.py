"""A staff card (员工卡): the shop, the person's name and role, and a Code 128 of their staff code to scan."""

from __future__ import annotations

from dataclasses import dataclass

from app.printing import frame
from app.printing.data import ShopInfo

ROLE_WORDS = {"clerk": ("店员", "Clerk"), "supervisor": ("主管", "Supervisor"), "admin": ("店长", "Owner")}


@dataclass(frozen=True)
class StaffCardData:
    display_name: str
    username: str
    role: str
    staff_code: str


def render_staff_card(card: StaffCardData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN") -> bytes:
    frame.check_lang(lang)
    sheet = frame.new_sheet(paper, card.staff_code)
    frame.shop_heading(sheet, shop, lang)
    zh, en = ROLE_WORDS.get(card.role, (card.role, card.role))
    sheet.text("Staff card" if frame.is_en(lang) else "员工卡 Staff card", sheet.size * 1.4, bold=True,
               align="center")
    sheet.space(sheet.size * 0.4)
    sheet.text(card.display_name, sheet.size * 1.8, bold=True, align="center")
    sheet.text(en if frame.is_en(lang) else f"{zh} {en}", sheet.size * 1.1, align="center")
    sheet.text(card.username, sheet.size, align="center", grey=True)
    sheet.space(sheet.size * 0.5)
    sheet.barcode(card.staff_code)
    sheet.rule()
    sheet.text("Scan at the counter, then type your PIN. Keep it; never lend it." if frame.is_en(lang)
               else "在柜台扫码后输入 PIN。请妥善保管，不得借给他人。", sheet.size * 0.9, align="center")
    return sheet.render(lambda n, t: f"{card.staff_code} · {n}/{t}")
