"""A till system's CSV export described in TOML: which column is which field of a sale, line and tender."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.vocabulary import TENDER_METHODS
from app.errors import InvalidInput

SALE_FIELDS = ("receipt", "sold_at", "till", "cashier", "member")
LINE_FIELDS = ("sku", "name", "qty", "unit_price", "amount", "discount")
TENDER_FIELDS = ("method", "amount")
REQUIRED = {"sale": ("receipt", "sold_at"), "line": ("sku", "qty", "unit_price"), "tender": ("method",)}


@dataclass(frozen=True)
class Column:
    """A field read from a named column, or a fixed value when the export has no such column."""

    header: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class Mapping:
    name: str
    encoding: str = "auto"       # auto: detected (UTF-8 with/without BOM, UTF-16, GB18030/GBK)
    delimiter: str = "auto"      # auto: sniffed among comma, tab and semicolon
    amounts: str = "yuan"        # yuan ("12.50") or fen ("1250")
    time_zone: str = "+08:00"    # for till times written without a zone
    time_format: str = ""        # strptime format; empty: ISO 8601 ("2026-12-01 09:30:00")
    sale: dict[str, Column] = field(default_factory=dict)
    line: dict[str, Column] = field(default_factory=dict)
    tender: dict[str, Column] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)  # the till's word for a tender → ours

    def headers(self) -> list[str]:
        return [c.header for part in (self.sale, self.line, self.tender) for c in part.values() if c.header]


def _bad(zh: str, en: str, path: Path) -> InvalidInput:
    return InvalidInput(f"映射文件 {path.name}：{zh}", f"mapping file {path.name}: {en}")


def _columns(doc: dict[str, Any], part: str, allowed: tuple[str, ...], path: Path) -> dict[str, Column]:
    raw = doc.get(part, {})
    if not isinstance(raw, dict):
        raise _bad(f"[{part}] 必须是一个表", f"[{part}] must be a table", path)
    out: dict[str, Column] = {}
    for key, spec in raw.items():
        if key == "methods" and part == "tender":
            continue
        if key not in allowed:
            raise _bad(f"[{part}] 中没有字段 {key}（可用：{'、'.join(allowed)}）",
                       f"[{part}] has no field {key} (known: {', '.join(allowed)})", path)
        if isinstance(spec, str):
            out[key] = Column(header=spec)
        elif isinstance(spec, dict) and isinstance(spec.get("value"), str):
            out[key] = Column(value=spec["value"])
        else:
            raise _bad(f"[{part}].{key} 应为列名，或 {{ value = \"…\" }}",
                       f"[{part}].{key} must be a column name or {{ value = \"…\" }}", path)
    for key in REQUIRED[part]:
        if key not in out:
            raise _bad(f"[{part}] 缺少字段 {key}", f"[{part}] is missing the field {key}", path)
    return out


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; every mistake is named in Chinese and English."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InvalidInput(f"找不到映射文件 {path}", f"mapping file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise _bad(f"不是有效的 TOML（{exc}）", f"not valid TOML ({exc})", path) from None
    file = doc.get("file", {})
    amounts = file.get("amounts", "yuan")
    if amounts not in ("yuan", "fen"):
        raise _bad("amounts 只能是 yuan 或 fen", "amounts must be yuan or fen", path)
    delimiter = file.get("delimiter", "auto")
    if delimiter not in ("auto", ",", "\t", ";"):
        raise _bad("delimiter 只能是 auto、逗号、制表符或分号", "delimiter must be auto, comma, tab or semicolon", path)
    methods = doc.get("tender", {}).get("methods", {})
    wrong = sorted(v for v in methods.values() if v not in TENDER_METHODS)
    if wrong:
        raise _bad(f"[tender.methods] 中未知的支付方式 {'、'.join(wrong)}（可用：{'、'.join(TENDER_METHODS)}）",
                   f"[tender.methods] has unknown methods {', '.join(wrong)} "
                   f"(known: {', '.join(TENDER_METHODS)})", path)
    return Mapping(
        name=str(doc.get("name", path.stem)), encoding=str(file.get("encoding", "auto")), delimiter=delimiter,
        amounts=amounts, time_zone=str(file.get("time_zone", "+08:00")),
        time_format=str(file.get("time_format", "")),
        sale=_columns(doc, "sale", SALE_FIELDS, path), line=_columns(doc, "line", LINE_FIELDS, path),
        tender=_columns(doc, "tender", TENDER_FIELDS, path), methods={str(k): v for k, v in methods.items()})
