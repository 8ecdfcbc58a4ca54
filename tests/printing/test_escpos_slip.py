"""Raw ESC/POS: the bytes python-escpos's Dummy printer receives for a slip, a coupon and a drawer kick."""

from __future__ import annotations

from dataclasses import replace

from escpos.printer import Dummy

from app.printing import samples
from app.printing.escpos_slip import (
    CHINESE_ON,
    coupon_commands,
    drawer_kick,
    slip_commands,
    width_of,
)
from app.services.print_backends import send_raw

INIT = b"\x1b@"
CUT = b"\x1dV\x00"
KICK = b"\x1bp\x00" + bytes([50, 50])   # ESC p, pin 2 (m=0), 100 ms on, 100 ms off


def _code128(code: str) -> bytes:
    """What python-escpos sends for the printer's own Code 128 (GS k 73, length, "{B" + code)."""
    reference = Dummy()
    reference.barcode("{B" + code, "CODE128", height=80, width=2, pos="BELOW", function_type="B")
    return bytes(reference.output)


def test_a_slip_is_gb18030_text_the_printers_own_code128_and_a_cut():
    slip = samples.slip()
    sent = send_raw("dummy", slip_commands(slip, samples.SHOP)).output
    assert sent.startswith(INIT + CHINESE_ON) and sent.endswith(CUT)
    assert b"\x1dkI" + bytes([len(slip.number) + 2]) + b"{B" + slip.number.encode() in sent
    assert _code128(slip.number).split(b"\x1dk")[1] in sent
    assert samples.SHOP.name.encode("gb18030") in sent and "退款合计".encode("gb18030") in sent
    assert "退货单".encode("gb18030") in sent
    assert slip.refunds[0].amount and "¥".encode("gb18030") in sent
    assert "退款".encode() not in sent      # never UTF-8: a Chinese printer would print mojibake
    assert KICK not in sent                         # the drawer opens only when asked


def test_the_drawer_kick_is_the_pulse_on_pin_2_and_a_slip_may_start_with_it():
    assert drawer_kick() == INIT + CHINESE_ON + KICK
    kicked = slip_commands(samples.slip(), samples.SHOP, kick=True)
    assert kicked.index(KICK) < kicked.index(b"\x1dk")      # drawer opens before the code prints


def test_every_line_fits_the_roll_in_columns_and_58mm_is_narrower():
    for paper, columns in (("80mm", 48), ("58mm", 32)):
        sent = slip_commands(samples.slip(long_names=True), samples.SHOP, paper)
        for raw in sent.split(b"\n"):
            text = raw.rsplit(b"\x1ba", 1)[-1][1:].decode("gb18030", errors="ignore")
            printable = "".join(ch for ch in text if ch.isprintable())
            assert width_of(printable) <= columns, (paper, printable)


def test_a_shop_copy_has_the_signature_line_and_an_english_slip_is_english():
    shop_copy = slip_commands(samples.slip(), samples.SHOP, copy="shop")
    assert "顾客签名".encode("gb18030") in shop_copy
    english = slip_commands(replace(samples.slip(), reprint=True), samples.SHOP, lang="en")
    assert b"Total refund" in english and b"REPRINT" in english and "退".encode("gb18030") not in english


def test_a_coupon_carries_its_code_as_code128():
    coupon = samples.coupon()
    sent = send_raw("dummy", coupon_commands(coupon, samples.SHOP)).output
    assert b"{B" + coupon.code.encode() in sent and sent.endswith(CUT)
