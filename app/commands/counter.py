"""`returns-desk return` and `returns-desk void`: the counter without a screen, on the same services."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable

from app.commands import ask_pin
from app.domain.codes import shown
from app.domain.money import format_fen
from app.domain.vocabulary import (
    OUTCOMES,
    OVERRIDE_REASONS,
    SUPERVISOR_REASONS,
    TENDER_METHODS,
    label,
)
from app.errors import DeskError, InvalidInput
from app.services import approvals, returns
from app.services.startup import open_shop
from app.services.users import sign_in
from app.services.views import (
    CompletedReturn,
    ExchangeItem,
    NoReceiptItem,
    QuoteView,
    ReturnItem,
    ReturnRequest,
)

EXIT_NEEDS_SUPERVISOR = 3
EXIT_REFUSED = 4


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("return", help="quote or complete a return / exchange from the command line")
    p.add_argument("--receipt", help="receipt number; leave out for a return without receipt")
    p.add_argument("--item", action="append", default=[], metavar="LINE:QTY:REASON:CONDITION")
    p.add_argument("--member", help="member card or phone (identifies a customer without receipt)")
    p.add_argument("--sku-item", action="append", default=[], metavar="SKU:QTY:REASON:CONDITION",
                   help="an item brought back without a receipt")
    p.add_argument("--exchange", action="append", default=[], metavar="SKU:QTY", help="goods given in exchange")
    p.add_argument("--override", action="append", type=int, default=[], metavar="LINE",
                   help="a refused line the supervisor overrides")
    p.add_argument("--remedy", action="append", default=[], metavar="LINE:REMEDY",
                   help="the customer's choice among a line's remedies (refund, exchange, repair, store_credit)")
    p.add_argument("--evidence", action="append", default=[], metavar="LINE:EXPIRY:BATCH[:NOTE]",
                   help="a food claim's evidence: the date and batch printed on the pack, what the clerk saw")
    p.add_argument("--clerk", required=True, help="user name (PIN from RETURNS_DESK_PIN or a prompt)")
    p.add_argument("--supervisor", help="approving supervisor (PIN from RETURNS_DESK_SUPERVISOR_PIN or a prompt)")
    p.add_argument("--override-reason", choices=tuple(OVERRIDE_REASONS))
    p.add_argument("--note", default="")
    p.add_argument("--paid-by", default="cash", choices=returns.DIFFERENCE_METHODS,
                   help="how the customer pays an exchange's price difference (default cash)")
    p.add_argument("--cash-in-drawer", type=int, metavar="FEN",
                   help="cash the drawer holds; a cash refund beyond it is paid as store credit")
    p.add_argument("--dry-run", action="store_true", help="quote only; nothing is written")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_return)
    v = sub.add_parser("void", help="void a return completed today (supervisor)")
    v.add_argument("number")
    v.add_argument("--supervisor", required=True)
    v.add_argument("--clerk", help="who asks for the void (defaults to the supervisor)")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=run_void)


def _parts(text: str, n: int, what: str) -> list[str]:
    parts = text.split(":")
    if len(parts) != n:
        raise InvalidInput(f"格式不对：{text}（应为 {what}）", f"Bad format: {text} (expected {what})")
    return parts


def _whole(text: str, what: str) -> int:
    # ASCII digits only: "²".isdigit() is True and int("²") is a crash; 5 digits is more than any line or quantity.
    if not (text.isascii() and text.isdecimal() and len(text) <= 5):
        raise InvalidInput(f"{what} 必须是正整数（最多 5 位）：{shown(text)}",
                           f"{what} must be a whole number (5 digits at most): {shown(text)}")
    return int(text)


def _by_line(texts: list[str], least: int, what: str) -> dict[int, list[str]]:
    """--remedy / --evidence values keyed by their line: the screen's choice and evidence fields."""
    out: dict[int, list[str]] = {}
    for t in texts:
        parts = t.split(":", 3)
        if len(parts) < least:
            raise InvalidInput(f"格式不对：{shown(t)}（应为 {what}）", f"Bad format: {shown(t)} (expected {what})")
        out[_whole(parts[0], "LINE")] = parts[1:] + [""] * (3 - len(parts[1:]))
    return out


def build_request(args: argparse.Namespace) -> ReturnRequest:
    chosen = _by_line(getattr(args, "remedy", []), 2, "LINE:REMEDY")
    evidence = _by_line(getattr(args, "evidence", []), 2, "LINE:EXPIRY:BATCH[:NOTE]")
    items = tuple(ReturnItem(n, _whole(q, "QTY"), r, c, chosen.get(n, [None])[0], *evidence.get(n, ["", "", ""]))
                  for n, q, r, c in ((_whole(ln, "LINE"), q, r, c)
                                     for ln, q, r, c in (_parts(t, 4, "LINE:QTY:REASON:CONDITION") for t in args.item)))
    loose = tuple(NoReceiptItem(sku, _whole(q, "QTY"), r, c)
                  for sku, q, r, c in (_parts(t, 4, "SKU:QTY:REASON:CONDITION") for t in args.sku_item))
    exchange = tuple(ExchangeItem(sku, _whole(q, "QTY")) for sku, q in (_parts(t, 2, "SKU:QTY") for t in args.exchange))
    if args.receipt and loose:
        raise InvalidInput("有小票时请用 --item 行号。", "With a receipt, use --item with line numbers.")
    return ReturnRequest(receipt_no=args.receipt, items=items, no_receipt_items=loose, member_card=args.member,
                         exchange_items=exchange, overrides=frozenset(args.override),
                         cash_in_drawer=args.cash_in_drawer, difference_paid_by=args.paid_by)


def _other_errors_exit_1(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The counter commands promise 0 / 3 needs a supervisor / 4 refused / 1 anything else."""
    @functools.wraps(run)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except (returns.NeedsSupervisor, returns.RefusedByPolicy):
            raise
        except DeskError as exc:
            if exc.exit_code == 1:
                raise
            raise DeskError(exc.zh, exc.en) from exc
    return wrapped


@_other_errors_exit_1
def run_return(args: argparse.Namespace) -> int:
    open_shop()
    request = build_request(args)
    clerk = sign_in(args.clerk, ask_pin("RETURNS_DESK_PIN", args.clerk))
    if args.dry_run:
        view = returns.quote(request)
        returns.check_returnable(view)
        _print_quote(view, args)
        return 0
    approval = None
    if args.supervisor:
        if not args.override_reason:
            raise InvalidInput("请用 --override-reason 说明审批原因。", "Give --override-reason with --supervisor.")
        needs = returns.quote(request).supervisor_reasons  # what the supervisor signs for (audited)
        approval = approvals.approve(args.supervisor, ask_pin("RETURNS_DESK_SUPERVISOR_PIN", args.supervisor),
                                     args.override_reason, args.note, clerk, needs)
    try:
        done = returns.complete(request, clerk, approval)
    except returns.NeedsSupervisor as exc:
        if args.json:
            print(json.dumps({"status": "needs_supervisor", "reasons": list(exc.reasons)}))
        raise
    except returns.RefusedByPolicy as exc:
        if args.json and exc.view is not None:
            print(json.dumps({"status": "refused", **quote_json(exc.view)}, ensure_ascii=False, indent=2))
        raise
    _print_done(done, args)
    return 0


def quote_json(view: QuoteView) -> dict[str, object]:
    from app.domain.engine import quote_to_json

    out = quote_to_json(view.quote)
    out.update(needs_supervisor=view.needs_supervisor, supervisor_reasons=list(view.supervisor_reasons),
               points_reversed=view.points_reversed)
    if view.exchange_lines:  # what the transaction pays back in all once the goods going out are paid
        out.update(exchange_total=view.exchange_total, price_difference=view.price_difference,
                   money_back=view.money_back,
                   refund_tenders=[{"method": t.method, "amount": t.amount} for t in view.refund_tenders])
    return out


def _print_quote(view: QuoteView, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps({"status": "quoted", **quote_json(view)}, ensure_ascii=False, indent=2))
        return
    lang = args.lang
    for d in view.quote.lines:
        print(f"  {d.line:>3}  {label(OUTCOMES, d.outcome, lang):<14} {format_fen(d.refund):>9}  {d.explanation[lang]}")
    print(f"  {'refund' if lang == 'en' else '退款'} {format_fen(view.money_back)}  "
          + ", ".join(f"{label(TENDER_METHODS, t.method, lang)} {format_fen(t.amount)}"
                      for t in view.refund_tenders))
    if view.exchange_lines and view.price_difference > 0:
        print(("  the customer pays " if lang == "en" else "  顾客补差价 ") + format_fen(view.price_difference))
    if view.needs_supervisor:
        print(("  needs a supervisor: " if lang == "en" else "  需要主管审批：") + ", ".join(label(SUPERVISOR_REASONS, r, lang) for r in view.supervisor_reasons))


def _print_done(done: CompletedReturn, args: argparse.Namespace) -> None:
    body = {"status": done.status, "number": done.number, "kind": done.kind, "refund_total": done.refund_total,
            "withheld_coupon_share": done.withheld_coupon_share,
            "tenders": [{"method": t.method, "amount": t.amount} for t in done.tenders],
            "points_reversed": done.points_reversed, "coupon_code": done.coupon_code,
            "store_credit_code": done.voucher_code, "clerk": done.clerk, "supervisor": done.supervisor,
            "compensation": done.compensation, "compensation_method": done.compensation_method}
    if done.quote is not None:
        body["lines"] = [{"line": d.line, "outcome": d.outcome, "refund": d.refund, "rules": list(d.rules),
                          "explanation": d.explanation} for d in done.quote.quote.lines]
        if done.quote.exchange_lines:
            body["price_difference"] = done.quote.price_difference
    if args.json:
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return
    if done.quote is not None:
        _print_quote(done.quote, args)
    en = args.lang == "en"
    print(f"{'Return' if en else '退货单'} {done.number} {done.status}: {format_fen(done.refund_total)}"
          + (f"  coupon {done.coupon_code}" if done.coupon_code else "")
          + (f"  store credit {done.voucher_code}" if done.voucher_code else ""))
    if done.compensation:  # 食品安全法 art. 148: paid apart from the refund, the drawer check counts it
        print(f"{'Compensation' if en else '赔偿金'} {format_fen(done.compensation)} "
              f"{label(TENDER_METHODS, done.compensation_method, args.lang)}")


@_other_errors_exit_1
def run_void(args: argparse.Namespace) -> int:
    open_shop()
    supervisor_pin = ask_pin("RETURNS_DESK_SUPERVISOR_PIN", args.supervisor)
    approval = approvals.approve_void(args.supervisor, supervisor_pin)
    # the supervisor asking for it themselves is checked once, as a void
    clerk = sign_in(args.clerk, ask_pin("RETURNS_DESK_PIN", args.clerk)) if args.clerk else approval.approver
    done = returns.void(args.number, approval, clerk)
    if args.json:
        print(json.dumps({"status": done.status, "number": done.number, "refund_total": done.refund_total}))
    else:
        print(f"{done.number}: {done.status}")
    return 0
