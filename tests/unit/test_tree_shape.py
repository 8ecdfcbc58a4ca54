"""The module size rules of the house: small modules (median ≤ 120 lines, none over 350), short functions."""

from __future__ import annotations

import ast
import statistics
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
MEDIAN_LINES, MOST_LINES, MOST_FUNCTION_LINES = 120, 350, 60


def _modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "migrations" not in p.relative_to(APP).parts)


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_modules_are_small_in_the_middle():
    assert statistics.median(_lines(p) for p in _modules()) <= MEDIAN_LINES


def test_no_module_passes_350_lines():
    too_long = {str(p.relative_to(APP)): _lines(p) for p in _modules() if _lines(p) > MOST_LINES}
    assert too_long == {}


def test_no_function_passes_60_lines():
    too_long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MOST_FUNCTION_LINES:
                    too_long[f"{path.relative_to(APP)}:{node.name}"] = length
    assert too_long == {}
