"""users: a PIN that must be changed at next sign-in, how often the user was locked out, a staff-card code

Revision ID: 0007_users
Revises: 0006_checks
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_users"
down_revision = "0006_checks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("must_change_pin", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("lockouts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("staff_code", sa.String(length=20), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_users_staff_code"), ["staff_code"])


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_staff_code"), type_="unique")
        batch_op.drop_column("staff_code")
        batch_op.drop_column("lockouts")
        batch_op.drop_column("must_change_pin")
