"""returns: when the supervisor approved, and an index for a customer's 30-day return count

Revision ID: 0002_return_approval_time
Revises: 0001_initial
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_return_approval_time"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_returns_member_completed", ["member_id", "completed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_index("ix_returns_member_completed")
        batch_op.drop_column("approved_at")
