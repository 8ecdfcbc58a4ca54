"""Runs every benchmark in turn: `python -m bench` (or `make bench`)."""

import importlib
import pkgutil
import sys
from pathlib import Path

for module in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
    if module.startswith("bench_"):
        print(f"== {module}", flush=True)
        importlib.import_module(f"bench.{module}").main(sys.argv[1:])
