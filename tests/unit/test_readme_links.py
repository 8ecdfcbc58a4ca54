"""The README and the docs link only to files that are in the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+)\"")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_points_at_a_file_inside_the_repository(page):
    broken = []
    for match in LINK.finditer(page.read_text(encoding="utf-8")):
        target = (match.group(1) or match.group(2)).split("#")[0]
        if not target or target.startswith(("http://", "https://", "mailto:")):
            continue
        path = (page.parent / target).resolve()
        if not path.exists() or not path.is_relative_to(ROOT):
            broken.append(target)
    assert broken == []
