"""The service loop: complaints' return, phone, call consent, category, reopen and escalation; follow-ups; ratings

Revision ID: 0009_complaints
Revises: 0008_refund_refs
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_complaints"
down_revision = "0008_refund_refs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.add_column(sa.Column("return_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("phone", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("call_agreed", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("category", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("escalation_seen_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_complaints_return_id_returns"), "returns", ["return_id"], ["id"])
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("call_agreed", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("phone", sa.String(length=20), nullable=False, server_default=""))
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("repair_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"], name=op.f("fk_followups_complaint_id_complaints")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_followups_member_id_members")),
        sa.ForeignKeyConstraint(["repair_id"], ["repair_tickets.id"], name=op.f("fk_followups_repair_id_repair_tickets")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_followups_return_id_returns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followups")),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_followups_attempts_not_negative")),
    )
    op.create_index(op.f("ix_followups_status"), "followups", ["status"], unique=False)
    op.create_table(
        "followup_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("followup_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("solved", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["followup_id"], ["followups.id"], name=op.f("fk_followup_calls_followup_id_followups")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_followup_calls_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_calls")),
    )
    op.create_index(op.f("ix_followup_calls_followup_id"), "followup_calls", ["followup_id"], unique=False)
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_ratings_member_id_members")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_ratings_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.CheckConstraint("score >= 1 AND score <= 4", name=op.f("ck_ratings_score_in_range")),
    )
    op.create_index(op.f("ix_ratings_service"), "ratings", ["service"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_ratings_service"), table_name="ratings")
    op.drop_table("ratings")
    op.drop_index(op.f("ix_followup_calls_followup_id"), table_name="followup_calls")
    op.drop_table("followup_calls")
    op.drop_index(op.f("ix_followups_status"), table_name="followups")
    op.drop_table("followups")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_column("phone")
        batch_op.drop_column("call_agreed")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_complaints_return_id_returns"), type_="foreignkey")
        for column in ("escalation_seen_at", "escalated_at", "reopened_at", "category", "call_agreed", "phone",
                       "return_id"):
            batch_op.drop_column(column)
