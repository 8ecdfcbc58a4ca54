"""A till process that completes returns: warmed up once, then one forked child per return (cheap to kill).

Run as `python -m tests.slow.returning URL`; each stdin line "RECEIPT KILL_AT" forks a child that
completes a one-unit return of line 1 through the services, exactly as the counter does, and SIGKILLs
itself before its KILL_AT-th SQL statement (0: never). The server answers "pid PID", then "exit CODE".
"""

from __future__ import annotations

import os
import sys

from app.db import dispose_engines
from app.errors import DeskError
from app.services import returns
from app.services.users import sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.slow import kill_hook


def child(url: str, receipt: str, kill_at: int, clerk: object) -> int:
    kill_hook.arm(kill_at)
    try:
        done = returns.complete(ReturnRequest(receipt, (ReturnItem(1, 1, "changed_mind", "unopened"),)),
                                clerk, url=url)
    except DeskError as exc:
        print(f"refused {exc.en}", file=sys.stderr)
        return 4
    print(f"done {done.number} {kill_hook.seen()}", file=sys.stderr)
    return 0


def serve(url: str) -> None:
    clerk = sign_in("clerk", "111111", url)
    dispose_engines()  # no connection may cross a fork
    for line in sys.stdin:
        receipt, kill_at = line.split()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = child(url, receipt, int(kill_at), clerk)
            finally:
                sys.stderr.flush()
                os._exit(code)
        print(f"pid {pid}", flush=True)
        _pid, status = os.waitpid(pid, 0)
        print(f"exit {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    serve(sys.argv[1])
