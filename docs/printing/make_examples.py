"""Render every example document to docs/printing/ (PDF + a 100 dpi PNG of its first page)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.printing import (
    render_coupon,
    render_end_of_day,
    render_policy_notice,
    render_return_slip,
    render_voucher,
    samples,
)
from app.settings import default_policy_path

HERE = Path(__file__).resolve().parent

EXAMPLES = {
    "return-slip-80mm-zh": lambda: render_return_slip(samples.slip(), samples.SHOP, "80mm", "zh_CN"),
    "return-slip-58mm-zh-shop": lambda: render_return_slip(samples.slip(), samples.SHOP, "58mm", "zh_CN", "shop"),
    "return-slip-a5-zh-shop": lambda: render_return_slip(samples.slip(), samples.SHOP, "a5", "zh_CN", "shop"),
    "exchange-slip-80mm-en": lambda: render_return_slip(samples.slip("exchange"), samples.SHOP, "80mm", "en"),
    "exchange-slip-80mm-zh-coupon": lambda: render_return_slip(samples.slip("exchange", coupon_share=412),
                                                               samples.SHOP, "80mm", "zh_CN"),
    "return-slip-a5-zh-long": lambda: render_return_slip(samples.slip(lines=8, long_names=True), samples.SHOP, "a5", "zh_CN"),
    "coupon-80mm-zh": lambda: render_coupon(samples.coupon(), samples.SHOP, "80mm", "zh_CN"),
    "coupon-58mm-zh-percent": lambda: render_coupon(samples.coupon(percent=True), samples.SHOP, "58mm", "zh_CN"),
    "coupon-58mm-en-percent": lambda: render_coupon(samples.coupon(percent=True), samples.SHOP, "58mm", "en"),
    "voucher-80mm-zh": lambda: render_voucher(samples.voucher(), samples.SHOP, "80mm", "zh_CN"),
    "end-of-day-a4-zh": lambda: render_end_of_day(samples.end_of_day(), samples.SHOP, "a4", "zh_CN"),
    "end-of-day-a4-en": lambda: render_end_of_day(samples.end_of_day(), samples.SHOP, "a4", "en"),
    "end-of-day-80mm-en": lambda: render_end_of_day(samples.end_of_day(6), samples.SHOP, "80mm", "en"),
    "policy-notice-a4-zh": lambda: render_policy_notice(samples.policy_notice(default_policy_path()), samples.SHOP, "a4", "zh_CN"),
    "policy-notice-a4-en": lambda: render_policy_notice(samples.policy_notice(default_policy_path()), samples.SHOP, "a4", "en"),
    "policy-notice-58mm-en": lambda: render_policy_notice(samples.policy_notice(default_policy_path()), samples.SHOP, "58mm", "en"),
}


def main(names: list[str]) -> None:
    for name, render in EXAMPLES.items():
        if names and name not in names:
            continue
        pdf = HERE / f"{name}.pdf"
        pdf.write_bytes(render())
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-png", "-singlefile", str(pdf), str(HERE / name)], check=True)
        print(HERE / f"{name}.png")


if __name__ == "__main__":
    main(sys.argv[1:])
