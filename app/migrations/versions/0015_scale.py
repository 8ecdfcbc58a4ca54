"""Scale: coupons(issued_at) and return_tenders(terminal_ref, method), so the end-of-day report reads the day's
coupons and the pending terminal refunds, not every coupon and refund of the shop's history

Revision ID: 0015_scale
Revises: 0014_refusals
"""
from alembic import op

revision = "0015_scale"
down_revision = "0014_refusals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_coupons_issued_at", "coupons", ["issued_at"], unique=False)
    op.create_index("ix_return_tenders_pending", "return_tenders", ["terminal_ref", "method"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_return_tenders_pending", table_name="return_tenders")
    op.drop_index("ix_coupons_issued_at", table_name="coupons")
