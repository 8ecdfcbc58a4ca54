"""returns: how the customer paid an exchange's price difference (for the end-of-day drawer check)

Revision ID: 0003_difference_paid_by
Revises: 0002_return_approval_time
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_difference_paid_by"
down_revision = "0002_return_approval_time"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("difference_paid_by", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_column("difference_paid_by")
