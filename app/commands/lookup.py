"""`returns-desk lookup CODE`: a receipt with each line's still-returnable quantity."""

from __future__ import annotations

import argparse
import json
import unicodedata

from app.domain.money import format_fen
from app.domain.vocabulary import TENDER_METHODS, TIERS, label
from app.services.lookup import find_receipt
from app.services.startup import open_shop
from app.services.views import ReceiptView
from app.settings import SHOP_TZ


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("lookup", help="show a receipt and what is still returnable")
    parser.add_argument("code", help="receipt number (what the receipt barcode encodes)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_shop()
    receipt = find_receipt(args.code)
    print(json.dumps(receipt_json(receipt), ensure_ascii=False, indent=2) if args.json
          else receipt_text(receipt, args.lang))
    return 0


def receipt_json(r: ReceiptView) -> dict[str, object]:
    return {
        "receipt": r.receipt_no, "sold_at": r.sold_at.astimezone(SHOP_TZ).isoformat(), "till": r.till,
        "cashier": r.cashier, "member": r.member.card_no if r.member else None,
        "member_tier": r.member.tier if r.member else None, "total_paid": r.total_paid,
        "receipt_discount": r.receipt_discount, "points_earned": r.points_earned,
        "lines": [{"line": ln.line_no, "sku": ln.sku, "name": ln.name_zh, "policy_class": ln.policy_class,
                   "qty": ln.qty_sold, "returned": ln.qty_returned, "returnable": ln.qty_returnable,
                   "unit_price": ln.unit_price, "net_paid": ln.net_paid, "promo_group": ln.promo_group,
                   "final_sale": ln.final_sale} for ln in r.lines],
        "tenders": [{"method": t.method, "amount": t.amount, "refunded": t.refunded} for t in r.tenders],
        "earlier_returns": list(r.earlier_returns),
    }


def receipt_text(r: ReceiptView, lang: str) -> str:
    en = lang == "en"
    when = r.sold_at.astimezone(SHOP_TZ).strftime("%Y-%m-%d %H:%M")
    member = (f"{r.member.card_no} {r.member.phone_masked} {label(TIERS, r.member.tier, lang)}"
              if r.member else "-")
    header = (f"{'Receipt' if en else '小票'} {r.receipt_no}  {when}  {'till' if en else '收银台'} {r.till}  "
              f"{'cashier' if en else '收银员'} {r.cashier}  {'member' if en else '会员'} {member}")
    heads = (("line", "qty", "returned", "returnable", "net paid", "item") if en else
             ("行号", "售出", "已退", "可退", "实付", "商品"))
    widths = [max(4, _width(h)) for h in heads[:4]] + [max(9, _width(heads[4]))]
    out = [header, "  " + "  ".join(_right(h, w) for h, w in zip(heads, widths, strict=False)) + "  " + heads[5]]
    for ln in r.lines:
        name = (ln.name_en or ln.name_zh) if en else ln.name_zh
        flags = (" [final sale]" if en else " [清仓]") if ln.final_sale else ""
        flags += f" [{ln.promo_group}]" if ln.promo_group else ""
        cells = (ln.line_no, ln.qty_sold, ln.qty_returned, ln.qty_returnable, format_fen(ln.net_paid))
        out.append("  " + "  ".join(_right(str(c), w) for c, w in zip(cells, widths, strict=True))
                   + f"  {name}{flags}")
    tenders = ", ".join(f"{label(TENDER_METHODS, t.method, lang)} {format_fen(t.amount)}" for t in r.tenders)
    out.append(f"{'Paid' if en else '实付'} {format_fen(r.total_paid)} ({tenders})")
    if r.fully_returned:
        out.append("Everything on this receipt has been returned." if en else "本小票商品已全部退回。")
    return "\n".join(out)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _width(text)) + text
