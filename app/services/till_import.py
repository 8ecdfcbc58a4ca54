"""Sales from a till system's CSV export: encoding detected, delimiter sniffed, columns mapped, same checks."""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.errors import InvalidInput
from app.services.imports import ImportReport, Lookups, Progress, checked_row, import_sale_rows
from app.services.mapping import Column, Mapping
from app.services.sale_rows import RowError, SaleRow

SAMPLE = 64 * 1024
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte the file's encoding could not read (surrogateescape)
_GB = {"gb2312", "gbk", "gb18030", "hz", "cp936"}  # all read as GB18030, the superset Chinese Excel writes


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 by BOM, else charset-normalizer's best guess; GBK → GB18030."""
    head = path.open("rb").read(SAMPLE)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and len(head) == SAMPLE:  # a character cut by the sample's end
            return "utf-8"
    from charset_normalizer import from_bytes  # loaded only for a file that is not UTF-8

    best = from_bytes(head).best()
    if best is None:
        raise InvalidInput(f"无法识别文件 {path.name} 的编码，请另存为 UTF-8 或 GB18030",
                           f"cannot tell the encoding of {path.name}; save it as UTF-8 or GB18030")
    return "gb18030" if best.encoding.replace("_", "").lower() in _GB else best.encoding


def _delimiter(header: str, wanted: str) -> str:
    if wanted != "auto":
        return wanted
    try:
        return csv.Sniffer().sniff(header, delimiters=",\t;").delimiter
    except csv.Error:
        return max(",\t;", key=header.count)


def count_rows(path: Path) -> int:
    """Data rows in the file (lines less the header), for the progress bar; fast, read in blocks."""
    with path.open("rb") as handle:
        lines = sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
    return max(lines - 1, 0)


def read_table(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number as the owner sees it in Excel, row) for each data row; missing mapped columns refused."""
    encoding = detect_encoding(path) if mapping.encoding == "auto" else mapping.encoding
    # A byte the detected encoding cannot read stays escaped, so only its row is refused (_parser).
    with path.open(encoding=encoding, errors="surrogateescape", newline="") as handle:
        header = handle.readline()
        delimiter = _delimiter(header, mapping.delimiter)
        names = [h.strip() for h in next(csv.reader([header], delimiter=delimiter), [])]
        missing = [h for h in mapping.headers() if h not in names]
        if missing:
            raise InvalidInput(f"{path.name} 缺少映射文件 {mapping.name} 所需的列：{'、'.join(missing)}",
                               f"{path.name} lacks the columns mapping {mapping.name} needs: {', '.join(missing)}")
        for n, values in enumerate(csv.reader(handle, delimiter=delimiter), start=2):
            if any(v.strip() for v in values):
                yield n, {k: v.strip() for k, v in zip(names, values, strict=False)}


def _get(row: dict[str, str], column: Column | None, default: str = "") -> str:
    if column is None:
        return default
    return column.value if column.value is not None else row.get(column.header or "", "")


def fen(text: str, mapping: Mapping, name: str) -> int:
    """An amount as the export writes it ("12.50", "¥1,234.5", or fen "1250") → integer fen."""
    cleaned = text.replace("¥", "").replace("￥", "").replace(",", "").strip()
    try:
        value = Decimal(cleaned) * (100 if mapping.amounts == "yuan" else 1)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise RowError(f"{name} 不是金额：{text!r}", f"{name} is not an amount: {text!r}")
    if value != value.to_integral_value():
        unit = ("元，最多两位小数", "yuan, at most two decimals") if mapping.amounts == "yuan" else ("分", "fen")
        raise RowError(f"{name} 金额 {text!r} 不对（以{unit[0]}）", f"{name} amount {text!r} is wrong ({unit[1]})")
    return int(value)


def _named(column: Column | None, field: str) -> str:
    """What the owner sees in the export for a field: its column's header, else the field's name."""
    return column.header if column is not None and column.header else field


def _qty(text: str, name: str) -> int:
    try:
        value = Decimal(text.strip() or "x")
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.to_integral_value():
        raise RowError(f"{name} {text!r} 必须是整数", f"{name} {text!r} must be a whole number")
    return int(value)


def _sold_at(text: str, mapping: Mapping) -> str:
    try:
        when = (datetime.strptime(text, mapping.time_format) if mapping.time_format
                else datetime.fromisoformat(text))
    except ValueError:
        raise RowError(f"{_named(mapping.sale['sold_at'], 'sold_at')} 不是有效的时间：{text!r}",
                       f"{_named(mapping.sale['sold_at'], 'sold_at')} is not a valid time: {text!r}") from None
    return when.isoformat() if when.tzinfo else when.isoformat() + mapping.time_zone


def _line(i: int, row: dict[str, str], m: Mapping) -> tuple[dict[str, object], tuple[str, str]]:
    """One CSV row → a sale line and its (tender method, tender amount text)."""
    qty = _qty(_get(row, m.line["qty"]), _named(m.line["qty"], "qty"))
    unit = fen(_get(row, m.line["unit_price"]), m, _named(m.line["unit_price"], "unit_price"))
    amount = m.line.get("amount")
    discount = (qty * unit - fen(_get(row, amount), m, _named(amount, "amount")) if amount
                else fen(_get(row, m.line.get("discount"), "0") or "0", m, _named(m.line.get("discount"), "discount")))
    line: dict[str, object] = {"line": i, "sku": _get(row, m.line["sku"]), "qty": qty, "unit_price": unit,
                               "discount": discount}
    if name := _get(row, m.line.get("name")):
        line["name"] = name
    word = _get(row, m.tender["method"])
    return line, (m.methods.get(word, word), _get(row, m.tender["amount"]) if "amount" in m.tender else "")


def sale_json(rows: list[tuple[int, dict[str, str]]], mapping: Mapping) -> str:
    """The rows of one receipt as the project's own JSON Lines sale; the checks then run unchanged.
    A value that cannot be read is named by its row and column, as the owner sees them in Excel."""
    (first_no, first), m = rows[0], mapping
    lines, tenders = [], {}
    for i, (n, row) in enumerate(rows, start=1):
        try:
            line, tender = _line(i, row, m)
        except RowError as err:
            raise RowError(f"第 {n} 行：{err.zh}", f"row {n}: {err.en}") from None
        lines.append(line)
        tenders.setdefault(tender, None)
    total = sum(int(x["qty"]) * int(x["unit_price"]) - int(x["discount"]) for x in lines)
    try:
        sale = {"receipt": _get(first, m.sale["receipt"]), "sold_at": _sold_at(_get(first, m.sale["sold_at"]), m),
                "till": _get(first, m.sale.get("till"), m.name) or m.name,
                "cashier": _get(first, m.sale.get("cashier"), "till") or "till",
                "member": _get(first, m.sale.get("member")) or None, "lines": lines,
                "tenders": [{"method": meth, "amount": fen(amt, m, _named(m.tender.get("amount"), "amount"))
                             if amt else total} for meth, amt in tenders]}
    except RowError as err:
        raise RowError(f"第 {first_no} 行：{err.zh}", f"row {first_no}: {err.en}") from None
    return json.dumps(sale, ensure_ascii=False, sort_keys=True)


def _receipts(path: Path, mapping: Mapping) -> Iterator[tuple[int, Callable[[Lookups], SaleRow]]]:
    """Consecutive rows with the same receipt number make one sale (tills export a receipt's lines together)."""
    group: list[tuple[int, dict[str, str]]] = []
    for n, row in read_table(path, mapping):
        if group and _get(row, mapping.sale["receipt"]) != _get(group[0][1], mapping.sale["receipt"]):
            yield group[0][0], _parser(group, mapping)
            group = []
        group.append((n, row))
    if group:
        yield group[0][0], _parser(group, mapping)


def _parser(rows: list[tuple[int, dict[str, str]]], mapping: Mapping) -> Callable[[Lookups], SaleRow]:
    def parse(known: Lookups) -> SaleRow:
        if _ESCAPED.search("".join(v for _n, row in rows for v in row.values())):
            raise RowError("该行有无法按文件编码读取的字节（文件中混有不同编码？）",
                           "the row has bytes the file's encoding cannot read (mixed encodings in the file?)")
        return checked_row(sale_json(rows, mapping), *known)
    return parse


def import_till_csv(path: Path, mapping: Mapping, url: str | None = None,
                    progress: Progress | None = None) -> ImportReport:
    """Import a till's CSV export through the mapping; rejected rows carry the CSV row number."""
    return import_sale_rows(_receipts(path, mapping), url, progress)
