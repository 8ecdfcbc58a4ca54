"""Recording a return refused as a whole (登记拒退): the customer is sent away, the counter keeps why."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.engine import quote_to_json
from app.domain.refunds import REFUSED
from app.errors import InvalidInput
from app.models import Refusal, User, utcnow
from app.services.numbers import next_number
from app.services.policy import policy_in_force
from app.services.returns.quoting import check_returnable, quote_in
from app.services.users import acting_user, audit
from app.services.views import QuoteView, ReturnRequest, UserView


@dataclass(frozen=True)
class RecordedRefusal:
    """What the counter wrote: the number to say to the customer, and each line's decision."""

    number: str
    receipt_no: str
    lines: int
    units: int
    policy_version: str
    refused_at: datetime
    quote: QuoteView


def wholly_refused(view: QuoteView) -> bool:
    """Nothing of what was asked can be taken back (not even with the overrides already marked)."""
    return bool(view.quote.lines) and all(d.outcome in REFUSED for d in view.quote.lines)


def record(request: ReturnRequest, clerk: UserView, url: str | None = None,
           now: datetime | None = None) -> RecordedRefusal:
    """Writes the refusal in one transaction, decided again under the write lock; moves no goods and no money."""
    now = now or utcnow()
    with session_scope(url) as s:
        _acting_counter_user(s, clerk)
        view, ctx = quote_in(s, request, now, policy_in_force(s), lock=True)
        check_returnable(view)   # asking for more than is left is a mistake to correct, not a refusal
        if not wholly_refused(view):
            raise InvalidInput("这些商品有可以退换的，请完成退货（F9），不要登记拒退。",
                               "Some of these items can be taken back: complete the return (F9) instead of "
                               "recording a refusal.")
        q = view.quote
        units = sum(d.qty for d in q.lines)
        row = Refusal(number=next_number(s, "JT", now), sale_id=ctx.sale.id if ctx.sale else None,
                      member_id=ctx.member_id, clerk_id=clerk.id, policy_version=q.policy_version,
                      floor_version=q.floor_version, region=q.region, lines=len(q.lines), units=units,
                      asked=json.dumps(_asked(request), ensure_ascii=False),
                      trace=json.dumps(quote_to_json(q), ensure_ascii=False),
                      started_at=min(request.started_at or now, now), refused_at=now)
        s.add(row)
        s.flush()
        receipt_no = view.receipt.receipt_no if view.receipt else ""
        audit(s, "return_refused", clerk.id, row.number, receipt=receipt_no, lines=row.lines, units=units,
              policy=q.policy_version, floor=q.floor_version, region=q.region,
              outcomes=[d.outcome for d in q.lines])
        return RecordedRefusal(row.number, receipt_no, row.lines, units, q.policy_version, now, view)


def _acting_counter_user(s: Session, clerk: UserView) -> User:
    return acting_user(s, clerk, "clerk", "只有已登录的柜台人员可以登记拒退。",
                       "Only a signed-in counter user may record a refusal.")


def _asked(request: ReturnRequest) -> list[dict[str, object]]:
    with_receipt = [{"line": i.line_no, "qty": i.qty, "reason": i.reason, "condition": i.condition}
                    for i in request.items]
    without = [{"sku": i.sku, "qty": i.qty, "reason": i.reason, "condition": i.condition}
               for i in request.no_receipt_items]
    return with_receipt + without
