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
from tests.printing import pdfcheck

SHOP = samples.SHOP
MM = 72 / 25.4

# name → (render(paper, lang), the code its barcode must carry, words only the Chinese print has)
DOCUMENTS = {
    "return_customer": (lambda p, l: render_return_slip(samples.slip(), SHOP, p, l, "customer"),
                        "RT2611220001", ("退货单", "顾客联", "质量问题", "微信支付")),
    "return_shop": (lambda p, l: render_return_slip(samples.slip(), SHOP, p, l, "shop"),
                    "RT2611220001", ("退货单", "存根联", "顾客签名")),
    "exchange": (lambda p, l: render_return_slip(samples.slip("exchange"), SHOP, p, l),
                 "RT2611220002", ("换货单", "换出商品", "顾客补差价")),
    "coupon": (lambda p, l: render_coupon(samples.coupon(), SHOP, p, l), "CP2611220003",
               ("优惠券", "立减", "不找零")),
    "voucher": (lambda p, l: render_voucher(samples.voucher(), SHOP, p, l), "SC2611220004",
                ("储值凭证", "有效期至")),
    "end_of_day": (lambda p, l: render_end_of_day(samples.end_of_day(), SHOP, p, l), None,
                   ("日结报表", "钱箱核对", "主管特批", "现金")),
    "policy": (lambda p, l: render_policy_notice(samples.policy_notice(), SHOP, p, l), None,
               ("退换货政策公示", "不接受", "生鲜食品")),
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
