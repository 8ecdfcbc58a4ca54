"""Imports from the till system — the only way sales, products and members get in. Idempotent."""

from __future__ import annotations

import csv
import gc
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.codes import shown
from app.errors import DeskError, InvalidInput
from app.models import Member, Product, Sale
from app.services import csv_rows
from app.services.policy import policy_at
from app.services.prepared import PreparedSelect
from app.services.sale_repeats import given, same_as_stored
from app.services.sale_rows import (
    CatalogueEntry,
    RowError,
    SaleRow,
    parse_sale,
)
from app.services.sale_writes import write_sales

log = logging.getLogger(__name__)
BATCH = 1000  # sales per transaction: each batch is all-or-nothing and other tills wait only that long


@dataclass(frozen=True)
class Rejection:
    line_no: int
    reason_zh: str
    reason_en: str
    key: str = ""  # receipt number, SKU or card number where it could be read


@dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0  # already imported with the same content: re-importing a file changes nothing
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


_p = Product.__table__.c
# Read once per import as plain rows (services/prepared.py): through the ORM's loading, 20,000 member
# cards cost more than a day's 1,440 sales take to check.
_CATALOGUE = PreparedSelect(select(_p.sku, _p.name_zh, _p.policy_class, _p.warranty_months, _p.food,
                                   _p.stored_value))
_MEMBER_CARDS = PreparedSelect(select(Member.__table__.c.card_no, Member.__table__.c.id))


def _catalogue(session: Session) -> dict[str, CatalogueEntry]:
    return {sku: CatalogueEntry(name, cls, months, bool(food), bool(card))
            for sku, name, cls, months, food, card in _CATALOGUE.rows(session.connection())}


Progress = Callable[[int, "ImportReport"], None]  # (rows read so far, the report after a committed batch)


def import_sales(lines: Iterable[str], url: str | None = None, progress: Progress | None = None) -> ImportReport:
    """Import JSON Lines sales; valid rows go in, each bad row is reported with its line number."""
    return import_sale_rows(_parsed_json(lines), url, progress)


def _parsed_json(lines: Iterable[str]) -> Iterator[tuple[int, Callable[[Lookups], SaleRow]]]:
    for line_no, text in enumerate(lines, start=1):
        if text.strip():
            yield line_no, lambda known, text=text: checked_row(text, *known)


Lookups = tuple[dict[str, CatalogueEntry], set[str], frozenset[str]]  # catalogue, member cards, classes


def import_sale_rows(rows: Iterable[tuple[int, Callable[[Lookups], SaleRow]]], url: str | None = None,
                     progress: Progress | None = None) -> ImportReport:
    """Rows from any front end (JSON Lines, a mapped CSV) through the same checks, a batch per transaction.
    Only each batch's own receipt numbers are looked up: a day's import into years of sales stays small."""
    report = ImportReport()
    with session_scope(url, write=False) as s:
        catalogue = _catalogue(s)
        members: dict[str, int] = dict(_MEMBER_CARDS.rows(s.connection()))
    lookups: Lookups = (catalogue, set(members), policy_classes(url))
    batch: list[tuple[int, SaleRow]] = []
    line_no = 0
    # What is already loaded (the ORM, Qt, the catalogue) is left out of the collector's full passes: they
    # would walk it again and again while the rows are built, a fifth of a long import's time. The
    # counter's launch has frozen its own objects for good (ui/shell/launch.py): that freeze is kept.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        for line_no, parse in rows:
            try:
                batch.append((line_no, parse(lookups)))
            except RowError as err:
                report.rejected.append(Rejection(line_no, err.zh, err.en))
            if len(batch) >= BATCH:
                _settle(batch, members, url, report)
                batch = []
                if progress:
                    progress(line_no, report)
        _settle(batch, members, url, report)
    except DeskError:
        raise
    except Exception as exc:  # a bug or a lost database: say truthfully what is already saved
        if not report.imported:
            raise
        log.exception("sales import stopped at line %d", line_no)
        raise ImportStopped(report.imported, line_no) from exc
    finally:
        if not frozen_before:
            gc.unfreeze()
    if progress:
        progress(line_no, report)
    return report


def _settle(batch: list[tuple[int, SaleRow]], members: dict[str, int], url: str | None,
            report: ImportReport) -> None:
    """Sort one batch into new, unchanged and conflicting — looking up only its own receipt numbers, so a
    day's import into years of sales stays small — then write the new ones."""
    if not batch:
        return
    with session_scope(url, write=False) as s:
        stored = dict(s.execute(select(Sale.receipt_no, Sale.content_hash).where(
            Sale.receipt_no.in_({r.receipt_no for _n, r in batch}))).all())
    fresh: list[tuple[int, SaleRow]] = []
    pending: dict[str, SaleRow] = {}  # this batch's receipts not written yet: a repeat is compared with them
    for line_no, row in batch:
        earlier = pending.get(row.receipt_no)
        previous = earlier.content_hash if earlier is not None else stored.get(row.receipt_no)
        if previous is not None:
            _settle_repeat(line_no, row, previous, earlier, members, url, report)
            continue
        pending[row.receipt_no] = row
        fresh.append((line_no, row))
    _write_batch(fresh, members, url, report)


@contextmanager
def _ctrl_c_after() -> Iterator[None]:
    """Ctrl-C during a batch's write lands once the batch is committed and counted: between the commit and
    the count it would leave the report one batch behind the database. Only the main thread gets SIGINT."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    before = signal.signal(signal.SIGINT, lambda signum, _frame: pressed.append(signum))
    try:
        yield
    finally:  # a refused batch with Ctrl-C pressed stops too: nothing of it was committed
        signal.signal(signal.SIGINT, before if before is not None else signal.default_int_handler)
        if pressed:
            raise KeyboardInterrupt


class ImportStopped(DeskError):
    """An import that failed after some batches were committed: those stay, and the message says so."""

    def __init__(self, imported: int, line_no: int) -> None:
        self.imported = imported
        super().__init__(f"导入在第 {line_no} 行附近出错而中止：此前的 {imported} 条销售已保存，其后的未导入。",
                         f"The import stopped with an error near line {line_no}: the {imported} sales before "
                         "it were saved, the rest were not imported.")


def checked_row(text: str, catalogue: dict[str, CatalogueEntry], members: set[str],
                 classes: frozenset[str]) -> SaleRow:
    try:  # read_lines keeps bytes that are not UTF-8 as lone surrogates, which cannot be encoded
        text.encode()
    except UnicodeEncodeError:  # only then look for them (other lone surrogates: the field check names them)
        if any("\udc80" <= c <= "\udcff" for c in text):
            raise RowError("该行不是 UTF-8 编码（可能是 GBK），请让收银系统导出 UTF-8 文件",
                           "the line is not UTF-8 (GBK perhaps); export the file from the till as UTF-8") from None
    return parse_sale(text, catalogue, members, classes)


def _settle_repeat(line_no: int, row: SaleRow, previous: str, pending: SaleRow | None, members: dict[str, int],
                   url: str | None, report: ImportReport) -> None:
    """A receipt number seen before (stored, or earlier in this file): the same sale, or a conflict."""
    if previous == row.content_hash or (
            given(pending, members) == given(row, members) if pending is not None
            else same_as_stored(row, members, url)):
        report.unchanged += 1
        return
    report.rejected.append(Rejection(
        line_no, f"小票 {row.receipt_no} 已导入过且内容不同，未覆盖",
        f"receipt {row.receipt_no} was already imported with different contents; not overwritten",
        row.receipt_no))


def _write_batch(batch: list[tuple[int, SaleRow]], members: dict[str, int], url: str | None,
                 report: ImportReport) -> None:
    """One transaction for the batch; if the database refuses it, row by row so one bad row loses no other."""
    if len(batch) > 1:
        try:
            with _ctrl_c_after():  # the commit and its count go together, so the stop message is true
                write_sales([row for _n, row in batch], members, url)
                report.imported += len(batch)
            return
        except Exception as exc:
            if not _refused(exc):
                raise
    for line_no, row in batch:
        try:
            with _ctrl_c_after():
                write_sales([row], members, url)
                report.imported += 1
        except Exception as exc:
            if not _refused(exc):
                raise
            log.warning("sale on line %d refused by the database: %s", line_no, exc)
            report.rejected.append(Rejection(line_no, "数据库拒绝了这张小票（数值或文字超出范围）",
                                             "the database refused this sale (a number or text out of range)",
                                             row.receipt_no))


def _refused(exc: Exception) -> bool:
    """The row's values were refused (a constraint, a range, an encoding) — not a busy or lost database."""
    if isinstance(exc, (IntegrityError, DataError, ValueError, OverflowError)):
        return True
    return isinstance(exc, StatementError) and not isinstance(exc, DBAPIError)


def read_lines(path: Path) -> Iterator[str]:
    """The file's lines; a byte that is not UTF-8 is kept escaped so import_sales rejects just that line."""
    _refuse_utf16(path)
    with path.open(encoding="utf-8-sig", errors="surrogateescape") as handle:
        yield from handle


# --- catalogue and members (CSV, UTF-8, header row; columns documented in README) -------------

PRODUCT_COLUMNS = ("sku", "name_zh", "name_en", "category", "policy_class", "price", "warranty_months",
                   "supplier", "food", "stored_value", "allergens")
MEMBER_COLUMNS = ("card_no", "phone", "name", "tier", "points", "special_needs", "birthday", "allergens")


def _refuse_utf16(path: Path) -> None:
    with path.open("rb") as raw:
        start = raw.read(4)
    if start[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in start:
        raise InvalidInput(f"{path.name} 第 1 行：文件是 UTF-16 编码，请另存为 UTF-8",
                           f"{path.name} line 1: the file is UTF-16; save it as UTF-8")


def _csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows by their line number; a byte that is not UTF-8 stays escaped for the row check to name."""
    _refuse_utf16(path)
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InvalidInput(f"CSV 缺少列：{', '.join(missing)}", f"CSV is missing columns: {', '.join(missing)}")
        for row in reader:  # line_num: where the row ends, so a quoted field over two lines is counted
            yield reader.line_num, {k: v.strip() if isinstance(v, str) else "" for k, v in row.items() if k}


def policy_classes(url: str | None = None) -> frozenset[str]:
    """The classes the shop's policy knows: an owner who adds one can import goods of that class."""
    return frozenset(policy_at(url).classes)


def _upsert_csv(path: Path, required: tuple[str, ...], parse: Callable[[dict[str, str]], dict[str, object]],
                model: type[Product | Member], key: str, url: str | None) -> ImportReport:
    """Insert new rows and update changed ones by their key, in one transaction (portable, no dialect SQL)."""
    report = ImportReport()
    parsed: dict[str, dict[str, object]] = {}
    first_line: dict[str, int] = {}
    twice: set[str] = set()
    for n, row in _csv_rows(path, required):
        try:
            values = parse(row)
        except RowError as err:
            report.rejected.append(Rejection(n, err.zh, err.en, shown(row.get(required[0], ""))))
            continue
        k = str(values[key])
        if k in first_line:  # which of the two is right cannot be known: neither goes in
            twice.add(k)
            report.rejected.append(Rejection(n, f"{key} {k} 与第 {first_line[k]} 行重复，两行都未导入",
                                             f"{key} {k} repeats line {first_line[k]}; neither was imported", k))
            continue
        first_line[k] = n
        # A column the file does not have is left as it is: a phone-only list must not wipe names
        # and points (columns are named as the fields they fill; new rows get the model's defaults).
        parsed[k] = {c: v for c, v in values.items() if c in row}
    for k in twice:
        del parsed[k]
        report.rejected.append(Rejection(first_line[k], f"{key} {k} 在文件中出现多次，未导入",
                                         f"{key} {k} appears more than once in the file; not imported", k))
    report.rejected.sort(key=attrgetter("line_no"))
    with session_scope(url) as s:
        existing = {getattr(obj, key): obj for obj in s.scalars(select(model))}
        for k, values in parsed.items():
            obj = existing.get(k)
            if obj is None:
                s.add(model(**values))
                report.imported += 1
            elif any(getattr(obj, c) != v for c, v in values.items()):
                for c, v in values.items():
                    setattr(obj, c, v)
                report.imported += 1
            else:
                report.unchanged += 1
    return report


def import_products(path: Path, url: str | None = None) -> ImportReport:
    classes = policy_classes(url)
    return _upsert_csv(path, ("sku", "name_zh", "policy_class", "price"), lambda row: csv_rows.product(row, classes),
                       Product, "sku", url)


def import_members(path: Path, url: str | None = None) -> ImportReport:
    return _upsert_csv(path, ("card_no",), csv_rows.member, Member, "card_no", url)

