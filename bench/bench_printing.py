"""Return slip render time side by side with a bare reportlab page carrying the same text and barcode."""

from __future__ import annotations

import argparse
import io
import re
import statistics
import subprocess
import sys
import time

from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfgen.canvas import Canvas

from app.printing import render_return_slip, samples
from app.printing.barcode import DOT
from app.printing.layout import PAPERS
from app.printing.text import font_name


def slip_lines(pdf: bytes) -> list[str]:
    """The slip's own text, line by line, so the bare page sets exactly the same characters."""
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()
    return [line.strip() for line in out.splitlines() if line.strip()]


def bare_page(lines: list[str], code: str, paper: str, height: float) -> bytes:
    """What a hand-written reportlab page costs: fixed positions, no measuring, no wrapping."""
    p = PAPERS[paper]
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(p.width, height), pageCompression=1, initialFontName=font_name())
    c.setFont(font_name(), p.size)
    y = height - p.margin_y - 60
    Code128(code, barWidth=2 * DOT, barHeight=30, quiet=0).drawOn(c, p.margin_x, y)
    for line in lines:
        y -= p.size * 1.3
        c.drawString(p.margin_x, y, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def _time(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def measure(lines_on_slip: int, paper: str, repeat: int, rounds: int) -> tuple[float, float]:
    slip = samples.slip(lines=lines_on_slip, long_names=lines_on_slip > 3)
    ours = render_return_slip(slip, samples.SHOP, paper)
    text = slip_lines(ours)
    height = float(re.search(rb"/MediaBox \[ 0 0 [\d.]+ ([\d.]+) \]", ours).group(1))
    render = lambda: render_return_slip(slip, samples.SHOP, paper)
    bare = lambda: bare_page(text, slip.number, paper, height)
    render(), bare()   # warm up: font parsing and imports are paid once per process, not per slip
    a, b = [], []
    for _ in range(rounds):  # interleaved, so a busy moment on the machine hits both sides alike
        a.append(_time(render, repeat))
        b.append(_time(bare, repeat))
    return statistics.median(a), statistics.median(b)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_printing")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"{'slip':<22}{'ours ms':>9}{'bare ms':>9}{'ratio':>7}")
    worst = 0.0
    for lines, paper in ((3, "80mm"), (3, "58mm"), (40, "80mm")):
        ours, bare = measure(lines, paper, args.repeat, args.rounds)
        worst = max(worst, ours / bare)
        print(f"{f'{lines} lines, {paper}':<22}{ours * 1e3:>9.2f}{bare * 1e3:>9.2f}{ours / bare:>6.2f}×")
    print(f"worst ratio {worst:.2f}× (target ≤ 2×)")


if __name__ == "__main__":
    main(sys.argv[1:])
