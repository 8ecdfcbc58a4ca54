"""A slip, coupon or voucher as raw ESC/POS: GB18030 text, the printer's own Code 128, paper cut, drawer kick."""

from __future__ import annotations

import logging
import unicodedata

from escpos.printer import Dummy

from app.printing.data import CouponData, ShopInfo, SlipData, VoucherData
from app.printing.labels import money, one, zh_en
from app.printing.slip_facts import slip_facts

# Chinese thermal printers (Xprinter, Epson TM-T88 CN, Sunmi…) take GB18030 after FS & (Chinese mode on).
CHINESE_ON = b"\x1c\x26"
COLUMNS = {"80mm": 48, "58mm": 32}   # font A is 12 dots wide: 576 dots = 48, 384 dots = 32 columns
DRAWER_PIN = 2                        # pin 2 is the drawer socket on every common printer

# python-escpos says which barcode renderer it used on every call; the till's log needs none of it.
logging.getLogger("escpos").setLevel(logging.WARNING)


def width_of(text: str) -> int:
    """Printed columns: a Chinese character (or full-width sign) takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int) -> list[str]:
    """Pieces of at most `columns` printed columns; English breaks at a space when it can."""
    out: list[str] = []
    rest = text
    while width_of(rest) > columns:
        cut, used = 0, 0
        while cut < len(rest) and used + width_of(rest[cut]) <= columns:
            used += width_of(rest[cut])
            cut += 1
        space = rest.rfind(" ", 0, cut)
        if space > cut // 2 and rest[cut:cut + 1] not in ("", " "):
            cut = space + 1
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*out, rest]


class Roll:
    """Commands for one roll document, gathered on python-escpos's Dummy printer (its output is the bytes)."""

    def __init__(self, paper: str = "80mm") -> None:
        self.columns = COLUMNS.get(paper, 48)
        self.p = Dummy()
        self.p.hw("INIT")
        self.p._raw(CHINESE_ON)

    def line(self, text: str = "", *, align: str = "left", bold: bool = False, big: bool = False) -> None:
        """One line, wrapped at the roll's width: the printer would wrap it anyway, mid-character."""
        self.p.set(align=align, bold=bold, double_height=big, double_width=big, normal_textsize=not big)
        for piece in wrap(text, self.columns // 2 if big else self.columns):
            self.p._raw(piece.encode("gb18030", errors="replace") + b"\n")

    def pair(self, left: str, right: str, *, bold: bool = False) -> None:
        """Label at the left, amount at the right; a label too long for one line gets its own."""
        gap = self.columns - width_of(left) - width_of(right)
        if gap < 1:
            self.line(left, bold=bold)
            self.line(" " * max(0, self.columns - width_of(right)) + right, bold=bold)
        else:
            self.line(left + " " * gap + right, bold=bold)

    def rule(self) -> None:
        self.line("-" * self.columns)

    def code(self, code: str) -> None:
        # Code set B ("{B") carries letters and digits; the printer draws the bars itself, on its dot grid.
        self.p.set(align="center", normal_textsize=True)
        self.p.barcode("{B" + code, "CODE128", height=80, width=2, pos="BELOW", function_type="B")

    def kick(self) -> None:
        self.p.cashdraw(DRAWER_PIN)

    def end(self, cut: bool = True) -> bytes:
        if cut:
            self.p.cut()
        return bytes(self.p.output)


def _heading(roll: Roll, shop: ShopInfo, title_key: str, lang: str, *marks: str) -> None:
    english = lang.startswith("en")
    roll.line(shop.name_en if english and shop.name_en else shop.name, align="center", bold=True, big=True)
    if shop.address:
        roll.line(shop.address, align="center")
    if shop.phone:
        roll.line(("Tel " if english else "电话 ") + shop.phone, align="center")
    roll.rule()
    roll.line(zh_en(title_key, lang), align="center", bold=True)
    if marks:
        roll.line("  ".join(zh_en(m, lang) for m in marks), align="center")


def slip_commands(slip: SlipData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN",
                  copy: str = "customer", *, kick: bool = False) -> bytes:
    """The slip the PDF shows, as printer commands; `kick` opens the cash drawer first (cash going back)."""
    roll = Roll(paper)
    if kick:
        roll.kick()
    marks = ["customer_copy" if copy == "customer" else "shop_copy"] + (["reprint"] if slip.reprint else [])
    _heading(roll, shop, "exchange_slip" if slip.kind == "exchange" else "return_slip", lang, *marks)
    if slip.status == "voided":
        roll.line(zh_en("voided", lang), align="center", bold=True, big=True)
    roll.code(slip.number)
    for label, value in slip_facts(slip, shop.tz, lang):
        roll.pair(label, value)
    roll.rule()
    for line in slip.returned:
        roll.line(line.name_en if lang.startswith("en") and line.name_en else line.name_zh)
        roll.pair(f"  {line.qty} x {one(line.reason, lang)}", money(line.refund))
    for ex in slip.exchanged:
        roll.line(ex.name_en if lang.startswith("en") and ex.name_en else ex.name_zh)
        roll.pair(f"  {ex.qty} x {money(ex.unit_price)}", money(ex.amount))
    roll.rule()
    _money(roll, slip, lang)
    if copy == "shop":
        roll.line()
        roll.line(zh_en("signature", lang) + ": ____________")
    elif shop.feedback:
        roll.line(shop.feedback_en if lang.startswith("en") and shop.feedback_en else shop.feedback, align="center")
    roll.line()
    return roll.end()


def _money(roll: Roll, slip: SlipData, lang: str) -> None:
    if slip.price_difference:
        key = "price_difference_paid" if slip.price_difference > 0 else "price_difference_refunded"
        roll.pair(zh_en(key, lang), money(abs(slip.price_difference)), bold=True)
    if slip.refunds or slip.kind == "return":
        roll.pair(zh_en("refund_total", lang), money(slip.refund_total), bold=True)
        for tender in slip.refunds:
            roll.pair("  " + zh_en(tender.method, lang), money(tender.amount))
    if slip.points_reversed:
        roll.pair(zh_en("points_reversed", lang), f"{slip.points_reversed:,}")
    if slip.coupon_code:
        roll.pair(zh_en("goodwill_coupon", lang), slip.coupon_code)
    if slip.voucher_code:
        roll.pair(zh_en("store_credit_issued", lang), slip.voucher_code)


def coupon_commands(coupon: CouponData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN") -> bytes:
    roll = Roll(paper)
    _heading(roll, shop, "coupon_title", lang)
    worth = f"{coupon.percent}%" if coupon.percent else money(coupon.value)
    roll.line(worth, align="center", bold=True, big=True)
    roll.code(coupon.code)
    roll.pair(zh_en("valid", lang), f"{coupon.valid_from.isoformat()} ~ {coupon.valid_to.isoformat()}")
    if coupon.min_spend:
        roll.line(zh_en("min_spend", lang).format(min=money(coupon.min_spend)))
    roll.line()
    return roll.end()


def voucher_commands(voucher: VoucherData, shop: ShopInfo, paper: str = "80mm", lang: str = "zh_CN") -> bytes:
    roll = Roll(paper)
    _heading(roll, shop, "voucher_title", lang)
    roll.line(money(voucher.amount), align="center", bold=True, big=True)
    roll.code(voucher.code)
    if voucher.expires:
        roll.pair(zh_en("expires", lang), voucher.expires.isoformat())
    roll.line()
    return roll.end()


def drawer_kick() -> bytes:
    """Only the drawer pulse: a cash refund whose slip goes to a printer without a drawer socket."""
    roll = Roll()
    roll.kick()
    return roll.end(cut=False)
