"""Every document on every paper in both languages: the code scans, the text is there, nothing overflows."""

from __future__ import annotations

import pytest

from app.printing import (
    PAPERS,
    render_coupon,
    render_end_of_day,
    render_policy_notice,
    render_return_slip,
    render_voucher,
    samples,
)
from app.printing.barcode import DPI
from app.printing.labels import money
from app.settings import default_policy_path
from tests.printing import pdfcheck

SHOP = samples.SHOP
MM = 72 / 25.4

# name → (render(paper, lang), the code its barcode must carry, words only the Chinese print has)
DOCUMENTS = {
    "return_customer": (lambda p, l: render_return_slip(samples.slip(), SHOP, p, l, "customer"),
                        "RT2611220001", ("退货单", "顾客联", "质量问题", "微信支付", "优惠券部分不退")),
    "return_shop": (lambda p, l: render_return_slip(samples.slip(), SHOP, p, l, "shop"),
                    "RT2611220001", ("退货单", "存根联", "顾客签名")),
    "exchange": (lambda p, l: render_return_slip(samples.slip("exchange"), SHOP, p, l),
                 "RT2611220002", ("换货单", "换出商品", "顾客补差价", "换出商品合计")),
    "coupon": (lambda p, l: render_coupon(samples.coupon(), SHOP, p, l), "483920175567",
               ("优惠券", "立减", "不找零")),
    "voucher": (lambda p, l: render_voucher(samples.voucher(), SHOP, p, l), "730184622951",
                ("储值凭证", "有效期至")),
    "end_of_day": (lambda p, l: render_end_of_day(samples.end_of_day(), SHOP, p, l), None,
                   ("日结报表", "钱箱核对", "主管特批", "现金", "换货补差价收款")),
    "policy": (lambda p, l: render_policy_notice(samples.policy_notice(default_policy_path()), SHOP, p, l), None,
               ("退换货政策公示", "不接受", "生鲜食品", "打印日期")),
}
ENGLISH = {"return_customer": "RETURN SLIP", "return_shop": "Customer signature", "exchange": "EXCHANGE SLIP",
           "coupon": "COUPON", "voucher": "STORE CREDIT", "end_of_day": "END-OF-DAY REPORT",
           "policy": "RETURNS & EXCHANGES POLICY"}

CASES = [(d, p, l) for d in DOCUMENTS for p in PAPERS for l in ("zh_CN", "en")]


@pytest.fixture(scope="module")
def rendered():
    """Render the whole matrix once; each test below looks at it from one angle."""
    return {(d, p, l): DOCUMENTS[d][0](p, l) for d, p, l in CASES}


@pytest.mark.parametrize("doc,paper,lang", CASES)
def test_document_renders_its_words_inside_the_printable_width(rendered, doc, paper, lang):
    pdf = rendered[doc, paper, lang]
    assert pdf.startswith(b"%PDF")
    text = pdfcheck.text(pdf)
    if lang == "zh_CN":
        for word in DOCUMENTS[doc][2]:
            assert word in text, f"{word} missing from the Chinese {doc} on {paper}"
    else:
        assert ENGLISH[doc] in " ".join(text.split())
        assert DOCUMENTS[doc][2][0] not in text, "English-only print shows the Chinese title"
    margin = PAPERS[paper].margin_x
    for word in pdfcheck.words(pdf):
        assert word.x_min >= margin - 0.6, f"{word.text!r} starts in the left margin ({doc} {paper})"
        assert word.x_max <= word.page_width - margin + 0.6, f"{word.text!r} runs off the right ({doc} {paper})"


BARCODED = [(d, p, l) for d, p, l in CASES if DOCUMENTS[d][1]]


@pytest.mark.parametrize("doc,paper,lang", BARCODED)
def test_barcode_scans_back_to_the_stored_code(rendered, doc, paper, lang):
    pdf = rendered[doc, paper, lang]
    (page,) = pdfcheck.rasterise(pdf, DPI)
    assert pdfcheck.barcodes(page) == [DOCUMENTS[doc][1]]
    assert DOCUMENTS[doc][1] in pdfcheck.text(pdf)  # printed as text too, for when scanning fails


@pytest.mark.parametrize("paper", ["80mm", "58mm"])
def test_thermal_roll_prints_nothing_outside_the_head(rendered, paper):
    """Lines, bars and text all stay inside the 72/48 mm the thermal head can reach."""
    p = PAPERS[paper]
    for doc in DOCUMENTS:
        (page,) = pdfcheck.rasterise(rendered[doc, paper, "zh_CN"], 72)
        left, right = pdfcheck.ink_columns(page)
        assert left >= p.margin_x - 1 and right <= p.width - p.margin_x + 1, (doc, left, right)


def test_every_document_embeds_the_shipped_font_and_no_other(rendered):
    for doc in DOCUMENTS:
        listing = pdfcheck.fonts(rendered[doc, "80mm", "zh_CN"])
        rows = listing.splitlines()[2:]
        assert rows, listing
        for row in rows:
            assert "WenQuanYiMicroHei" in row and " yes " in row, listing
        assert "STSong" not in listing


# ---- what the documents say ------------------------------------------------------------------------
def test_sample_slip_adds_up_and_says_why_the_refund_is_less(rendered):
    slip = samples.slip()
    assert slip.coupon_share > 0
    assert slip.returned_total - slip.coupon_share == slip.refund_total
    lines = pdfcheck.lines(rendered["return_customer", "80mm", "en"])
    at = {label: i for i, line in enumerate(lines) for label in ("Goods returned", "Coupon share kept", "Total refund")
          if line.startswith(label)}
    assert at["Goods returned"] < at["Coupon share kept"] < at["Total refund"]
    assert lines[at["Coupon share kept"]].endswith(f"−{money(slip.coupon_share)}")


def test_sample_amounts_are_believable():
    """Three kettles for ¥7.50 once reached the README: every unit price is a shop's price."""
    for line in samples.slip(lines=40, long_names=True).returned:
        unit = line.refund / line.qty
        assert unit >= 100, line
        if "kettle" in line.name_en:
            assert line.qty == 1 and unit >= 5000, line


def test_percent_coupon_says_the_same_discount_in_headline_and_terms():
    text = " ".join(pdfcheck.text(render_coupon(samples.coupon(percent=True), SHOP, "80mm", "zh_CN")).split())
    assert text.count("9 折（减 10%）") >= 2, text
    assert "10% 折扣" not in text


def test_voucher_terms_say_it_is_used_up_in_one_go():
    """Redemption marks the whole voucher used: the terms must not promise a balance kept."""
    zh = " ".join(pdfcheck.text(render_voucher(samples.voucher(), SHOP, "80mm", "zh_CN")).split())
    en = " ".join(pdfcheck.text(render_voucher(samples.voucher(), SHOP, "80mm", "en")).split())
    assert "一次性使用" in zh and "余额保留" not in zh and "分次" not in zh
    assert "Single use" in en and "several" not in en


def test_demo_feedback_line_offers_nothing_to_scan():
    from app.services.demo.catalogue import SHOP as DEMO

    assert "扫码" not in DEMO["shop.feedback"] and "scan" not in DEMO["shop.feedback"].lower()
