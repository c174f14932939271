"""Validate import rows into typed records, reporting problems by line and column in English and Chinese."""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from loaders import collector
from loaders.builders import BUILDERS, Problems
from loaders.errors import FileFormatError, InvalidValue, RowError
from loaders.formats import Format, Kind, format_of
from loaders.readers import DEFAULT_XLSX_LIMITS, CsvLines, Row, XlsxLimits, csv_lines, read_rows
from loaders.records import (
    CertificationRecord,
    IndicatorRecord,
    InstitutionRecord,
    PersonRecord,
    PlatformRecord,
    ProjectRecord,
    Record,
    TeamRecord,
    VisitRecord,
)
from loaders.values import ParseContext

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class CheckedRow:
    """A row after validation: its record when valid, else the reasons it was refused."""

    line: int
    record: Record | None
    errors: list[RowError]
    first: int = 0
    """The first line of the file sharing a key (a person, a certificate…) with this row: `line` when none
    before it (0 for refused rows)."""


@dataclass
class ValidationReport:
    """What validating a whole file found; `errors` keeps the first `max_errors`, `error_count` all."""

    path: Path
    kind: str
    rows: int = 0
    valid_rows: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    max_errors: int = 1000

    @property
    def ok(self) -> bool:
        """True when every row is valid and the file could be read."""
        return self.error_count == 0

    def add_errors(self, errors: Iterable[RowError]) -> None:
        """Count errors, keeping the first `max_errors` of them."""
        for error in errors:
            self.error_count += 1
            if len(self.errors) < self.max_errors:
                self.errors.append(error)


def validate_row(
    row: Row, kind: Kind | str, salt: str | bytes, *, today: date | None = None
) -> tuple[Record | None, list[RowError]]:
    """Validate one row on its own (no checks against other rows): its record or its errors."""
    return _check_row(row, format_of(kind), _context(salt, today))


def validated_records(
    path: Path | str,
    kind: Kind | str,
    salt: str | bytes,
    *,
    today: date | None = None,
    workers: int | None = None,
    xlsx_limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
) -> Iterator[CheckedRow]:
    """Stream every row of a file, validated, including conflicts with earlier rows of the same file.

    Rows are checked in `workers` processes (default_workers(); 0 checks them here) once a file has
    PARALLEL_FROM rows, and come back in order; conflicts between rows are found here, in file order.
    An .xlsx file is held to `xlsx_limits` before it is read.
    """
    fmt, ctx, conflicts = format_of(kind), _context(salt, today), ConflictTracker()
    workers = default_workers() if workers is None else workers
    setup = (str(kind), salt, today)
    lines = csv_lines(path, kind) if workers >= 1 else None
    checked: Iterator[tuple[int, Mapping[str, str], Record | None, list[RowError]]]
    if lines is not None and lines.lines >= PARALLEL_FROM:
        checked = _checked_lines(lines, setup, workers)
    else:
        checked = (
            (row.line, row.headers, record, errors)
            for row, record, errors in _checked_rows(read_rows(path, kind, xlsx_limits), fmt, ctx, setup, workers)
        )
    try:
        for line, headers, record, errors in checked:
            first = line
            if record is not None:
                errors, first = conflicts.check(line, headers, record)
            yield CheckedRow(line, record if not errors else None, errors, first if not errors else 0)
    finally:
        conflicts.close()


#: Rows a worker process checks at a time.
PARALLEL_CHUNK = 2000
#: A file with fewer rows is checked in this process: starting workers costs more than it saves.
PARALLEL_FROM = 10_000
#: Chunks queued per worker: enough that workers keep busy while this process waits on the database
#: (loaders/load.py resolves references every 5,000 rows), few enough to keep memory bounded.
AHEAD_PER_WORKER = 3


def default_workers() -> int:
    """One validating process per core but one (this process has its share of the work), at most 3.

    Each worker adds about 170 MB (pypinyin's dictionaries and its rows) to the loader's 300 MB or so
    while validating: one worker (two cores) keeps a load under 500 MB; more cores trade memory for
    speed, and `talentgraph load --workers 1` keeps a load under 500 MB anywhere.
    """
    return max(1, min(3, (os.cpu_count() or 1) - 1))


def _checked_rows(
    rows: Iterator[Row],
    fmt: Format,
    ctx: ParseContext,
    setup: tuple[str, str | bytes, date | None],
    workers: int | None,
) -> Iterator[tuple[Row, Record | None, list[RowError]]]:
    workers = default_workers() if workers is None else workers
    first = list(itertools.islice(rows, PARALLEL_FROM))
    if workers < 1 or len(first) < PARALLEL_FROM:
        for row in itertools.chain(first, rows):
            yield row, *_check_row(row, fmt, ctx)
        return
    chunks = itertools.chain(
        (first[start : start + PARALLEL_CHUNK] for start in range(0, len(first), PARALLEL_CHUNK)),
        iter(lambda: list(itertools.islice(rows, PARALLEL_CHUNK)), []),
    )
    for chunk, checked in _in_workers(_check_chunk, chunks, setup, workers):
        yield from ((row, record, errors) for row, (record, errors) in zip(chunk, checked, strict=True))


def _checked_lines(
    lines: CsvLines, setup: tuple[str, str | bytes, date | None], workers: int
) -> Iterator[tuple[int, Mapping[str, str], Record | None, list[RowError]]]:
    """A file of one row per line, checked in blocks of lines that the workers read into rows themselves:
    this process only cuts the file (the workers parse the CSV, and no rows cross to them)."""
    for _, (checked, stop) in _in_workers(partial(_check_block, lines), lines.blocks(), setup, workers):
        for line, record, errors in checked:
            yield line, lines.headers, record, errors
        if stop is not None:
            # The rows before an unreadable line are reported first, as read_rows would.
            raise FileFormatError(*stop)


def _in_workers(
    work: Callable[[T], R], pieces: Iterator[T], setup: tuple[str, str | bytes, date | None], workers: int
) -> Iterator[tuple[T, R]]:
    """Each piece of the file with `work(piece)` done in `workers` worker processes, in the pieces' order.

    A few pieces ahead at most: memory stays bounded whatever the file's size. When reading the next piece
    fails (FileFormatError), the pieces before it are given first.
    """
    # Spawned, not forked: the parent holds a database driver and its event loop.
    with ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker, initargs=setup
    ) as pool:
        waiting: deque[tuple[T, Future[R]]] = deque()

        def ready() -> tuple[T, R]:
            piece, done = waiting.popleft()
            return piece, done.result()

        try:
            for piece in pieces:
                waiting.append((piece, pool.submit(work, piece)))
                if len(waiting) > AHEAD_PER_WORKER * workers:
                    yield ready()
        except FileFormatError:
            while waiting:
                yield ready()
            raise
        while waiting:
            yield ready()


_worker: tuple[Format, ParseContext] | None = None


def _start_worker(kind: str, salt: str | bytes, today: date | None) -> None:
    global _worker
    _worker = (format_of(kind), _context(salt, today))
    collector.for_worker()


def _check_chunk(rows: list[Row]) -> list[tuple[Record | None, list[RowError]]]:
    assert _worker is not None, "worker not started"
    fmt, ctx = _worker
    return [_check_row(row, fmt, ctx) for row in rows]


def _check_block(
    lines: CsvLines, block: tuple[int, bytes]
) -> tuple[list[tuple[int, Record | None, list[RowError]]], tuple[str, str, int] | None]:
    """The checked rows of a block (its first line, its bytes), and what stopped reading it (an exception's
    arguments: FileFormatError does not pickle as itself)."""
    assert _worker is not None, "worker not started"
    fmt, ctx = _worker
    rows, failure = lines.rows(*block)
    stop = (failure.reason_en, failure.reason_zh, failure.line) if failure is not None else None
    return [(row.line, *_check_row(row, fmt, ctx)) for row in rows], stop


def validate_file(
    path: Path | str,
    kind: Kind | str,
    salt: str | bytes,
    *,
    today: date | None = None,
    max_errors: int = 1000,
    xlsx_limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
) -> ValidationReport:
    """Validate a whole file, streaming; a file that cannot be read is reported as an error too."""
    report = ValidationReport(Path(path), kind, max_errors=max_errors)
    try:
        for checked in validated_records(path, kind, salt, today=today, xlsx_limits=xlsx_limits):
            report.rows += 1
            report.valid_rows += checked.record is not None
            report.add_errors(checked.errors)
    except FileFormatError as bad:
        report.add_errors([RowError(bad.line, bad.column, bad.reason_en, bad.reason_zh)])
    return report


def _context(salt: str | bytes, today: date | None) -> ParseContext:
    return ParseContext(salt=salt) if today is None else ParseContext(salt=salt, today=today)


def _check_row(row: Row, fmt: Format, ctx: ParseContext) -> tuple[Record | None, list[RowError]]:
    errors: list[RowError] = []
    if row.overflow:
        errors.append(
            RowError(
                row.line,
                "",
                f"{row.overflow} non-empty cells beyond the last column: is a comma unquoted?",
                f"有{row.overflow}个单元格超出表头范围，是否有值含未加引号的逗号？",
            )
        )
    cells: dict[str, Any] = {}
    for column in fmt.columns:
        raw = row.values.get(column.key, "").strip()
        header = row.headers.get(column.key, column.key)
        if not raw:
            cells[column.key] = None
            if column.required:
                errors.append(RowError(row.line, header, "a value is required", "必填项不能为空"))
            continue
        try:
            column.rule.check_cell(raw)
            cells[column.key] = column.parse(raw, ctx)
        except InvalidValue as bad:
            errors.append(RowError(row.line, header, bad.reason_en, bad.reason_zh))
    if errors:
        return None, errors
    problems: Problems = []
    record = BUILDERS[fmt.kind](cells, ctx, problems)
    for key, problem in problems:
        errors.append(RowError(row.line, row.headers.get(key, key), problem.reason_en, problem.reason_zh))
    return (None, errors) if errors else (record, [])


_ID_FIELDS: dict[type, str] = {
    TeamRecord: "team_id",
    VisitRecord: "visit_id",
    ProjectRecord: "project_id",
    PlatformRecord: "platform_id",
}


_HASH_MASK = (1 << 63) - 1
_LINE_MASK = (1 << 32) - 1


class Watch(NamedTuple):
    """A natural key whose rows must agree on `content`; the reasons have {} for the earlier line."""

    name: str
    key: object
    content: object
    column: str
    reason_en: str
    reason_zh: str


#: Keys of one file the conflict check keeps in memory before moving them to disk.
IN_MEMORY_KEYS = 500_000


class ConflictTracker:
    """Remembers each natural key's first line and a fingerprint of its content, to catch contradictions.

    Kept compact, as it holds every key of the file: a 128-bit digest of the key, and the line and a
    63-bit hash of the content packed into one integer (about 170 bytes a key). Past `in_memory` keys
    (IN_MEMORY_KEYS: about 85 MB, two keys for each of 250,000 rows) they move to a private SQLite file
    on disk, consulted after them: memory stays bounded however long the file. A key looked up there
    costs about 9 µs, against 0.25 µs in memory.
    """

    def __init__(self, in_memory: int | None = None) -> None:
        self._seen: dict[bytes, int] = {}
        self._in_memory = IN_MEMORY_KEYS if in_memory is None else in_memory
        self._disk: sqlite3.Connection | None = None

    def check(self, line: int, headers: Mapping[str, str], record: Record) -> tuple[list[RowError], int]:
        """Errors for each key of the record of this line that an earlier row gave different content, and the
        first line that had one of its keys (this line when it is the first); `headers` name the columns."""
        errors = []
        earliest = line
        for watch in _watches(record):
            fingerprint = hash(watch.content) & _HASH_MASK
            key = hashlib.blake2b(repr((watch.name, watch.key)).encode(), digest_size=16).digest()
            seen = self._first(key, fingerprint << 32 | line)
            earlier, first = seen & _LINE_MASK, seen >> 32
            earliest = min(earliest, earlier)
            if first != fingerprint:
                errors.append(
                    RowError(
                        line,
                        headers.get(watch.column, watch.column),
                        watch.reason_en.format(earlier),
                        watch.reason_zh.format(earlier),
                    )
                )
        return errors, earliest

    def _first(self, key: bytes, value: int) -> int:
        """The value stored first for `key`, storing `value` when there is none."""
        seen = self._seen.get(key)
        if seen is not None:
            return seen
        if self._disk is not None:
            found = self._disk.execute("SELECT value FROM seen WHERE key = ?", (key,)).fetchone()
            if found is not None:
                return int.from_bytes(found[0], "big")
        self._seen[key] = value
        if len(self._seen) >= self._in_memory:
            self._spill()
        return value

    def _spill(self) -> None:
        if self._disk is None:
            # An empty name: SQLite's private temporary file, removed when closed.
            self._disk = sqlite3.connect("")
            self._disk.execute("CREATE TABLE seen (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
        with self._disk:
            self._disk.executemany(
                "INSERT INTO seen VALUES (?, ?)",
                ((key, value.to_bytes(12, "big")) for key, value in self._seen.items()),
            )
        self._seen.clear()

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None


def _watches(record: Record) -> list[Watch]:
    match record:
        case PersonRecord():
            person = (record.name, record.gender, record.birth_year)
            return [
                Watch(
                    "certificate",
                    record.title.certificate_no,
                    (record.id_hash, record.title),
                    "certificate_no",
                    "the same certificate number as line {} but a different person or title",
                    "证书编号与第{}行相同，但人员或职称信息不同",
                ),
                Watch(
                    "person",
                    record.id_hash,
                    person,
                    "id_number",
                    "the same identity number as line {} but a different name, gender or birth year",
                    "身份证号与第{}行相同，但姓名、性别或出生年份不同",
                ),
            ]
        case InstitutionRecord():
            watches = [
                Watch(
                    "name",
                    record.name,
                    record,
                    "name",
                    "the same institution name as line {} but different details",
                    "单位名称与第{}行相同，但其他信息不同",
                )
            ]
            if record.credit_code:
                watches.append(
                    Watch(
                        "credit_code",
                        record.credit_code,
                        record.name,
                        "credit_code",
                        "the same credit code as line {} but a different name",
                        "统一社会信用代码与第{}行相同，但单位名称不同",
                    )
                )
            return watches
        case CertificationRecord():
            return [
                Watch(
                    "certification",
                    (record.institution, record.status, record.certified_on),
                    record,
                    "certified_on",
                    "the same institution, status and date as line {} but a different validity or number",
                    "单位、认定类型和认定日期与第{}行相同，但有效期或证书编号不同",
                )
            ]
        case IndicatorRecord():
            return [
                Watch(
                    "figure",
                    (record.indicator, record.region, record.year, record.reported_on),
                    record,
                    "amount",
                    "the same indicator, region, year and report day as line {} but a different figure or source",
                    "指标、地区、年度和报送日期与第{}行相同，但数字或来源不同",
                )
            ]
        case _:
            id_key = _ID_FIELDS[type(record)]
            return [
                Watch(
                    id_key,
                    getattr(record, id_key),
                    record,
                    id_key,
                    f"the same {id_key} as line {{}} but different details",
                    "编号与第{}行相同，但内容不同",
                )
            ]
