"""The end-of-day report (日结): what went back to which tender, what was issued, who approved what."""

from __future__ import annotations

from app.printing import frame
from app.printing.data import EndOfDayData, EodReturnRow, ShopInfo
from app.printing.labels import day, money, one, reason_words, shop_time, zh_en
from app.printing.layout import Sheet

_SECTIONS = {
    "summary": ("汇总", "Summary"),
    "tenders": ("退款方式（钱箱核对）", "Refunds by tender (cash drawer check)"),
    "returns": ("退换货明细", "Returns and exchanges"),
    "issued": ("发放的优惠券与储值", "Coupons and store credit issued"),
    "overrides": ("主管特批", "Supervisor overrides"),
    "clerks": ("按店员", "Per clerk"),
    "red_invoices": ("应开红字发票", "Red-letter credit invoices due"),
    "service_loop": ("售后跟进", "After-sales follow-up"),
}


# (zh, en, width fraction, align): wide enough for "Exchange", "pending", "R20261122-0001" on A5.
RETURNS_COLUMNS = [("单号", "No.", 0.175, "left"), ("时间", "Time", 0.08, "left"),
                   ("类型", "Kind", 0.12, "left"), ("店员", "Clerk", 0.12, "left"),
                   ("原小票", "Receipt", 0.2, "left"), ("状态", "Status", 0.11, "left"),
                   ("退款/收款", "Refund / in", 0.195, "right")]


def render_end_of_day(report: EndOfDayData, shop: ShopInfo, paper: str = "a4", lang: str = "zh_CN") -> bytes:
    frame.check_lang(lang)
    sheet = frame.new_sheet(paper, f"EOD {report.day.isoformat()}")
    frame.shop_heading(sheet, shop, lang)
    frame.title(sheet, "eod_title", lang)
    sheet.pair(_t("日期", "Date", lang), day(report.day, shop.tz), bold=True)
    sheet.pair(_t("打印时间", "Printed", lang), shop_time(report.generated_at, shop.tz))
    _summary(sheet, report, lang)
    _tenders(sheet, report, lang)
    _pending(sheet, report, lang)
    _returns(sheet, report, shop, lang)
    _issued(sheet, report, lang)
    _overrides(sheet, report, lang)
    _red_invoices(sheet, report, lang)
    _service_loop(sheet, report, shop, lang)
    _heading(sheet, "clerks", lang)
    cols = [("店员", "Clerk", 0.3, "left"), ("退货", "Ret.", 0.15, "right"),
            ("换货", "Exch.", 0.15, "right"), ("特批", "Ovr.", 0.15, "right"),
            ("退款", "Refunded", 0.25, "right")]
    frame.table(sheet, cols, [[c.clerk, str(c.returns), str(c.exchanges), str(c.overrides), money(c.refunded)]
                              for c in report.clerks], lang)
    _signatures(sheet, lang)
    return sheet.render(lambda n, t: _t(f"日结 {report.day} · 第 {n}/{t} 页",
                                        f"End of day {report.day} · page {n} of {t}", lang))


def _tenders(sheet: Sheet, report: EndOfDayData, lang: str) -> None:
    _heading(sheet, "tenders", lang)
    tender_cols = [("方式", "Tender", 0.6, "left"), ("金额", "Amount", 0.4, "right")]
    rows = [[zh_en(t.method, lang), money(t.amount)] for t in report.refunds_by_tender]
    rows.append([_t("合计", "Total", lang), money(report.refund_total)])
    frame.table(sheet, tender_cols, rows, lang)
    if report.collected_by_tender:
        # Money that came INTO the drawer: exchanges where the new goods cost more.
        sheet.text(_t("换货补差价收款", "Paid in on exchanges", lang), bold=True, keep_with_next=True)
        rows = [[zh_en(t.method, lang), money(t.amount)] for t in report.collected_by_tender]
        rows.append([_t("合计", "Total", lang), money(report.collected_total)])
        frame.table(sheet, tender_cols, rows, lang)
    if report.compensations:
        # Money OUT of the drawer that is not a refund: 食品安全法 art. 148 compensation.
        sheet.text(_t("食品安全赔偿金（不是退款）", "Food-safety compensation paid (not a refund)", lang),
                   bold=True, keep_with_next=True)
        rows = [[f"{c.number} · {zh_en(c.method, lang)} · {c.supervisor}", money(c.amount)]
                for c in report.compensations]
        rows.append([_t("合计", "Total", lang), money(sum(c.amount for c in report.compensations))])
        frame.table(sheet, tender_cols, rows, lang)


def _red_invoices(sheet: Sheet, report: EndOfDayData, lang: str) -> None:
    _heading(sheet, "red_invoices", lang)
    cols = [("单号", "No.", 0.3, "left"), ("原小票 / 发票", "Receipt / invoice", 0.45, "left"),
            ("金额", "Amount", 0.25, "right")]
    frame.table(sheet, cols, [[r.number, f"{r.receipt_no} / {r.invoice}", money(r.amount)]
                              for r in report.red_invoices], lang)


def _pending(sheet: Sheet, report: EndOfDayData, lang: str) -> None:
    """Card and wallet refunds the terminal has not confirmed: to be checked against its own day report."""
    if not report.pending_refunds:
        return
    sheet.text(_t("待确认的刷卡/钱包退款（未录入刷卡机参考号）", "Refunds pending at the payment terminal "
                  "(no reference entered)", lang), bold=True, keep_with_next=True)
    rows = [[p.number, zh_en(p.method, lang), money(p.amount)] for p in report.pending_refunds]
    rows.append([_t("合计", "Total", lang), "", money(sum(p.amount for p in report.pending_refunds))])
    frame.table(sheet, [("单号", "No.", 0.4, "left"), ("方式", "Tender", 0.3, "left"),
                        ("金额", "Amount", 0.3, "right")], rows, lang)


def _returns(sheet: Sheet, report: EndOfDayData, shop: ShopInfo, lang: str) -> None:
    wide = not sheet.paper.roll
    _heading(sheet, "returns", lang)
    if wide:
        frame.table(sheet, RETURNS_COLUMNS,
                    [[r.number, shop_time(r.time, shop.tz)[-5:], one(r.kind, lang), r.clerk,
                      r.receipt_no or one("no_receipt", lang), _status(r.status, lang), _amount(r, lang)]
                     for r in report.returns], lang, sheet.size * 0.9)
    else:
        if not report.returns:
            _none(sheet, lang)
        for r in report.returns:
            sheet.pair(f"{r.number}  {shop_time(r.time, shop.tz)[-5:]}", _amount(r, lang))
            detail = " · ".join([one(r.kind, lang), r.clerk, r.receipt_no or one("no_receipt", lang),
                                 _status(r.status, lang)])
            sheet.text(detail, sheet.size * 0.85, indent=sheet.size)
        sheet.rule()


def _issued(sheet: Sheet, report: EndOfDayData, lang: str) -> None:
    wide = not sheet.paper.roll
    _heading(sheet, "issued", lang)
    if wide:
        frame.table(sheet, [("券码", "Code", 0.34, "left"), ("类型", "Kind", 0.22, "left"),
                            ("关联单号", "Issued with", 0.26, "left"), ("面值", "Value", 0.18, "right")],
                    [[i.code, one(i.kind, lang), i.issued_for or "", _face(i.value, i.percent)]
                     for i in report.issued], lang)
    else:
        frame.table(sheet, [("券码", "Code", 0.6, "left"), ("面值", "Value", 0.4, "right")],
                    [[i.code, _face(i.value, i.percent)] for i in report.issued], lang)


def _overrides(sheet: Sheet, report: EndOfDayData, lang: str) -> None:
    wide = not sheet.paper.roll
    _heading(sheet, "overrides", lang)
    if wide:
        frame.table(sheet, [("单号", "No.", 0.2, "left"), ("店员", "Clerk", 0.14, "left"),
                            ("审批主管", "Approved by", 0.16, "left"), ("原因", "Reason", 0.34, "left"),
                            ("金额", "Amount", 0.16, "right")],
                    [[o.number, o.clerk, o.supervisor, reason_words(o.reason, lang), money(o.amount)]
                     for o in report.overrides], lang, sheet.size * 0.9)
    else:
        if not report.overrides:
            _none(sheet, lang)
        for o in report.overrides:
            sheet.pair(f"{o.number}  {o.clerk} → {o.supervisor}", money(o.amount))
            sheet.text(reason_words(o.reason, lang), sheet.size * 0.85, indent=sheet.size)
        sheet.rule()


def _amount(row: EodReturnRow, lang: str) -> str:
    """Refunded, or — on an exchange where the customer paid the difference — what was paid in."""
    if row.collected and not row.refund:
        return (f"in {money(row.collected)}" if frame.is_en(lang) else f"收 {money(row.collected)}")
    return money(row.refund)


def _t(zh: str, en: str, lang: str) -> str:
    return en if frame.is_en(lang) else f"{zh} {en}"


def _heading(sheet: Sheet, key: str, lang: str) -> None:
    zh, en = _SECTIONS[key]
    sheet.space(sheet.size * 0.6)
    sheet.text(_t(zh, en, lang), sheet.size * 1.1, bold=True, keep_with_next=True)


def _summary(sheet: Sheet, report: EndOfDayData, lang: str) -> None:
    done = [r for r in report.returns if r.status == "completed"]
    returns = sum(1 for r in done if r.kind == "return")
    exchanges = sum(1 for r in done if r.kind == "exchange")
    voided = sum(1 for r in report.returns if r.status == "voided")
    coupons = [i for i in report.issued if i.kind == "coupon"]
    credit = sum(i.value for i in report.issued if i.kind == "store_credit")
    _heading(sheet, "summary", lang)
    sheet.pair(_t("退货 / 换货 / 作废", "Returns / exchanges / voided", lang), f"{returns} / {exchanges} / {voided}")
    sheet.pair(_t("退款合计", "Refunded in total", lang), money(report.refund_total), bold=True)
    sheet.pair(_t("换货补差价收款", "Paid in on exchanges", lang), money(report.collected_total))
    sheet.pair(_t("优惠券（张）", "Coupons issued", lang), str(len(coupons)))
    sheet.pair(_t("储值发放", "Store credit issued", lang), money(credit))
    sheet.pair(_t("主管特批（笔）", "Overrides", lang), str(len(report.overrides)))


def _none(sheet: Sheet, lang: str) -> None:
    sheet.text("None" if frame.is_en(lang) else "无", grey=True)


def _status(status: str, lang: str) -> str:
    words = {"completed": ("完成", "done"), "voided": ("已作废", "voided"), "open": ("处理中", "open"),
             "resolved": ("已处理", "resolved"),
             "pending_approval": ("待审批", "pending")}
    zh, en = words.get(status, (status, status))
    return en if frame.is_en(lang) else zh


def _face(value: int, percent: int) -> str:
    return f"{percent}%" if percent else money(value)


def _signatures(sheet: Sheet, lang: str) -> None:
    sheet.space(sheet.size)
    sheet.signature(_t("当班店员", "Clerk on duty", lang) + ":")
    sheet.signature(_t("值班主管", "Supervisor", lang) + ":")


def _service_loop(sheet: Sheet, report: EndOfDayData, shop: ShopInfo, lang: str) -> None:
    """Major complaints the owner must see, what is overdue or due for a call, and the day's satisfaction."""
    if not (report.escalated or report.complaints_overdue or report.followups_due or report.ratings):
        return
    _heading(sheet, "service_loop", lang)
    sheet.pair(zh_en("complaints_overdue", lang), str(report.complaints_overdue), bold=report.complaints_overdue > 0)
    sheet.pair(zh_en("followups_due", lang), str(report.followups_due))
    if report.ratings:
        n = sum(r.count for r in report.ratings)
        average = sum(r.average * r.count for r in report.ratings) / n
        sheet.pair(zh_en("satisfaction_average", lang), f"{average:.2f} ({n})")
    if report.escalated:
        sheet.text(zh_en("complaints_escalated", lang), bold=True, keep_with_next=True)
        for c in report.escalated:
            late = (" OVERDUE" if frame.is_en(lang) else " 已逾期") if c.overdue else ""
            sheet.pair(f"{c.number}  {shop_time(c.time, shop.tz)[5:]}", _status(c.status, lang) + late)
            sheet.text(c.description, sheet.size * 0.85, indent=sheet.size)
        sheet.rule()
