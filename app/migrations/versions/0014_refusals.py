"""Refusals: a return refused as a whole is recorded (receipt, lines asked, decisions, policy, member, clerk, time)

Revision ID: 0014_refusals
Revises: 0013_reports
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_refusals"
down_revision = "0013_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refusals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("clerk_id", sa.Integer(), nullable=False),
        sa.Column("policy_version", sa.String(length=40), nullable=False),
        sa.Column("floor_version", sa.String(length=80), nullable=True),
        sa.Column("region", sa.String(length=20), nullable=True),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("asked", sa.Text(), nullable=False),
        sa.Column("trace", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refused_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("lines > 0", name=op.f("ck_refusals_lines_positive")),
        sa.CheckConstraint("units > 0", name=op.f("ck_refusals_units_positive")),
        sa.ForeignKeyConstraint(["clerk_id"], ["users.id"], name=op.f("fk_refusals_clerk_id_users")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_refusals_member_id_members")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_refusals_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refusals")),
        sa.UniqueConstraint("number", name=op.f("uq_refusals_number")),
    )
    op.create_index(op.f("ix_refusals_member_id"), "refusals", ["member_id"], unique=False)
    op.create_index(op.f("ix_refusals_refused_at"), "refusals", ["refused_at"], unique=False)
    op.create_index(op.f("ix_refusals_sale_id"), "refusals", ["sale_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_refusals_sale_id"), table_name="refusals")
    op.drop_index(op.f("ix_refusals_refused_at"), table_name="refusals")
    op.drop_index(op.f("ix_refusals_member_id"), table_name="refusals")
    op.drop_table("refusals")
