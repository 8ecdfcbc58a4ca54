"""Example documents (a realistic shop day) for previews, docs, the benchmark and the tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from app.printing.data import (
    Bilingual,
    CouponData,
    EndOfDayData,
    EodClerkRow,
    EodIssuedRow,
    EodOverrideRow,
    EodReturnRow,
    ExchangeLine,
    PolicyNoticeData,
    ReturnedLine,
    ShopInfo,
    SlipData,
    TenderAmount,
    VoucherData,
)

AT = datetime(2026, 11, 22, 6, 5, tzinfo=UTC)   # 14:05 in Shanghai

SHOP = ShopInfo(
    name="幸福里便利超市（长宁店）",
    name_en="Xingfuli Neighbourhood Supermarket",
    address="上海市长宁区幸福路 128 号",
    phone="021-6212 3456",
    feedback="意见反馈：服务台或致电 021-6212 3456，我们会在 24 小时内回复您",
    feedback_en="Tell us how we did: at the service desk or call 021-6212 3456 — we reply within 24 h",
    tz=ZoneInfo("Asia/Shanghai"),
)

EXPLAIN = (
    Bilingual("质量问题，购买后第 3 天，7 天内可退款。", "Quality fault on day 3: refundable within 7 days."),
    Bilingual("主管特批：善意补偿。", "Supervisor override: goodwill."),
)


# (Chinese name, English name, unit price in fen, most units a customer buys)
GOODS = [("农夫山泉饮用天然水 550ml", "Nongfu Spring water 550 ml", 200, 3),
         ("维达超韧抽纸 3 层 130 抽 × 6 包", "Vinda tissues 3-ply 130 × 6", 2390, 2),
         ("美的电热水壶 MK-SH15E", "Midea electric kettle MK-SH15E", 12900, 1)]
LONG_NAME = ("进口特级初榨橄榄油家庭装礼盒限量版附赠不锈钢油壶与精美手提袋节日送礼首选佳品包邮到家欢迎选购谢谢惠顾本店郑重承诺假一赔十",
             ("Imported extra-virgin olive oil family gift box limited edition with stainless steel "
              "cruet and gift bag, the first choice for festive presents"), 16800, 1)


def slip(kind: str = "return", lines: int | None = None, long_names: bool = False,
         coupon_share: int | None = None) -> SlipData:
    """A completed return (3 lines by default) or exchange (a faulty kettle for another model).

    The return's sale was partly paid with a ¥5 coupon: its share of the goods (¥2.83 on the
    default three lines) is kept, so the refund is the goods' worth less that share.
    """
    goods = ([LONG_NAME] if long_names else []) + GOODS
    if lines is None:
        lines = 1 if kind == "exchange" else 3
    reasons = ["quality_fault", "changed_mind", "wrong_item", "damaged_at_sale"]
    picked = [goods[-1]] if kind == "exchange" and lines == 1 else [goods[i % len(goods)] for i in range(lines)]
    returned = tuple(
        ReturnedLine(zh, en, min(1 + i % 3, most), reasons[i % 4], min(1 + i % 3, most) * price, "refund")
        for i, (zh, en, price, most) in enumerate(picked))
    worth = sum(r.refund for r in returned)
    if coupon_share is None:
        # ¥5.00 of a ¥320.00 sale was paid by coupon: the returned goods carry their share of it.
        coupon_share = 0 if kind == "exchange" else 500 * worth // 32000
    exchanged: tuple[ExchangeLine, ...] = ()
    diff = 0
    if kind == "exchange":
        exchanged = (ExchangeLine("美的电热水壶 MK-SH15E（白色）", "Midea electric kettle MK-SH15E, white",
                                  1, 13900, 13900),)
        diff = 13900 - (worth - coupon_share)
    refund = worth - coupon_share if kind == "return" else max(0, -diff)
    refunds = (TenderAmount("wechat", refund - refund // 3), TenderAmount("cash", refund // 3)) if refund else ()
    return SlipData(
        number="RT2611220001" if kind == "return" else "RT2611220002", kind=kind, time=AT, clerk="王芳",
        original_receipt="S2611200123", returned=returned, exchanged=exchanged,
        price_difference=diff, refunds=refunds, coupon_share=coupon_share,
        points_reversed=worth // 100 if kind == "return" else 0,
        points_balance=1268, coupon_code="483920175567", explanations=EXPLAIN,
        member_phone="13812345678", supervisor="李强", override_reason="goodwill")


def coupon(percent: bool = False) -> CouponData:
    return CouponData(code="483920175567", valid_from=date(2026, 11, 22), valid_to=date(2026, 12, 22),
                      value=0 if percent else 500, percent=10 if percent else 0, min_spend=3000,
                      reason="goodwill", member_phone="138****5678", issued_for="RT2611220001")


def voucher() -> VoucherData:
    return VoucherData(code="730184622951", amount=4350, expires=date(2027, 11, 22), issued_at=AT,
                       member_phone="138****5678", issued_for="RT2611220002")


def end_of_day(rows: int = 12) -> EndOfDayData:
    """A day at the counter whose totals agree: by tender, per clerk and in the summary."""
    clerks = ["王芳", "张伟", "Li Na"]
    amounts = [350, 4780, 12900, 0, 1490, 2560, 890, 3200, 600, 1990, 700, 0]
    returns, methods = [], []
    for i in range(rows):
        exchange = i % 4 == 3
        paid_in = exchange and i % 8 == 3          # the new goods cost more: the customer paid ¥10
        receipt = None if i % 6 == 5 else f"S26112001{i:02d}"
        returns.append(EodReturnRow(
            f"RT26112200{i + 1:02d}", AT + timedelta(minutes=17 * i), "exchange" if exchange else "return",
            clerks[i % 3], receipt, 0 if paid_in else amounts[i % len(amounts)] or 1000,
            "voided" if i == 7 else "completed", collected=1000 if paid_in else 0))
        methods.append("store_credit" if receipt is None else ("wechat", "cash", "alipay", "card")[i % 4])
    done = [(r, m) for r, m in zip(returns, methods, strict=True) if r.status == "completed"]
    by_tender: dict[str, int] = {}
    for r, m in done:
        if r.refund:
            by_tender[m] = by_tender.get(m, 0) + r.refund
    order = ["cash", "wechat", "alipay", "card", "store_credit"]
    tenders = tuple(TenderAmount(m, by_tender[m]) for m in order if m in by_tender)
    collected = sum(r.collected for r, _m in done)
    credit = next((r for r, m in done if m == "store_credit" and r.refund), None)
    issued: tuple[EodIssuedRow, ...] = (EodIssuedRow("483920175567", "coupon", 500, 0, "RT2611220001"),
                                        EodIssuedRow("592047188301", "coupon", 0, 10, "C2611220002"))
    if credit is not None:
        issued += (EodIssuedRow("730184622951", "store_credit", credit.refund, 0, credit.number),)
    approved = {"RT2611220001": "goodwill", "RT2611220006": "other: 老顾客，包装破损"}
    overrides = tuple(EodOverrideRow(r.number, r.clerk, "李强", approved[r.number], r.refund)
                      for r, _m in done if r.number in approved)
    per_clerk = tuple(EodClerkRow(c, sum(1 for r, _m in done if r.clerk == c and r.kind == "return"),
                                  sum(1 for r, _m in done if r.clerk == c and r.kind == "exchange"),
                                  sum(r.refund for r, _m in done if r.clerk == c),
                                  sum(1 for o in overrides if o.clerk == c)) for c in clerks)
    return EndOfDayData(day=date(2026, 11, 22), generated_at=AT + timedelta(hours=8), returns=tuple(returns),
                        refunds_by_tender=tenders,
                        collected_by_tender=(TenderAmount("unrecorded", collected),) if collected else (),
                        issued=issued, overrides=overrides, clerks=per_clerk)


def policy_notice(policy_file: Path) -> PolicyNoticeData:
    """The notice of `policy_file` (the caller hands in the shipped one), worded as the counter prints it."""
    from dataclasses import replace

    from app.domain.policy import load_policy
    from app.printing.policy_words import notice_from_policy

    return replace(notice_from_policy(load_policy(policy_file)), printed=date(2026, 11, 22))
