"""Card and wallet refunds move on the payment terminal: pending until its reference is entered; cash is counted."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.errors import InvalidInput, NotFound
from app.models import AuditEntry, Return
from app.printing import render_end_of_day
from app.services import documents, returns
from app.services.end_of_day import end_of_day_data
from app.services.imports import import_sales
from app.services.shop import get_settings
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from app.settings import SHOP_TZ
from tests.printing import pdfcheck
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)


@pytest.fixture
def paid(catalogue):
    """Two returns: one paid by WeChat (goes back on the terminal), one by cash (out of the drawer)."""
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
    rows = [sale("R1", sold_at=SOLD.isoformat()),   # WeChat
            sale("R2", sold_at=SOLD.isoformat(), tenders=[{"method": "cash", "amount": 1250}])]
    assert import_sales(jsonl(*rows), catalogue).ok
    clerk = sign_in("clerk", "1111", catalogue)
    done = {r: returns.complete(ReturnRequest(r, (ReturnItem(1, 1, "changed_mind", "unopened"),)), clerk,
                                url=catalogue, now=NOW) for r in ("R1", "R2")}
    return catalogue, clerk, done


def test_a_wechat_refund_stays_pending_until_the_terminals_reference_is_entered_and_that_is_audited(paid):
    url, clerk, done = paid
    wechat = done["R1"]
    assert [(t.method, t.pending) for t in wechat.tenders] == [("wechat", True)]
    assert [(p.number, p.method) for p in returns.pending_refunds(url)] == [(wechat.number, "wechat")]
    assert returns.confirm_tender(wechat.number.lower(), "wechat", " ４２００００１２３４ ", clerk, url=url) == "4200001234"
    assert returns.pending_refunds(url) == []
    with session_scope(url, write=False) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "refund_confirmed")).one()
        assert entry.subject == wechat.number and "4200001234" in entry.detail
        again = returns.record(s, s.scalar(select(Return).where(Return.number == wechat.number)))
    assert again.tenders[0].reference == "4200001234" and not again.tenders[0].pending
    with pytest.raises(InvalidInput, match="already has reference 4200001234"):
        returns.confirm_tender(wechat.number, "wechat", "999", clerk, url=url)


def test_cash_needs_no_reference_and_bad_references_are_named(paid):
    url, clerk, done = paid
    assert [(t.method, t.pending) for t in done["R2"].tenders] == [("cash", False)]
    with pytest.raises(InvalidInput, match="does not go through the payment terminal"):
        returns.confirm_tender(done["R2"].number, "cash", "1", clerk, url=url)
    with pytest.raises(InvalidInput, match="Not a refund reference"):
        returns.confirm_tender(done["R1"].number, "wechat", "  ", clerk, url=url)
    with pytest.raises(NotFound, match="no refund to Alipay"):
        returns.confirm_tender(done["R1"].number, "alipay", "123", clerk, url=url)
    with pytest.raises(NotFound):
        returns.confirm_tender("RT000", "wechat", "123", clerk, url=url)


def test_the_end_of_day_report_lists_pending_refunds_and_counts_cash_in_the_drawer_check(paid):
    url, clerk, done = paid
    day = NOW.astimezone(SHOP_TZ).date()
    data = end_of_day_data(day, url)
    assert [(p.number, p.method, p.amount) for p in data.pending_refunds] == [
        (done["R1"].number, "wechat", done["R1"].refund_total)]
    assert data.refunds_by_tender[0].method == "cash" and data.refunds_by_tender[0].amount == done["R2"].refund_total
    pdf = render_end_of_day(data, documents.shop_info_of(get_settings(url)), "a4", "zh_CN")
    text = pdfcheck.text(pdf)
    assert "待确认的刷卡/钱包退款" in text and done["R1"].number in text
    returns.confirm_tender(done["R1"].number, "wechat", "4200001234", clerk, url=url)
    assert end_of_day_data(day, url).pending_refunds == ()
