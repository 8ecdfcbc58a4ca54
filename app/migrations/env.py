"""Alembic environment: runs on the connection the app hands over (or the configured database)."""

from __future__ import annotations

from alembic import context

from app.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` from a shell: use the configured database
        from app.db import get_engine

        with get_engine().connect() as connection:
            _run(connection)
            connection.commit()
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only change a table by copying it
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
