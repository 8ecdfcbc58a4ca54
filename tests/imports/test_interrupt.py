"""Ctrl-C in the middle of a long import, sent to a real process: whole batches only, and it says so."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.services.imports import BATCH
from tests.store import with_admin

SALES = 15 * BATCH


def _csv(path: Path) -> Path:
    rows = ["小票号,销售时间,收银台,收银员,会员卡号,商品条码,商品名称,数量,单价,金额,支付方式"]
    for n in range(SALES):
        rows += [f"Z{n:06d},2026-11-30 09:30:00,1,王芳,,6901234567892,红烧牛肉面,2,4.50,9.00,微信",
                 f"Z{n:06d},2026-11-30 09:30:00,1,王芳,,6900000000014,红富士苹果,1,12.80,12.80,微信"]
    path.write_bytes("\n".join(rows).encode("gb18030"))
    return path


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("sales", "sale_lines", "sale_tenders"))


def _command(db: Path, csv_file: Path) -> list[str]:
    mapping = Path(__file__).resolve().parents[2] / "resources" / "mappings" / "chinese_lines.toml"
    return [sys.executable, "-m", "app.cli", "--db", str(db), "import", "sales", str(csv_file),
            "--mapping", str(mapping), "--user", "boss"]


def _stops(db: Path) -> list[dict[str, object]]:
    with sqlite3.connect(db) as conn:
        return [json.loads(d) for (d,) in conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'import_stopped' ORDER BY id")]


def test_ctrl_c_keeps_whole_batches_says_what_was_committed_and_a_rerun_completes(catalogue, tmp_path,
                                                                                 monkeypatch):
    db = Path(catalogue.removeprefix("sqlite:///"))
    with_admin(catalogue, monkeypatch)  # an import is an admin's, with the PIN (here from RETURNS_DESK_PIN)
    command = _command(db, _csv(tmp_path / "big.csv"))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while _counts(db)[0] < 2 * BATCH and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    sales, lines, tenders = _counts(db)
    assert sales % BATCH == 0 and 0 < sales < SALES, "only whole batches are in"
    assert (lines, tenders) == (2 * sales, sales), "no sale without its lines or tenders"
    assert f"已提交 {sales} 张小票" in err and "再次运行同一命令即可完成导入" in err
    assert f"{sales} sales committed" in err
    assert [(x["imported"], x["error"], x["file"]) for x in _stops(db)] == [(sales, "KeyboardInterrupt", "big.csv")]

    again = subprocess.run(command, check=False, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0, again.stderr
    assert _counts(db) == (SALES, 2 * SALES, SALES)
    assert f"导入 {SALES - sales} 条，未变 {sales} 条，拒绝 0 条" in again.stdout


def test_ctrl_c_right_after_a_commit_is_counted_with_that_batch(catalogue, tmp_path, monkeypatch):
    """The CI run that found it: Ctrl-C between a batch's commit and its count said one batch too few."""
    from app.services import imports
    from app.services.till_imports import import_file
    from app.services.users import sign_in

    db = Path(catalogue.removeprefix("sqlite:///"))
    with_admin(catalogue, monkeypatch)
    real_write, written = imports.write_sales, []

    def write_then_ctrl_c(rows, members, url):  # the real write, then a real SIGINT at the worst moment
        real_write(rows, members, url)
        written.append(len(rows))
        if len(written) == 2:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(imports, "write_sales", write_then_ctrl_c)
    mapping = Path(__file__).resolve().parents[2] / "resources" / "mappings" / "chinese_lines.toml"
    boss = sign_in("boss", "482913", catalogue)
    try:
        import_file(boss, "sales", _csv(tmp_path / "big.csv"), catalogue, mapping=mapping)
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("Ctrl-C was swallowed")
    assert _counts(db)[0] == 2 * BATCH
    assert [x["imported"] for x in _stops(db)] == [2 * BATCH]
