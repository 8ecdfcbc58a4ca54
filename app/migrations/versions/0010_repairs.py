"""Repair tickets with their lifecycle; coupon redemptions and store-credit balances; member birthdays and allergens

Revision ID: 0010_repairs
Revises: 0009_complaints
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_repairs"
down_revision = "0009_complaints"
branch_labels = None
depends_on = None

_TICKET_COLUMNS = (
    ("kind", sa.String(12), "return"), ("product_name", sa.String(200), ""), ("accessories", sa.Text(), ""),
    ("phone", sa.String(20), ""), ("outcome", sa.String(16), ""), ("note", sa.Text(), ""),
)
_TICKET_TIMES = ("sent_at", "back_at", "told_at", "collected_at")


def upgrade() -> None:
    with op.batch_alter_table("repair_tickets", schema=None) as batch_op:
        for name, kind, default in _TICKET_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=False, server_default=default))
        for name in _TICKET_TIMES:
            batch_op.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("return_line_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("created_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("call_agreed", sa.Boolean(), nullable=True))
        batch_op.create_foreign_key("fk_repair_tickets_member_id_members", "members", ["member_id"], ["id"])
        batch_op.create_foreign_key("fk_repair_tickets_return_line_id_return_lines", "return_lines",
                                    ["return_line_id"], ["id"])
        batch_op.create_foreign_key("fk_repair_tickets_created_by_id_users", "users", ["created_by_id"], ["id"])
    # the bare tickets of earlier versions were "open": they were taken in
    op.execute("UPDATE repair_tickets SET status = 'taken_in' WHERE status = 'open'")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birthday", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("allergens", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("allergens", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("spent", sa.BigInteger(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("voided_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_coupons_voided_by_id_users", "users", ["voided_by_id"], ["id"])
        batch_op.create_check_constraint(op.f("ck_coupons_spent_in_range"), "spent >= 0 AND spent <= value")
    op.create_table(
        "coupon_redemptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("coupon_id", sa.Integer(), sa.ForeignKey("coupons.id"), nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("purchase", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("place", sa.String(60), nullable=False, server_default=""),
        sa.Column("source", sa.String(12), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("sale_id", sa.Integer(), sa.ForeignKey("sales.id"), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_coupon_redemptions_amount_not_negative")),
        sa.CheckConstraint("purchase >= 0", name=op.f("ck_coupon_redemptions_purchase_not_negative")),
    )


def downgrade() -> None:
    op.drop_table("coupon_redemptions")
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_coupons_spent_in_range"), type_="check")
        batch_op.drop_constraint("fk_coupons_voided_by_id_users", type_="foreignkey")
        for name in ("voided_by_id", "voided_at", "spent"):
            batch_op.drop_column(name)
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("allergens")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("allergens")
        batch_op.drop_column("birthday")
    op.execute("UPDATE repair_tickets SET status = 'open' WHERE status = 'taken_in'")
    with op.batch_alter_table("repair_tickets", schema=None) as batch_op:
        for fk in ("fk_repair_tickets_created_by_id_users", "fk_repair_tickets_return_line_id_return_lines",
                   "fk_repair_tickets_member_id_members"):
            batch_op.drop_constraint(fk, type_="foreignkey")
        for name in ("call_agreed", "created_by_id", "return_line_id", "member_id", *_TICKET_TIMES,
                     *(c[0] for c in _TICKET_COLUMNS)):
            batch_op.drop_column(name)
