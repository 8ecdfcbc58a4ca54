"""installed_policies (the policy an admin installs into the database); return_compensations.voided_at

Revision ID: 0009_policy_install
Revises: 0008_refund_refs

Until a policy is installed the tills keep deciding under their policy file, as before this revision.
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_policy_install"
down_revision = "0008_refund_refs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "installed_policies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("installed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("installed_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
    )
    with op.batch_alter_table("return_compensations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("return_compensations", schema=None) as batch_op:
        batch_op.drop_column("voided_at")
    op.drop_table("installed_policies")
