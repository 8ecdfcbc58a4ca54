"""The returns policy notice (退换货政策公示): a poster generated from the same policy the engine runs."""

from __future__ import annotations

from datetime import tzinfo

from app.printing import frame
from app.printing.data import Bilingual, PolicyNoticeData, ShopInfo
from app.printing.labels import day
from app.printing.layout import Cell, Sheet


def render_policy_notice(notice: PolicyNoticeData, shop: ShopInfo, paper: str = "a4",
                         lang: str = "zh_CN") -> bytes:
    """A poster on one sheet when it fits: the text is set as large as one page allows."""
    frame.check_lang(lang)
    scales = (1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.75) if paper.lower() in ("a4", "a5") else (1.0,)
    for scale in scales:
        sheet = _compose(notice, shop, paper, lang, scale)
        if sheet.page_count() == 1:
            break   # else the smallest size goes out on two pages
    return sheet.render(lambda n, t: f"{n}/{t}")


def _compose(notice: PolicyNoticeData, shop: ShopInfo, paper: str, lang: str, scale: float) -> Sheet:
    sheet = frame.new_sheet(paper, "Returns policy", scale)
    s = sheet.size
    frame.shop_heading(sheet, shop, lang)
    sheet.space(s * 0.5)
    frame.title(sheet, "policy_title", lang)
    sheet.space(s * 0.5)
    en = frame.is_en(lang)
    if sheet.paper.roll:
        for row in notice.rows:
            sheet.text(_both(row.name, lang, " "), s * 1.1, bold=True, keep_with_next=True)
            if row.examples.zh or row.examples.en:
                frame.words(sheet, row.examples, lang, bullet="", size=s * 0.85)
            frame.words(sheet, _prefixed(("不想要了：", "Changed mind: "), row.changed_mind), lang)
            frame.words(sheet, _prefixed(("质量问题：", "Quality fault: "), row.quality_fault), lang)
            sheet.rule()
    else:
        cols = [("商品类别", "Goods", 0.28, "left"), ("不想要了（无理由）", "Changed your mind", 0.34, "left"),
                ("质量问题", "Quality fault", 0.38, "left")]
        rows = [[_cell(r.name, lang, cols[0], bold=True, sub=r.examples.en if en else r.examples.zh),
                 _cell(r.changed_mind, lang, cols[1]), _cell(r.quality_fault, lang, cols[2])]
                for r in notice.rows]
        frame.table(sheet, cols, rows, lang, ruled=True)
    sheet.space(s * 0.5)
    sheet.text("Please note" if en else "请注意 Please note", bold=True, keep_with_next=True)
    for note in notice.notes:
        frame.words(sheet, note, lang, size=s * 0.95)
    sheet.space(s)
    sheet.text(_dates(notice, shop.tz, lang, "\n" if sheet.paper.roll else " · "), s * 0.85, align="center", grey=True)
    frame.feedback(sheet, shop, lang)
    return sheet


def _dates(notice: PolicyNoticeData, tz: tzinfo, lang: str, sep: str = " · ") -> str:
    """The version (the policy file's hash, as each return records it) and the dates that hold."""
    parts = [("生效日期", "Effective", notice.effective), ("打印日期", "Printed", notice.printed)]
    dated = [(zh, en, day(d, tz)) for zh, en, d in parts if d]
    if frame.is_en(lang):
        return sep.join([f"Policy version {notice.version}", *(f"{en} {d}" for _zh, en, d in dated)])
    return sep.join([f"政策版本 Policy version {notice.version}",
                       *(f"{zh} {en} {d}" for zh, en, d in dated)])


def _both(text: Bilingual, lang: str, sep: str = "\n") -> str:
    return text.en if frame.is_en(lang) else f"{text.zh}{sep}{text.en}"


def _cell(text: Bilingual, lang: str, col: tuple[str, str, float, str], *, bold: bool = False,
          sub: str = "") -> Cell:
    """Chinese first with the English in grey under it; English mode prints the English plainly."""
    if frame.is_en(lang):
        return Cell(text.en, col[2], col[3], bold=bold, sub=sub)
    return Cell(text.zh, col[2], col[3], bold=bold, sub="\n".join(p for p in (text.en, sub) if p))


def _prefixed(prefix: tuple[str, str], text: Bilingual) -> Bilingual:
    return Bilingual(prefix[0] + text.zh, prefix[1] + text.en)
