"""sku_hour_lows: each SKU's lowest net unit price per UTC hour, filled from the sales already in

Revision ID: 0010_speed
Revises: 0009_policy_install
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_speed"
down_revision = "0009_policy_install"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sku_hour_lows",
        sa.Column("sku", sa.String(length=32), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("low", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("sku", "hour"),
    )
    # Sales are stored in UTC (naive on SQLite): the hour is the Unix time // 3600.
    if op.get_bind().dialect.name == "sqlite":
        hour = "CAST(strftime('%s', s.sold_at) AS INTEGER) / 3600"
    else:
        hour = "CAST(floor(extract(epoch FROM s.sold_at) / 3600) AS INTEGER)"
    op.execute(
        f"INSERT INTO sku_hour_lows (sku, hour, low) SELECT sl.sku, {hour}, MIN(sl.net / sl.qty) "
        "FROM sale_lines sl JOIN sales s ON s.id = sl.sale_id GROUP BY sl.sku, 2")


def downgrade() -> None:
    op.drop_table("sku_hour_lows")
