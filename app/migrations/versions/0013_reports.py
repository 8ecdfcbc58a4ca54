"""Reports: units and net sold per SKU per shop day (sales_by_day), counted from every sale line; sales(member, time)

Revision ID: 0013_reports
Revises: 0012_repairs

The table is filled here from the sales already stored (a frozen copy of app/services/sales_days.py's
recount), in the shop's zone as configured now, which is written down beside it.
"""
from collections import defaultdict
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013_reports"
down_revision = "0012_repairs"
branch_labels = None
depends_on = None

ZONE_KEY = "reports.sales_day_zone"


def upgrade() -> None:
    op.create_table(
        "sales_by_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sku", sa.String(length=32), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "sku", name=op.f("pk_sales_by_day")),
    )
    op.create_index("ix_sales_member_sold", "sales", ["member_id", "sold_at"], unique=False)
    _fill(op.get_bind())


def _fill(conn: sa.Connection) -> None:
    from app.settings import SHOP_TZ

    days: dict[int, object] = {}
    for sale_id, sold_at in conn.execute(sa.text("SELECT id, sold_at FROM sales")):
        when = sold_at if isinstance(sold_at, datetime) else datetime.fromisoformat(sold_at)
        days[sale_id] = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(SHOP_TZ).date()
    totals: dict[tuple[object, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for sale_id, sku, qty, net in conn.execute(sa.text("SELECT sale_id, sku, qty, net FROM sale_lines")):
        row = totals[(days[sale_id], sku)]
        row[0] += qty
        row[1] += net
        row[2] += 1
    table = sa.table("sales_by_day", sa.column("day", sa.Date), sa.column("sku", sa.String),
                     sa.column("units", sa.Integer), sa.column("net", sa.BigInteger), sa.column("lines", sa.Integer))
    rows = [{"day": d, "sku": sku, "units": u, "net": n, "lines": c} for (d, sku), (u, n, c) in totals.items()]
    for i in range(0, len(rows), 5000):
        conn.execute(table.insert(), rows[i:i + 5000])
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    conn.execute(settings.delete().where(settings.c.key == ZONE_KEY))
    conn.execute(settings.insert().values(key=ZONE_KEY, value=SHOP_TZ.key))


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM settings WHERE key = '{ZONE_KEY}'"))
    op.drop_index("ix_sales_member_sold", table_name="sales")
    op.drop_table("sales_by_day")
