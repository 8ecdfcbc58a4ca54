"""Imported first by a child process under test: SIGKILL itself just before its Nth SQL statement.

RD_KILL_AFTER_SQL=N kills the process as statement N is about to run (N=1 is the first);
RD_COUNT_SQL=PATH writes how many statements ran to PATH at a normal exit (to learn the range of N).
"""

from __future__ import annotations

import atexit
import os
import signal
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

_kill_at = int(os.environ.get("RD_KILL_AFTER_SQL", "0"))
_count_file = os.environ.get("RD_COUNT_SQL")
_seen = 0


@event.listens_for(Engine, "before_cursor_execute")
def _count(*_args: object) -> None:
    global _seen
    _seen += 1
    if _seen == _kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


@event.listens_for(Engine, "commit")  # COMMIT goes through the DBAPI, not a cursor: a moment of its own
def _commit(*_args: object) -> None:
    _count()


def arm(kill_at: int) -> None:
    """A forked child: count from zero and die before statement `kill_at` (0: never)."""
    global _kill_at, _seen
    _kill_at, _seen = kill_at, 0


def seen() -> int:
    return _seen


if _count_file:
    atexit.register(lambda: Path(_count_file).write_text(str(_seen)))
