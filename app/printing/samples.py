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
    PolicyClassRow,
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
    exchanged = ()
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
    B = Bilingual
    rows = (
        PolicyClassRow(B("一般商品", "General goods"), B("包装食品、日用品、文具", "packaged food, household, stationery"),
                       B("7 天内未拆封、不影响二次销售可退款", "refund within 7 days if unopened and resalable"),
                       B("7 天内退款，15 天内换货", "refund within 7 days, exchange within 15 days")),
        PolicyClassRow(B("生鲜", "Fresh food"), B("水果、蔬菜、肉类、海鲜、面包、熟食", "fruit, vegetables, meat, seafood, bakery, cooked food"),
                       B("不接受", "not accepted"), B("24 小时内退款", "refund within 24 hours")),
        PolicyClassRow(B("家电（三包）", "Appliances (3-guarantee)"), B("小家电、电子产品", "small appliances, electronics"),
                       B("7 天内未拆封可退款", "refund within 7 days if unopened"),
                       B("7 天内退款或换货；8–15 天换货；16 天起至保修期满维修", "refund or exchange within 7 days; exchange on days 8–15; repair from day 16 until the warranty ends")),
        PolicyClassRow(B("个人护理", "Personal care"), B("化妆品、内衣、牙刷", "cosmetics, underwear, toothbrushes"),
                       B("7 天内封口完好可退款", "refund within 7 days if the seal is intact"),
                       B("7 天内退款，15 天内换货", "refund within 7 days, exchange within 15 days")),
        PolicyClassRow(B("定制商品", "Made to order"), B("定制蛋糕、刻字礼品", "made-to-order cakes, engraved gifts"),
                       B("不接受", "not accepted"), B("7 天内退款或换货", "refund or exchange within 7 days")),
        PolicyClassRow(B("不可退商品", "Non-returnable"), B("礼品卡、预付卡、烟草", "gift cards, prepaid cards, tobacco"),
                       B("不接受", "not accepted"), B("不接受", "not accepted")),
    )
    notes = (
        B("天数按购物当天起的自然日计算，“7 天内”指至购物后第 7 天结束。", "Days are calendar days from the day of sale; 'within 7 days' ends at the end of the 7th day."),
        B("清仓商品不接受无理由退货。", "Final-sale (clearance) items cannot be returned for a change of mind."),
        B("会员延长无理由退货期：金卡 +3 天，钻石卡 +7 天。", "Members get longer for a change of mind: gold +3 days, diamond +7 days."),
        B("无小票退货需出示会员卡或手机号，仅退储值，每次最多 ¥200.00。", "Without a receipt: show your member card or phone; store credit only, at most ¥200.00."),
        B("退款按原支付方式退回；超过 ¥500.00 或其他特殊情况需值班主管审批。", "Refunds go back the way you paid; over ¥500.00 or special cases need the duty supervisor."),
    )
    return PolicyNoticeData(version="2026-11-01 v3", rows=rows, notes=notes, effective=date(2026, 11, 1))
