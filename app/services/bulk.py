"""Bulk INSERT for the import hot path: the dialect's own compiled statement, run as one executemany."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Boolean, Connection, Insert, Table, insert
from sqlalchemy.engine.interfaces import Compiled

_compiled: dict[tuple[object, tuple[str, ...], str], Compiled] = {}


def insert_rows(conn: Connection, table: Table, keys: Sequence[str], rows: list[tuple[Any, ...]],
                statement: Insert | None = None) -> None:
    """Like conn.execute(insert(table), [dict(zip(keys, row)) ...]) without per-row parameter objects.

    Portable: the SQL is compiled by SQLAlchemy for the connection's dialect and each column's bind
    processor (e.g. UTC timestamps) is applied, so values are stored exactly as the ORM would store them.
    `statement`: the dialect's own INSERT of `table` to run instead (an upsert's ON CONFLICT), built once
    by the caller (it is compiled once per statement object).
    """
    if not rows:
        return
    dialect = conn.dialect
    key = (statement if statement is not None else table, tuple(keys), dialect.name)
    compiled = _compiled.get(key)
    if compiled is None:  # once per statement and dialect: a batch's compile cost more than its lows
        compiled = _compiled[key] = (statement if statement is not None else insert(table)).compile(
            dialect=dialect, column_keys=list(keys))
    for i, key in enumerate(keys):
        column_type = table.c[key].type
        if isinstance(column_type, Boolean) and dialect.name == "sqlite":
            continue  # the import's checked rows hold real bools, which sqlite3 itself stores as 1 and 0
        process = column_type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            rows = [row[:i] + (process(row[i]),) + row[i + 1:] for row in rows]
    order = compiled.positiontup
    if order is None:  # named paramstyles (psycopg)
        conn.exec_driver_sql(compiled.string, [dict(zip(keys, row, strict=True)) for row in rows])
    elif list(order) == list(keys):  # qmark (sqlite3): the statement lists columns as given
        conn.exec_driver_sql(compiled.string, rows)
    else:
        index = [list(keys).index(k) for k in order]
        conn.exec_driver_sql(compiled.string, [tuple(row[i] for i in index) for row in rows])
