"""audit_log: each entry chained to the one before by SHA-256; existing entries chained in id order; a shop id

Revision ID: 0004_audit_chain
Revises: 0003_difference_paid_by
"""
import hashlib
import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004_audit_chain"
down_revision = "0003_difference_paid_by"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def _hash(prev: str, at: datetime, user_id, action: str, subject: str, detail: str) -> str:
    """A frozen copy of app.services.audit.entry_hash: this migration must mean the same thing forever."""
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    body = json.dumps([prev, at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), user_id, action, subject, detail],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _as_datetime(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_audit_log_prev_hash"), ["prev_hash"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, at, user_id, action, subject, detail FROM audit_log ORDER BY id"))
    prev = GENESIS
    for row in rows.fetchall():
        digest = _hash(prev, _as_datetime(row.at), row.user_id, row.action, row.subject or "", row.detail or "")
        conn.execute(sa.text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                     {"p": prev, "h": digest, "i": row.id})
        prev = digest
    # Anchors outside the database name the shop they belong to, so a demo's never checks a real shop.
    conn.execute(sa.text("INSERT INTO settings (key, value) VALUES ('shop.id', :v)"), {"v": uuid.uuid4().hex})


def downgrade() -> None:
    op.execute("DELETE FROM settings WHERE key = 'shop.id'")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_audit_log_prev_hash"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
