"""A till process for the service loop's writes: warmed up once, then one forked child per write (cheap to kill).

Run as `python -m tests.slow.service_loop URL FOLDER`; each stdin line "ACTION SUBJECT KILL_AT" forks a child
that does the write through the services, as the counter does, and SIGKILLs itself before its KILL_AT-th
moment (0: never). A moment is an SQL statement or a file event (open, rename, replace, remove), so a
backup is killed between its copy, its check and its metadata too. Answers "pid PID", then "exit CODE".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.db import dispose_engines
from app.errors import DeskError
from app.services import backups, complaints, coupon_counter, policy, refusals, repair_status
from app.services.complaints import Compensation
from app.services.users import sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.slow import kill_hook

FILE_EVENTS = ("open", "os.rename", "os.replace", "os.remove", "os.unlink", "shutil.copyfile", "sqlite3.connect")


def _file_moment(event: str, args: tuple[object, ...]) -> None:
    if event in FILE_EVENTS and (event != "open" or _writes(args)):
        kill_hook._count()


def _writes(args: tuple[object, ...]) -> bool:
    """Opening for writing is a moment (a half-written file is what a kill there leaves); reading is not."""
    mode = args[1] if len(args) > 1 else "r"
    flags = args[2] if len(args) > 2 else 0
    return (isinstance(mode, str) and any(c in mode for c in "wax+")) or \
        (isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) != 0)


def act(url: str, folder: Path, action: str, subject: str, staff: dict[str, object]) -> str:
    clerk, boss, owner = staff["clerk"], staff["boss"], staff["owner"]
    if action == "complaint_new":
        return complaints.log(clerk, description="面里有异物", related=subject, severity="major",
                              call_agreed=True, url=url).number
    if action == "complaint_resolve":
        return complaints.resolve(boss, subject, "compensated", "赔偿一张券", call_agreed=True,
                                  compensation=Compensation("coupon", 500), url=url).number
    if action == "repair_collect":
        return repair_status.advance(subject, "collected", clerk, note="顾客已取回", url=url).number
    if action == "coupon_redeem":
        return coupon_counter.redeem(subject, 1000, clerk, url=url).code
    if action == "policy_install":
        return policy.install(owner, Path(subject), url=url)[0].version
    if action == "refusal":   # opened noodles for a change of mind: refused as a whole, recorded
        return refusals.record(ReturnRequest(subject, (ReturnItem(1, 1, "changed_mind", "opened"),)), clerk,
                               url=url).number
    if action == "backup":
        return backups.backup(url, folder, why="daily").path.name
    raise ValueError(action)


def child(url: str, folder: Path, line: str, staff: dict[str, object]) -> int:
    action, subject, kill_at = line.split()
    kill_hook.arm(int(kill_at))
    sys.addaudithook(_file_moment)   # only in the child: the server's own files are not moments
    try:
        done = act(url, folder, action, subject, staff)
    except DeskError as exc:
        print(f"refused {exc.en}", file=sys.stderr)
        return 4
    print(f"done {done} {kill_hook.seen()}", file=sys.stderr)
    return 0


def serve(url: str, folder: Path) -> None:
    staff = {name: sign_in(name, pin, url) for name, pin in (("clerk", "1111"), ("boss", "2222"), ("owner", "3333"))}
    dispose_engines()  # no connection may cross a fork
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = child(url, folder, line, staff)
            finally:
                sys.stderr.flush()
                os._exit(code)
        print(f"pid {pid}", flush=True)
        _pid, status = os.waitpid(pid, 0)
        print(f"exit {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    serve(sys.argv[1], Path(sys.argv[2]))
