"""Read statements compiled once per dialect and run as plain driver SQL: for the per-scan hot path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select


class _Compiled(NamedTuple):
    sql: str
    order: tuple[str, ...] | None
    processors: list[Callable[[Any], Any] | None]
    fixed: dict[str, Any]
    binds: dict[str, Callable[[Any], Any]]  # a parameter's bind processor (a UTC time → the stored form)


class PreparedSelect:
    """A Core SELECT whose SQL string and result processors are worked out once per dialect.

    SQLAlchemy's statement cache still builds a cache key and a result object on every execute; on a
    receipt look-up that costs more than SQLite itself. The SQL is SQLAlchemy's own, compiled for the
    connection's dialect, so it stays portable. Parameters are bind parameters named in the statement.
    """

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def _for(self, conn: Connection) -> _Compiled:
        dialect = conn.dialect
        entry = self._compiled.get(dialect.name)
        if entry is None:
            compiled = self.statement.compile(dialect=dialect)
            processors = [column.type.dialect_impl(dialect).result_processor(dialect, None)
                          for column in self.statement.selected_columns]
            order = tuple(compiled.positiontup) if compiled.positiontup is not None else None
            # Literals in the statement (status = 'completed', coalesce(.., 0)) are bind parameters too.
            fixed = {name: bind.value for name, bind in compiled.binds.items() if not bind.required}
            binds = {name: process for name, bind in compiled.binds.items() if bind.required
                     and (process := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None}
            entry = self._compiled[dialect.name] = _Compiled(compiled.string, order, processors, fixed, binds)
        return entry

    def rows(self, conn: Connection, **params: Any) -> list[tuple[Any, ...]]:
        sql, order, processors, fixed, binds = self._for(conn)
        values = {**fixed, **{k: binds[k](v) if k in binds else v for k, v in params.items()}}
        args: Any = tuple(values[name] for name in order) if order is not None else values
        # Straight to the driver's cursor, inside the transaction `conn` has begun: building a
        # CursorResult (column metadata for every call) costs more than the indexed query itself.
        dbapi = conn.connection.dbapi_connection
        if dbapi is None:  # only an invalidated connection has none; `conn` is inside a live transaction
            raise RuntimeError("the connection has no driver connection")
        cursor = dbapi.cursor()
        try:
            cursor.execute(sql, args)
            raw = cursor.fetchall()
        finally:
            cursor.close()
        if not any(processors):
            return [tuple(row) for row in raw]
        return [tuple(p(v) if p else v for p, v in zip(processors, row, strict=True)) for row in raw]
