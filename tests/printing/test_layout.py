"""Long slips, long names, long codes: they wrap or grow, and still scan and fit the paper."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.errors import InvalidInput
from app.printing import PAPERS, render_coupon, render_end_of_day, render_return_slip, samples
from app.printing.barcode import DOT, make
from app.printing.text import width, wrap
from tests.printing import pdfcheck

SIXTY = "进口特级初榨橄榄油家庭装礼盒限量版附赠不锈钢油壶与精美手提袋节日送礼首选佳品包邮到家欢迎选购谢谢惠顾本店郑重承诺假一赔十"


def page_heights(pdf: bytes) -> list[float]:
    return [float(h) for h in re.findall(rb"/MediaBox \[ 0 0 [\d.]+ ([\d.]+) \]", pdf)]


def test_sixty_character_name_is_sixty_characters():
    assert len(SIXTY) == 60


@pytest.mark.parametrize("paper", list(PAPERS))
def test_wrapped_lines_never_exceed_the_width_and_lose_nothing(paper):
    cw = PAPERS[paper].content_width
    text = SIXTY + "，" + "Imported extra-virgin olive oil, family size gift box with stainless cruet"
    lines = wrap(text, 8.5, cw)
    assert len(lines) > 1
    assert all(width(line, 8.5) <= cw for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_chinese_breaks_between_characters_and_english_between_words():
    lines = wrap("退货单号码很长很长很长很长 refund within seven days", 10, 80)
    assert all(width(line, 10) <= 80 for line in lines)
    english = " ".join(lines[-3:])
    for word in ("refund", "within", "seven", "days"):
        assert word in english.split()


def test_closing_punctuation_never_starts_a_line():
    for w in range(40, 200, 3):
        for line in wrap("质量问题，购买后第三天，七天内可退款。会员延长，金卡加三天。", 10, w)[1:]:
            assert line[0] not in "，。、", (w, line)


@pytest.mark.parametrize("paper", ["80mm", "58mm"])
def test_forty_line_slip_grows_the_roll_and_stays_inside_it(paper):
    short = render_return_slip(samples.slip(lines=3), samples.SHOP, paper)
    slip = samples.slip(lines=40, long_names=True)
    pdf = render_return_slip(slip, samples.SHOP, paper)
    (short_h,), (long_h,) = page_heights(short), page_heights(pdf)
    assert long_h > short_h * 3, "the roll page did not grow with forty lines"
    _inside_the_margins_and_whole(pdf, slip, paper)


def _inside_the_margins_and_whole(pdf: bytes, slip, paper: str) -> None:
    """Forty lines with long names: every word inside the margins, the code scans, no text lost."""
    margin = PAPERS[paper].margin_x
    words = pdfcheck.words(pdf)
    assert max(w.x_max for w in words) <= PAPERS[paper].width - margin + 0.6
    assert min(w.x_min for w in words) >= margin - 0.6
    (page,) = pdfcheck.rasterise(pdf, 203)
    assert pdfcheck.barcodes(page) == [slip.number]
    text = "".join(pdfcheck.text(pdf).split())
    assert SIXTY in text, "the long name lost characters when it wrapped"
    assert text.count("¥") >= 40


def test_forty_line_slip_on_a4_continues_on_a_second_page():
    pdf = render_return_slip(samples.slip(lines=40, long_names=True), samples.SHOP, "a4")
    assert len(page_heights(pdf)) >= 2
    assert "第 2/" in pdfcheck.text(pdf, page=2)


def test_long_end_of_day_repeats_the_table_header_on_each_page():
    pdf = render_end_of_day(samples.end_of_day(rows=90), samples.SHOP, "a4", "en")
    pages = len(page_heights(pdf))
    assert pages >= 3
    for n in range(2, pages):
        assert "Receipt" in pdfcheck.text(pdf, page=n), f"page {n} lost the returns table header"


@pytest.mark.parametrize("code", ["RT2611220001", "ABCDEFGHJKLMNP", "SC2611220001AB", "CP9", "483920175567"])
@pytest.mark.parametrize("paper", ["58mm", "80mm"])
def test_longest_codes_still_scan_on_thermal_paper(code, paper):
    pdf = render_coupon(replace(samples.coupon(), code=code), samples.SHOP, paper)
    (page,) = pdfcheck.rasterise(pdf, 203)
    assert pdfcheck.barcodes(page) == [code]


def test_bars_are_whole_printer_dots_with_a_quiet_zone_inside_the_paper():
    for paper in PAPERS.values():
        placed = make("ABCDEFGHJKLMNP", paper.content_width, paper.width)
        assert placed.bar_dots >= 2, paper.name   # 1-dot bars print unevenly on a worn head
        assert abs(placed.symbol.barWidth / DOT - placed.bar_dots) < 1e-9
        assert placed.width <= paper.content_width
        assert placed.width + 2 * placed.quiet <= paper.width


def test_code_too_long_for_the_paper_is_a_clear_error():
    with pytest.raises(InvalidInput):
        make("ABCDEFGHJKLMNPQRSTUVWXYZABCDEFGHJK", PAPERS["58mm"].content_width, PAPERS["58mm"].width)


def test_full_phone_number_is_masked_on_paper():
    pdf = render_return_slip(replace(samples.slip(), member_phone="13812345678"), samples.SHOP, "80mm")
    text = pdfcheck.text(pdf)
    assert "138****5678" in text and "13812345678" not in text


def test_voided_slip_says_so():
    pdf = render_return_slip(replace(samples.slip(), status="voided", reprint=True), samples.SHOP, "80mm")
    text = pdfcheck.text(pdf)
    assert "已作废" in text and "VOID" in text and "重印" in text


def test_customer_copy_has_feedback_line_and_shop_copy_signature():
    customer = pdfcheck.text(render_return_slip(samples.slip(), samples.SHOP, "80mm", "en", "customer"))
    shop = pdfcheck.text(render_return_slip(samples.slip(), samples.SHOP, "80mm", "en", "shop"))
    assert "Tell us how we did" in customer and "signature" not in customer
    assert "Customer signature" in shop and "Tell us how we did" not in shop


@pytest.mark.parametrize("kwargs", [{"paper": "a3"}, {"lang": "fr"}, {"copy": "both"}])
def test_unknown_paper_language_or_copy_is_refused(kwargs):
    with pytest.raises(InvalidInput):
        render_return_slip(samples.slip(), samples.SHOP, **kwargs)


# ---- a signature never stands alone on a page ----------------------------------------------------
def _lines_above(pdf: bytes, label: str) -> int:
    """Lines printed above `label` on the page that carries it."""
    pages = len(page_heights(pdf))
    for n in range(1, pages + 1):
        lines = pdfcheck.lines(pdf, page=n)
        for i, line in enumerate(lines):
            if line.startswith(label):
                return i
    raise AssertionError(f"{label} not printed")


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_shop_copy_signature_keeps_company_on_its_page(paper):
    """Whatever the number of lines, the signature travels with the lines above it (it was once
    alone on page 2 of the A5 shop copy of a 3-line return)."""
    for lines in range(1, 16):
        pdf = render_return_slip(samples.slip(lines=lines), samples.SHOP, paper, "zh_CN", "shop")
        assert _lines_above(pdf, "顾客签名") >= 3, (paper, lines)


@pytest.mark.parametrize("lang,labels", [("en", ("Clerk on duty:", "Supervisor:")),
                                         ("zh_CN", ("当班店员", "值班主管"))])
@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_end_of_day_signatures_stay_with_the_report(paper, lang, labels):
    for rows in range(0, 48, 3):
        pdf = render_end_of_day(samples.end_of_day(rows), samples.SHOP, paper, lang)
        clerk, supervisor = (_lines_above(pdf, label) for label in labels)
        assert clerk >= 3 and supervisor > clerk, (paper, lang, rows, clerk, supervisor)


def test_signature_ties_three_lines_of_content_not_blank_space():
    from app.printing.layout import Sheet, paper

    for filler in range(30, 70):
        sheet = Sheet(paper("a5"), "t")
        for i in range(filler):
            sheet.text(f"line {i}")
        sheet.rule()
        sheet.space(20)
        sheet.signature("Sign:")
        pages = sheet._paginate()
        last = pages[-1]
        assert sum(1 for item in last if item.content) >= 4, filler   # 3 lines + the signature


# ---- forty lines on every paper --------------------------------------------------------------------
@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_forty_line_slip_on_sheets_stays_inside_and_loses_nothing(paper):
    slip = samples.slip(lines=40, long_names=True)
    pdf = render_return_slip(slip, samples.SHOP, paper, "zh_CN", "shop")
    assert len(page_heights(pdf)) >= 2
    _inside_the_margins_and_whole(pdf, slip, paper)


# ---- the end-of-day tables: no English word cut in two ---------------------------------------------
@pytest.mark.parametrize("paper", list(PAPERS))
def test_end_of_day_headings_and_kinds_are_whole_words(paper):
    from app.printing.report import RETURNS_COLUMNS

    report = samples.end_of_day()
    pdf = render_end_of_day(report, samples.SHOP, paper, "en")
    words = [w.text for w in pdfcheck.words(pdf)]
    exchanges = sum(1 for r in report.returns if r.kind == "exchange")
    returns = sum(1 for r in report.returns if r.kind == "return")
    assert words.count("Exchange") == exchanges and words.count("Return") == returns
    assert not [w for w in words if w in ("e", "Exchang", "Retur", "n")], words
    if not PAPERS[paper].roll:
        for _zh, en, _w, _a in RETURNS_COLUMNS:
            for part in en.split():
                assert part in words, (paper, part)
        # and the column itself is wide enough, measured the way the layout wraps it
        size = PAPERS[paper].size * 0.9
        for (_zh, en, share, _a), longest in zip(RETURNS_COLUMNS, ["RT2611220001", "14:05", "Exchange", "Li Na",
                                                                   "R20261122-0001", "pending", "in ¥1,234.56"],
                                                 strict=True):
            room = share * PAPERS[paper].content_width - 7.0
            assert len(wrap(en, size, room)) == 1, (paper, en)
            assert len(wrap(longest, size, room)) == 1, (paper, longest)
