"""Example documents (a realistic shop day) for previews, docs, the benchmark and the tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

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
)

EXPLAIN = (
    Bilingual("质量问题，购买后第 3 天，7 天内可退款。", "Quality fault on day 3: refundable within 7 days."),
    Bilingual("主管特批：善意补偿。", "Supervisor override: goodwill."),
)


def slip(kind: str = "return", lines: int = 3, long_names: bool = False) -> SlipData:
    names = [("农夫山泉饮用天然水 550ml", "Nongfu Spring water 550 ml"),
             ("维达超韧抽纸 3 层 130 抽 × 6 包", "Vinda tissues 3-ply 130 × 6"),
             ("美的电热水壶 MK-SH15E", "Midea electric kettle MK-SH15E")]
    if long_names:
        names = [("进口特级初榨橄榄油家庭装礼盒限量版附赠不锈钢油壶与精美手提袋节日送礼首选佳品包邮到家欢迎选购谢谢惠顾本店郑重承诺假一赔十",
                  ("Imported extra-virgin olive oil family gift box limited edition with stainless steel "
                   "cruet and gift bag, the first choice for festive presents"))] + names
    reasons = ["quality_fault", "changed_mind", "wrong_item", "damaged_at_sale"]
    returned = tuple(
        ReturnedLine(names[i % len(names)][0], names[i % len(names)][1], 1 + i % 3, reasons[i % 4],
                     250 * (1 + i % 7), "approve" if i % 5 else "overridden")
        for i in range(lines))
    refund = sum(r.refund for r in returned)
    exchanged: tuple[ExchangeLine, ...] = ()
    diff = 0
    if kind == "exchange":
        exchanged = (ExchangeLine("美的电热水壶 MK-SH15E（白色）", "Midea electric kettle, white", 1, 8900, 8900),)
        diff = 8900 - refund
    refunds = () if kind == "exchange" and diff >= 0 else (
        TenderAmount("wechat", refund - refund // 3), TenderAmount("cash", refund // 3))
    return SlipData(
        number="RT2611220001" if kind == "return" else "RT2611220002", kind=kind, time=AT, clerk="王芳",
        original_receipt="S2611200123", returned=returned, exchanged=exchanged,
        price_difference=diff, refunds=refunds, points_reversed=refund // 100,
        points_balance=1268, coupon_code="CP2611220003", explanations=EXPLAIN,
        member_phone="13812345678", supervisor="李强", override_reason="goodwill")


def coupon(percent: bool = False) -> CouponData:
    return CouponData(code="CP2611220003", valid_from=date(2026, 11, 22), valid_to=date(2026, 12, 22),
                      value=0 if percent else 500, percent=10 if percent else 0, min_spend=3000,
                      reason="goodwill", member_phone="138****5678", issued_for="RT2611220001")


def voucher() -> VoucherData:
    return VoucherData(code="SC2611220004", amount=4350, expires=date(2027, 11, 22), issued_at=AT,
                       member_phone="138****5678", issued_for="RT2611220002")


def end_of_day(rows: int = 12) -> EndOfDayData:
    clerks = ["王芳", "张伟", "Li Na"]
    returns = tuple(EodReturnRow(f"RT26112200{i + 1:02d}", AT + timedelta(minutes=17 * i),
                                 "exchange" if i % 4 == 3 else "return", clerks[i % 3],
                                 None if i % 6 == 5 else f"S26112001{i:02d}", 350 * (i + 1),
                                 "voided" if i == 7 else "completed") for i in range(rows))
    tenders = (TenderAmount("cash", 4550), TenderAmount("wechat", 12030), TenderAmount("alipay", 3300),
               TenderAmount("card", 8900), TenderAmount("store_credit", 1200))
    issued = (EodIssuedRow("CP2611220003", "coupon", 500, 0, "RT2611220001"),
              EodIssuedRow("CP2611220007", "coupon", 0, 10, "C2611220002"),
              EodIssuedRow("SC2611220004", "store_credit", 4350, 0, "RT2611220006"))
    overrides = (EodOverrideRow("RT2611220001", "王芳", "李强", "goodwill", 2750),
                 EodOverrideRow("RT2611220006", "张伟", "李强", "other: 老顾客，包装破损", 4350))
    per_clerk = tuple(EodClerkRow(c, 3 + i, 1, 9000 + 1000 * i, i % 2) for i, c in enumerate(clerks))
    return EndOfDayData(day=date(2026, 11, 22), generated_at=AT + timedelta(hours=8), returns=returns,
                        refunds_by_tender=tenders, issued=issued, overrides=overrides, clerks=per_clerk)


def policy_notice() -> PolicyNoticeData:
    """The notice of the policy file the app ships, worded the way the counter prints it."""
    from app.domain.policy import load_policy
    from app.printing.policy_words import notice_from_policy
    from app.settings import default_policy_path

    return notice_from_policy(load_policy(default_policy_path()))
