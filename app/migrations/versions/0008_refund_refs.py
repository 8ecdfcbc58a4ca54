"""return_tenders: the payment terminal's refund reference for card and wallet refunds (NULL = pending)

Revision ID: 0008_refund_refs
Revises: 0007_users

Refunds written before this revision were settled at the terminal without the app recording it: they
get the reference "unrecorded" so they are not listed as pending for ever.
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_refund_refs"
down_revision = "0007_users"
branch_labels = None
depends_on = None

TERMINAL_METHODS = ("card", "wechat", "alipay")   # a frozen copy of app.domain.vocabulary's


def upgrade() -> None:
    with op.batch_alter_table("return_tenders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("terminal_ref", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("confirmed_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_return_tenders_confirmed_by_id_users"), "users",
                                    ["confirmed_by_id"], ["id"])
    tenders = sa.table("return_tenders", sa.column("method", sa.String), sa.column("terminal_ref", sa.String))
    op.execute(tenders.update().where(tenders.c.method.in_(TERMINAL_METHODS)).values(terminal_ref="unrecorded"))


def downgrade() -> None:
    with op.batch_alter_table("return_tenders", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_return_tenders_confirmed_by_id_users"), type_="foreignkey")
        batch_op.drop_column("confirmed_by_id")
        batch_op.drop_column("confirmed_at")
        batch_op.drop_column("terminal_ref")
