"""What must hold after any crash or race: a sound file, never more back than sold or paid, no half a return."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, text

from app.db import session_scope
from app.services import audit

CHECKS = {
    "more returned than sold": """
        SELECT sl.id FROM sale_lines sl JOIN return_lines rl ON rl.sale_line_id = sl.id
        JOIN returns r ON r.id = rl.return_id AND r.status = 'completed'
        GROUP BY sl.id, sl.qty HAVING SUM(rl.qty) > sl.qty""",
    "more refunded than paid": """
        SELECT r.sale_id FROM return_tenders rt JOIN returns r ON r.id = rt.return_id AND r.status = 'completed'
        GROUP BY r.sale_id, rt.method
        HAVING SUM(rt.amount) > (SELECT COALESCE(SUM(st.amount), 0) FROM sale_tenders st
                                 WHERE st.sale_id = r.sale_id AND st.method = rt.method)""",
    "a return without lines": """
        SELECT r.id FROM returns r WHERE NOT EXISTS (SELECT 1 FROM return_lines rl WHERE rl.return_id = r.id)""",
    "line refunds not the return's total": """
        SELECT r.id FROM returns r JOIN return_lines rl ON rl.return_id = r.id
        GROUP BY r.id, r.refund_total HAVING SUM(rl.refund) != r.refund_total""",
    "tenders not the return's total": """
        SELECT r.id FROM returns r WHERE r.refund_total != (
            SELECT COALESCE(SUM(rt.amount), 0) FROM return_tenders rt WHERE rt.return_id = r.id)""",
    "a completed return without its audit entry": """
        SELECT r.id FROM returns r WHERE r.status = 'completed' AND NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.subject = r.number)""",
}


_engines: dict[str, Engine] = {}


def _engine(url: str) -> Engine:
    """A plain engine of our own (no app pragmas, no write lock): reading is all the checks do."""
    if url not in _engines:
        _engines[url] = create_engine(url)
    return _engines[url]


def broken(url: str) -> list[str]:
    """Every invariant that does not hold, with the first offending id; [] when all is well."""
    problems = []
    with _engine(url).connect() as conn:
        if url.startswith("sqlite"):
            check = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            if check != ["ok"]:
                problems.append(f"integrity_check: {check[:3]}")
            if fk := conn.execute(text("PRAGMA foreign_key_check")).all():
                problems.append(f"foreign_key_check: {fk[:3]}")
        for name, sql in CHECKS.items():
            if (bad := conn.execute(text(sql)).first()) is not None:
                problems.append(f"{name}: {bad[0]}")
    with session_scope(url, write=False) as s:
        chain = audit.verify(s)
        if not chain.ok:
            problems.append(f"audit chain: {chain.broken}")
    return problems


def returned_units(url: str) -> int:
    with _engine(url).connect() as conn:
        n = conn.execute(text("SELECT COALESCE(SUM(rl.qty), 0) FROM return_lines rl JOIN returns r "
                              "ON r.id = rl.return_id WHERE r.status = 'completed'")).scalar()
    return int(n or 0)


def close() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()
