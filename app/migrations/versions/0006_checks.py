"""CHECK constraints: quantities > 0, money and counts ≥ 0, on every table that holds them

Revision ID: 0006_checks
Revises: 0005_law
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_checks"
down_revision = "0005_law"
branch_labels = None
depends_on = None

# Frozen here (not read from the models): this migration must mean the same thing forever.
CHECKS = {
    "sales": {"receipt_discount_not_negative": "receipt_discount >= 0", "total_not_negative": "total >= 0",
              "points_earned_not_negative": "points_earned >= 0"},
    "sale_lines": {"qty_positive": "qty > 0", "unit_price_not_negative": "unit_price >= 0",
                   "discount_not_negative": "discount >= 0", "net_not_negative": "net >= 0",
                   "warranty_months_not_negative": "warranty_months >= 0"},
    "sale_tenders": {"amount_not_negative": "amount >= 0"},
    "returns": {"refund_total_not_negative": "refund_total >= 0",
                "withheld_coupon_share_not_negative": "withheld_coupon_share >= 0",
                "exchange_total_not_negative": "exchange_total >= 0",
                "points_reversed_not_negative": "points_reversed >= 0"},
    "return_lines": {"qty_positive": "qty > 0", "value_not_negative": "value >= 0",
                     "refund_not_negative": "refund >= 0"},
    "return_tenders": {"amount_not_negative": "amount >= 0"},
    "exchange_lines": {"qty_positive": "qty > 0", "unit_price_not_negative": "unit_price >= 0",
                       "amount_not_negative": "amount >= 0"},
    "products": {"price_not_negative": "price >= 0", "warranty_months_not_negative": "warranty_months >= 0"},
    "coupons": {"value_not_negative": "value >= 0", "min_spend_not_negative": "min_spend >= 0",
                "percent_in_range": "percent >= 0 AND percent <= 100"},
}


def _refuse_rows_that_break_a_check() -> None:
    """A row written before the checks existed that breaks one: name it rather than fail inside the copy."""
    conn = op.get_bind()
    for table, checks in CHECKS.items():
        for name, condition in checks.items():
            bad = conn.execute(sa.text(f"SELECT id FROM {table} WHERE NOT ({condition}) LIMIT 1")).scalar()
            if bad is not None:
                raise RuntimeError(f"{table} row {bad} breaks the new check {name} ({condition}); "
                                   "correct it, then start again (the copy made before upgrading is untouched)")


def upgrade() -> None:
    _refuse_rows_that_break_a_check()
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, condition in checks.items():
                batch_op.create_check_constraint(op.f(f"ck_{table}_{name}"), condition)


def downgrade() -> None:
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in checks:
                batch_op.drop_constraint(op.f(f"ck_{table}_{name}"), type_="check")
