"""Card and wallet refunds: the payment terminal's refund reference, entered after the return, audited."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.db import session_scope
from app.domain.vocabulary import TENDER_METHODS, TERMINAL_METHODS
from app.errors import InvalidInput, NotFound
from app.models import Return, ReturnTender, utcnow
from app.services.users import acting_user, audit
from app.services.views import UserView

MAX_REF = 64


@dataclass(frozen=True)
class PendingRefund:
    """Money the terminal still has to send back (or has, without the reference entered here)."""

    number: str
    method: str
    amount: int                # fen
    completed_at: datetime | None


def clean_reference(typed: str) -> str:
    """The terminal's reference as scanned or typed: full-width digits folded, spaces dropped."""
    ref = "".join(unicodedata.normalize("NFKC", typed or "").split()).upper()
    if not ref or len(ref) > MAX_REF or not ref.isascii() or not ref.isprintable():
        raise InvalidInput(f"退款参考号无效：{typed!r}（刷卡机小票上的退款单号，最多 {MAX_REF} 位）",
                           f"Not a refund reference: {typed!r} (the terminal slip's refund number, "
                           f"at most {MAX_REF} characters)")
    return ref


def confirm_tender(number: str, method: str, reference: str, user: UserView | None,
                   url: str | None = None, now: datetime | None = None) -> str:
    """Records that the terminal refunded `method` on return `number`, with its reference; audited."""
    if method not in TERMINAL_METHODS:
        raise InvalidInput(f"{TENDER_METHODS.get(method, (method,))[0]} 的退款不经过刷卡机，无需参考号。",
                           f"A {method} refund does not go through the payment terminal: no reference needed.")
    ref = clean_reference(reference)
    with session_scope(url) as s:
        row = acting_user(s, user, "clerk", "请先登录。", "Sign in first.")
        ret = s.scalar(select(Return).where(Return.number == (number or "").strip().upper()))
        if ret is None or ret.status != "completed":
            raise NotFound(f"没有已完成的退货单 {number}", f"No completed return {number}")
        tender = s.scalar(select(ReturnTender).where(ReturnTender.return_id == ret.id,
                                                     ReturnTender.method == method).order_by(ReturnTender.id))
        if tender is None:
            raise NotFound(f"退货单 {ret.number} 没有退到{TENDER_METHODS[method][0]}的款项",
                           f"Return {ret.number} has no refund to {TENDER_METHODS[method][1]}")
        if tender.terminal_ref:
            raise InvalidInput(f"{ret.number} 的{TENDER_METHODS[method][0]}退款已记录参考号 {tender.terminal_ref}",
                               f"The {TENDER_METHODS[method][1]} refund of {ret.number} already has "
                               f"reference {tender.terminal_ref}")
        tender.terminal_ref, tender.confirmed_at, tender.confirmed_by_id = ref, now or utcnow(), row.id
        audit(s, "refund_confirmed", row.id, ret.number, method=method, amount=tender.amount, reference=ref)
    return ref


def pending_refunds(url: str | None = None, until: datetime | None = None) -> list[PendingRefund]:
    """Every completed return's card and wallet refund still without the terminal's reference."""
    with session_scope(url, write=False) as s:
        query = (select(Return.number, ReturnTender.method, ReturnTender.amount, Return.completed_at)
                 .join(Return, Return.id == ReturnTender.return_id)
                 .where(Return.status == "completed", ReturnTender.method.in_(TERMINAL_METHODS),
                        ReturnTender.terminal_ref.is_(None), ReturnTender.amount > 0)
                 .order_by(Return.completed_at, ReturnTender.id))
        if until is not None:
            query = query.where(Return.completed_at < until)
        return [PendingRefund(*row) for row in s.execute(query)]
