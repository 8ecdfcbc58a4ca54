"""A throwaway CUPS server of the test's own: its config, spool and socket in one temp folder, a PDF queue.

The queue's device is a `file:` URI and its PPD (cups/pdf-queue.ppd) ends the filter chain at PDF, so the
file it writes is the page CUPS would have sent a real printer, after pdftopdf applied media and scaling.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Self

PPD = Path(__file__).with_name("cups") / "pdf-queue.ppd"
NEEDS = ("Debian packages cups-daemon, cups-client and cups-filters (`bash scripts/install-os-deps.sh --test`, "
         "run by `make install-test`), and a user allowed to start cupsd (root in CI)")
TOOLS = {"cupsd": "/usr/sbin/cupsd", "lpadmin": "/usr/sbin/lpadmin", "lpstat": "/usr/bin/lpstat",
         "lp": "/usr/bin/lp", "pdftopdf": "/usr/lib/cups/filter/pdftopdf"}


class CupsUnavailable(RuntimeError):
    """This machine cannot run the test's own CUPS: the message says what is missing."""


def missing_tools() -> list[str]:
    return [name for name, path in TOOLS.items() if not (shutil.which(name) or Path(path).exists())]


def _tool(name: str) -> str:
    return shutil.which(name) or TOOLS[name]


class CupsServer:
    """`with CupsServer() as cups:` — cups.env for lp, cups.add_pdf_queue("Q"), cups.print_and_wait(...)."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="rdcups-"))   # short: a socket path has ~100 characters
        self.socket = self.root / "cups.sock"
        self.process: subprocess.Popen[bytes] | None = None
        self.outputs: dict[str, Path] = {}

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def __enter__(self) -> Self:
        lacking = missing_tools()
        if lacking:
            raise CupsUnavailable(f"the CUPS test needs {', '.join(lacking)}: {NEEDS}")
        conf = self._write_config()
        self.process = subprocess.Popen([_tool("cupsd"), "-f", "-c", str(conf / "cupsd.conf"),
                                         "-s", str(conf / "cups-files.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                why = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise CupsUnavailable(f"cupsd would not start ({why.strip() or self.error_log()}): {NEEDS}")
            if self.socket.exists() and self._lpstat("-r").returncode == 0:
                return self
            time.sleep(0.2)
        self.stop()
        raise CupsUnavailable(f"cupsd did not answer on {self.socket} within 15 s: {NEEDS}")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def _write_config(self) -> Path:
        conf = self.root / "conf"
        for sub in ("conf", "spool", "cache", "state", "log", "tmp", "out"):
            (self.root / sub).mkdir()
        self.root.chmod(0o755)
        # Only the private socket: nothing listens on the network, nothing is shared or browsed.
        (conf / "cupsd.conf").write_text(f"""Listen {self.socket}
LogLevel info
PageLogFormat "%p %j %{{job-name}} %{{media}}"
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
""")
        r = self.root
        (conf / "cups-files.conf").write_text(f"""ServerRoot {conf}
RequestRoot {r / 'spool'}
CacheDir {r / 'cache'}
StateDir {r / 'state'}
TempDir {r / 'tmp'}
ErrorLog {r / 'log' / 'error_log'}
AccessLog {r / 'log' / 'access_log'}
PageLog {r / 'log' / 'page_log'}
FileDevice Yes
ServerBin /usr/lib/cups
DataDir /usr/share/cups
""")
        return conf

    def _lpstat(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([_tool("lpstat"), *args], env=self.env, capture_output=True, text=True, timeout=10,
                              check=False)

    def page_log(self) -> str:
        """One line per page printed: queue, job id, job title, media (PageLogFormat above)."""
        log = self.root / "log" / "page_log"
        return log.read_text(errors="replace") if log.exists() else ""

    def error_log(self) -> str:
        log = self.root / "log" / "error_log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-15:]) if log.exists() else "(no error_log)"

    def add_pdf_queue(self, name: str) -> Path:
        """A queue writing the PDF it would print to out/NAME.pdf (Debian's CUPS opens, never creates, it)."""
        out = self.root / "out" / f"{name}.pdf"
        out.touch()
        done = subprocess.run([_tool("lpadmin"), "-p", name, "-E", "-v", f"file://{out}", "-P", str(PPD)],
                              env=self.env, capture_output=True, text=True, timeout=20, check=False)
        if done.returncode != 0:
            raise CupsUnavailable(f"lpadmin could not add the test queue: {done.stderr.strip()}")
        self.outputs[name] = out
        return out

    def fresh(self, name: str) -> Path:
        """Empties the queue's output file before a job (each job writes it from the start)."""
        out = self.outputs[name]
        out.write_bytes(b"")
        return out

    def wait_for_pdf(self, name: str, timeout: float = 60) -> bytes:
        """The job's PDF once the queue is idle again; the server's own log when it never came."""
        out, deadline = self.outputs[name], time.monotonic() + timeout
        while time.monotonic() < deadline:
            pending = self._lpstat("-o", name).stdout.strip()
            data = out.read_bytes()
            if not pending and data.rstrip().endswith(b"%%EOF"):
                return data
            time.sleep(0.3)
        raise AssertionError(f"no PDF from queue {name} within {timeout} s; cupsd said:\n{self.error_log()}")
