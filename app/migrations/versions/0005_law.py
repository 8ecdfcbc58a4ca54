"""Issue 15 (money & law): the receipt-discount rule a sale was stored under, invoices, food and
stored-value flags, the legal floor a return was decided under, remedies, repair history, compensation

Revision ID: 0005_law
Revises: 0004_audit_chain
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_law"
down_revision = "0004_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every sale stored so far had its nets shared by gross value: say so, so nothing recomputes them.
    with op.batch_alter_table("sales") as t:
        t.add_column(sa.Column("discount_rule", sa.String(24), nullable=False, server_default="gross"))
        t.add_column(sa.Column("invoice", sa.String(40), nullable=True))
    with op.batch_alter_table("sales") as t:
        t.alter_column("discount_rule", server_default=None)
    for table in ("sale_lines", "products"):
        with op.batch_alter_table(table) as t:
            t.add_column(sa.Column("food", sa.Boolean(), nullable=False, server_default=sa.false()))
            t.add_column(sa.Column("stored_value", sa.Boolean(), nullable=False, server_default=sa.false()))
        with op.batch_alter_table(table) as t:
            t.alter_column("food", server_default=None)
            t.alter_column("stored_value", server_default=None)
    with op.batch_alter_table("returns") as t:
        t.add_column(sa.Column("floor_version", sa.String(80), nullable=True))
        t.add_column(sa.Column("region", sa.String(20), nullable=True))
    with op.batch_alter_table("return_lines") as t:
        t.add_column(sa.Column("remedies", sa.String(60), nullable=False, server_default=""))
        t.add_column(sa.Column("remedy", sa.String(20), nullable=True))
        t.add_column(sa.Column("compensation", sa.BigInteger(), nullable=False, server_default="0"))
    with op.batch_alter_table("return_lines") as t:
        t.alter_column("remedies", server_default=None)
        t.alter_column("compensation", server_default=None)
    op.create_table(
        "repair_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sale_line_id", sa.Integer(), sa.ForeignKey("sale_lines.id"), nullable=False),
        sa.Column("serial", sa.String(60), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("parts_wait_days", sa.Integer(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_index("ix_repair_history_sale_line_id", "repair_history", ["sale_line_id"])
    op.create_table(
        "return_compensations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("return_id", sa.Integer(), sa.ForeignKey("returns.id"), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("expiry", sa.String(40), nullable=False),
        sa.Column("batch", sa.String(60), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_return_compensations_return_id", "return_compensations", ["return_id"])


def downgrade() -> None:
    op.drop_index("ix_return_compensations_return_id", "return_compensations")
    op.drop_table("return_compensations")
    op.drop_index("ix_repair_history_sale_line_id", "repair_history")
    op.drop_table("repair_history")
    with op.batch_alter_table("return_lines") as t:
        for column in ("compensation", "remedy", "remedies"):
            t.drop_column(column)
    with op.batch_alter_table("returns") as t:
        t.drop_column("region")
        t.drop_column("floor_version")
    for table in ("products", "sale_lines"):
        with op.batch_alter_table(table) as t:
            t.drop_column("stored_value")
            t.drop_column("food")
    with op.batch_alter_table("sales") as t:
        t.drop_column("invoice")
        t.drop_column("discount_rule")
