"""Member care and supplier quality on a real database: notes, allergens, the customer file, repeated faults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.errors import InvalidInput
from app.models import AuditEntry
from app.services import coupon_issue, member_care, repairs, returns, supplier_quality
from app.services.imports import import_members, import_products, import_sales
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

NOW = datetime(2026, 11, 10, 6, 0, tzinfo=UTC)


@pytest.fixture
def shop(catalogue, tmp_path):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
    (tmp_path / "p.csv").write_text("sku,name_zh,policy_class,price,supplier,allergens\n"
                                    "6901234567892,红烧牛肉面,general,450,康师傅,\"gluten, soy\"\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("card_no,birthday,allergens\nM000123,1980-11-12,花生、麸质\n", encoding="utf-8")
    assert import_products(tmp_path / "p.csv", catalogue).ok and import_members(tmp_path / "m.csv", catalogue).ok
    return catalogue, sign_in("clerk", "1111", catalogue), sign_in("boss", "2222", catalogue)


def test_allergens_come_from_the_csvs_and_an_exchange_replacement_carrying_one_warns(shop):
    url, clerk, _ = shop
    assert member_care.care_of("M000123", url).allergens == ("peanut", "gluten")
    assert member_care.allergen_warning("M000123", "6901234567892", url) == ("gluten",)
    assert member_care.allergen_warning("M000123", "6909876543212", url) == ()   # the kettle carries none
    assert member_care.allergen_warning(None, "6901234567892", url) == ()
    member_care.set_allergens("M000123", ("milk",), clerk, url)
    assert member_care.allergen_warning("M000123", "6901234567892", url) == ()


def test_an_unknown_allergen_in_the_members_csv_is_rejected_naming_it(shop, tmp_path):
    url, _, _ = shop
    (tmp_path / "bad.csv").write_text("card_no,allergens\nM000124,花生、榴莲\n", encoding="utf-8")
    report = import_members(tmp_path / "bad.csv", url)
    assert not report.ok and "榴莲" in report.rejected[0].reason_zh


def test_the_special_needs_note_is_edited_by_a_clerk_and_audited(shop):
    url, clerk, _ = shop
    shown = member_care.set_special_needs("M000123", "老人，说话请大声一些", clerk, url)
    assert shown.special_needs == "老人，说话请大声一些"
    with pytest.raises(InvalidInput):
        member_care.set_special_needs("M000123", "长" * 301, clerk, url)
    with session_scope(url, write=False) as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "member_special_needs"))
    assert entry.subject == "M000123" and "大声" in entry.detail


def test_the_customer_file_shows_purchases_returns_coupons_and_repairs_on_one_page(shop):
    url, clerk, boss = shop
    assert import_sales(jsonl(sale("R1", sold_at=(NOW - timedelta(days=1)).isoformat())), url).ok
    returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "quality_fault", "opened"),)), clerk, url=url, now=NOW)
    coupon_issue.goodwill(boss, member_card="M000123", now=NOW, url=url)
    repairs.walk_in(clerk, sku="6909876543212", fault="不加热", member_card="M000123", now=NOW, url=url)
    file = member_care.customer_file("M000123", url)
    assert [p.receipt_no for p in file.purchases] == ["R1"] and len(file.returns) == 1
    assert len(file.coupons) == 2          # the return's goodwill coupon and the supervisor's
    assert [t.sku for t in file.repairs] == ["6909876543212"]
    assert file.followups == () and file.ratings == ()   # those rooms' tables are read only when present


def test_the_third_quality_fault_return_of_a_product_this_month_warns(shop):
    url, clerk, _ = shop
    assert supplier_quality.warning("6901234567892", NOW, url) is None
    for n in range(2):
        receipt = f"Q{n}"
        assert import_sales(jsonl(sale(receipt, member=None, sold_at=(NOW - timedelta(days=1)).isoformat())), url).ok
        returns.complete(ReturnRequest(receipt, (ReturnItem(1, 1, "quality_fault", "opened"),)), clerk, url=url,
                         now=NOW + timedelta(minutes=n))
    warning = supplier_quality.warning("6901234567892", NOW + timedelta(hours=1), url)
    assert warning is not None and "第3次质量问题退货" in warning.zh
    next_month = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)   # 08:00 in the shop: a new month, a clean count
    assert supplier_quality.warning("6901234567892", next_month, url) is None
    claim = supplier_quality.claim("康师傅", url)
    assert [(ln.sku, ln.qty) for ln in claim.lines] == [("6901234567892", 1)] * 2
    assert supplier_quality.suppliers(url) == ["康师傅"]
