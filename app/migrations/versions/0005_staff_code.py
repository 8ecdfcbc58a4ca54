"""users.staff_code: the code on each person's staff card ("ST" + 4 digits), scanned to identify an approver

Revision ID: 0005_staff_code
Revises: 0004_audit_chain
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_staff_code"
down_revision = "0004_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("staff_code", sa.String(length=20), nullable=True))
        batch_op.create_unique_constraint("uq_users_staff_code", ["staff_code"])
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("staff_code", sa.String))
    bind = op.get_bind()
    for (user_id,) in bind.execute(sa.select(users.c.id)).all():   # every existing person gets a card code
        bind.execute(users.update().where(users.c.id == user_id).values(staff_code=f"ST{user_id:04d}"))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint("uq_users_staff_code", type_="unique")
        batch_op.drop_column("staff_code")
