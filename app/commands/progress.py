"""A progress bar for long imports on a terminal, and what to say when the owner presses Ctrl-C."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.services.imports import ImportReport


class Bar:
    """Redrawn at most ten times a second, on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, lang: str) -> None:
        self.total, self.en, self.shown = max(total, 1), lang == "en", 0.0
        self.committed = ImportReport()
        self.tty = sys.stderr is not None and sys.stderr.isatty()

    def __call__(self, read: int, report: ImportReport) -> None:
        self.committed = report  # the running report: it counts a sale only once its batch is committed
        now = time.monotonic()
        if not self.tty or (now - self.shown < 0.1 and read < self.total):
            return
        self.shown = now
        done = min(read / self.total, 1.0)
        bar = "█" * int(done * 30) + "·" * (30 - int(done * 30))
        words = "imported" if self.en else "已导入"
        sys.stderr.write(f"\r{bar} {done:4.0%}  {words} {report.imported}")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.tty:
            sys.stderr.write("\n")

    def interrupted(self, file: Path) -> str:
        """Every committed batch stays in; the one being written was rolled back as a whole."""
        done = self.committed
        if self.en:
            return (f"\nImport of {file} stopped (Ctrl-C). Committed: {done.imported} sales "
                    f"({done.unchanged} already there); the batch in progress was not written.\n"
                    "Run the same command again to complete the import: what is already in is recognised "
                    "and not imported twice.")
        return (f"\n导入 {file} 已中断（Ctrl-C）。已提交 {done.imported} 张小票（另有 {done.unchanged} 张原已存在），"
                "正在写入的那一批没有写入。\n再次运行同一命令即可完成导入：已导入的小票会被识别，不会重复导入。"
                f"\n(Stopped. {done.imported} sales committed; run the same command again to complete the import.)")
