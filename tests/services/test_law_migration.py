"""Migration 0005_law: sales stored before issue 15 are marked with the rule their nets were shared by."""

from __future__ import annotations

from sqlalchemy import text

from app.db import dispose_engines, get_engine
from app.migrate import upgrade_to_head


def test_existing_sales_keep_their_stored_nets_under_the_gross_rule_new_columns_default_off(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    upgrade_to_head(engine, target="0004_audit_chain")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO sales (receipt_no, sold_at, till, cashier, receipt_discount, total, "
                          "points_earned, content_hash) VALUES ('OLD1', '2026-11-01 02:15:00', 'T1', 'c01', "
                          "500, 3500, 0, 'x')"))
        conn.execute(text("INSERT INTO sale_lines (sale_id, line_no, sku, name, policy_class, qty, unit_price, "
                          "discount, net, final_sale, warranty_months) VALUES (1, 1, 'S', '面', 'general', 3, "
                          "1000, 1000, 1700, 0, 0)"))
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT discount_rule, invoice FROM sales")).one() == ("gross", None)
        assert conn.execute(text("SELECT net, food, stored_value FROM sale_lines")).one() == (1700, 0, 0)
    dispose_engines()
