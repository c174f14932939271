"""Load an import file: validate all of it (and its references) first, then write it in batches.

Nothing is written when any row is invalid, unless `skip_invalid`, in which case the refused rows
are written to `<file>.rejected.csv` beside the input. A file that cannot be read before its first row
(a wrong header, no header, not a spreadsheet) is a file error: nothing is written, with or without
`skip_invalid`, and no rejected file. Validation turns rows into graph rows and
spills them in batches to a temporary file, which writing reads back: memory stays bounded whatever
the file's size, and the file is parsed once.
"""

from __future__ import annotations

import asyncio
import pickle
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from graph import bulk
from graph.access import OPERATOR, Caller
from graph.database import Database
from graph.facts import ReferenceCache
from graph.spreadsheets import csv_writer
from graph.stats.fold import PendingSpans, fold_pending
from loaders.collector import bulk_collection
from loaders.errors import FileFormatError, RowError
from loaders.readers import DEFAULT_XLSX_LIMITS, XlsxLimits, read_rows
from loaders.records import Record
from loaders.validate import ValidationReport, validated_records
from loaders.writer import References, resolve_chunk, to_row

#: Batches written between two folds of their talent spans into the statistics cubes (graph/stats/fold.py):
#: 100,000 rows in batches of 2,000. Statistics read pending spans one by one, so fewer folds cost them.
FOLD_EVERY = 50
#: Batches of people written at once (`_write`). Two, not three: a third helps a database that has been
#: running, but slows the first load into a freshly started one (the JVM still compiling), and that is the
#: load nearest the 60 s goal.
IN_FLIGHT = 2
#: Rows resolved against the database at a time while validating.
RESOLVE_CHUNK = 5000
MAX_REPORTED_ERRORS = 1000

Tick = Callable[[str, int, int | None], None]
"""Progress callback: (phase, rows done so far, total rows or None)."""


@dataclass
class LoadSummary:
    """What a load did: rows read, created, updated, unchanged and rejected, and the errors found."""

    path: Path
    kind: str
    rows: int = 0
    outcome: Counter[str] = field(default_factory=Counter)
    rejected: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False
    rejected_file: Path | None = None
    seconds: float = 0.0
    #: Why the file could not be read at all (its header, its format): no row was validated.
    file_error: FileFormatError | None = None

    @property
    def ok(self) -> bool:
        return self.error_count == 0


def _stream(
    path: Path, kind: str, salt: str, today: date | None, workers: int | None, xlsx_limits: XlsxLimits
) -> Iterator[tuple[int, Record | None, list[RowError], int]]:
    for checked in validated_records(path, kind, salt, today=today, workers=workers, xlsx_limits=xlsx_limits):
        yield checked.line, checked.record, checked.errors, checked.first


async def _validate(
    db: Database,
    path: Path,
    kind: str,
    salt: str,
    today: date | None,
    summary: LoadSummary,
    references: References,
    tick: Tick,
    spill: BinaryIO,
    batch_size: int,
    workers: int | None = None,
    xlsx_limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
) -> set[int]:
    """Validate every row and resolve its references; spill the rows to write, in batches, to `spill`.

    Returns the lines refused. Rows are turned into graph rows here, once, so that writing only reads
    the spill file back: the import file is parsed a single time.

    A people row is marked `new` (graph/bulk_people.py) when its person was not in the graph while the file
    was validated and no earlier batch of the file has them: writing may then create them without looking
    for them again. The mark is only a hint: the uniqueness constraints catch a person created meanwhile.
    """
    refused: set[int] = set()
    report = ValidationReport(path, kind, max_errors=MAX_REPORTED_ERRORS)
    chunk: list[tuple[int, Record]] = []
    # For the rows of the chunk that are not the first with their person or certificate: the first line that is.
    repeats: dict[int, int] = {}
    ready: list[dict[str, Any]] = []
    batch_start = 0
    headers = _headers(path, kind, xlsx_limits)

    async def flush() -> None:
        nonlocal batch_start
        known: set[str] = set()
        rejected = await resolve_chunk(db, chunk, references, headers, known)
        for line, errors in rejected.items():
            refused.add(line)
            report.add_errors(errors)
        for line, record in chunk:
            if line not in rejected:
                kind_of_row, row = to_row(record, references)
                if not ready:
                    batch_start = line
                if kind_of_row == "people":
                    # Set after the fingerprint, which it is not part of.
                    row["new"] = row["idHash"] not in known and repeats.get(line, line) >= batch_start
                ready.append(row)
            if len(ready) >= batch_size:
                pickle.dump(ready, spill, protocol=pickle.HIGHEST_PROTOCOL)
                ready.clear()
        chunk.clear()
        repeats.clear()

    try:
        for line, record, errors, first in _stream(path, kind, salt, today, workers, xlsx_limits):
            summary.rows += 1
            if errors:
                refused.add(line)
                report.add_errors(errors)
            elif record is not None:
                chunk.append((line, record))
                if first != line:
                    repeats[line] = first
            if len(chunk) >= RESOLVE_CHUNK:
                await flush()
            if summary.rows % 1000 == 0:
                tick("validating", summary.rows, None)
        await flush()
        if ready:
            pickle.dump(ready, spill, protocol=pickle.HIGHEST_PROTOCOL)
    except FileFormatError as bad:
        report.add_errors([RowError(bad.line, bad.column, bad.reason_en, bad.reason_zh)])
        if summary.rows == 0:
            summary.file_error = bad
        else:
            refused.add(bad.line)
    tick("validating", summary.rows, summary.rows)
    summary.error_count = report.error_count
    summary.errors = sorted(report.errors, key=lambda error: error.line)
    return refused


def _headers(path: Path, kind: str, xlsx_limits: XlsxLimits) -> dict[str, str]:
    try:
        first = next(iter(read_rows(path, kind, xlsx_limits)), None)
    except FileFormatError:
        return {}
    return dict(first.headers) if first else {}


def write_rejected(
    path: Path, kind: str, refused: set[int], errors: list[RowError], xlsx_limits: XlsxLimits = DEFAULT_XLSX_LIMITS
) -> Path:
    """Write the refused rows, with their line and reasons, to `<stem>.rejected.csv` beside `path`."""
    target = path.with_name(f"{path.stem}.rejected.csv")
    reasons: dict[int, list[str]] = {}
    for error in errors:
        reasons.setdefault(error.line, []).append(f"{error.column}: {error.reason_zh} / {error.reason_en}")
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer: Any = None
        for row in read_rows(path, kind, xlsx_limits):
            if row.line not in refused:
                continue
            if writer is None:
                writer = csv_writer(handle)
                keys = list(row.headers)
                writer.writerow(["行号 line", *[row.headers[key] for key in keys], "原因 reasons"])
            writer.writerow(
                [row.line, *[row.values.get(key, "") for key in keys], "; ".join(reasons.get(row.line, []))]
            )
    return target


async def load_file(
    db: Database,
    path: Path | str,
    kind: str,
    salt: str,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    batch_size: int = 2000,
    today: date | None = None,
    tick: Tick | None = None,
    workers: int | None = None,
    xlsx_limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
    id_prefix: str = "",
    caller: Caller = OPERATOR,
    keep_rejected: bool = False,
) -> LoadSummary:
    """Validate `path` as `kind`, then (unless dry_run or refused) upsert it in batches.

    `workers`: validating processes for large files (loaders/validate.py `validated_records`); an .xlsx file is
    refused as a whole, before it is read, when it would unzip to more than `xlsx_limits` allow.
    `id_prefix`: put before the ids of the people and institutions it creates (the demo's `DEMO-`).
    `caller`: who loads; an institution key's rows about another institution are refused (loaders/writer.py
    `check_scope`), and the audit trail names it. `keep_rejected`: write the rejected file even when the
    refused rows stop the load (an upload's refused-rows download)."""
    path = Path(path)
    started = time.perf_counter()
    tick = tick or (lambda phase, done, total: None)
    summary = LoadSummary(path=path, kind=kind)
    with bulk_collection(), tempfile.TemporaryFile(prefix="talentgraph-load-") as spill:
        refused = await _validate(
            db,
            path,
            kind,
            salt,
            today,
            summary,
            References(id_prefix, caller),
            tick,
            spill,
            batch_size,
            workers,
            xlsx_limits,
        )
        summary.rejected = len(refused)
        if refused and (skip_invalid or keep_rejected) and not dry_run:
            summary.rejected_file = write_rejected(path, kind, refused, summary.errors, xlsx_limits)
        if not (dry_run or (refused and not skip_invalid) or summary.file_error):
            spill.seek(0)
            await _write(db, kind, spill, summary, tick, caller)
            summary.written = True
    summary.seconds = time.perf_counter() - started
    return summary


def _batches(spill: BinaryIO) -> Iterator[list[dict[str, Any]]]:
    while True:
        try:
            yield pickle.load(spill)
        except EOFError:
            return


def _keys(kind: str, batch: list[dict[str, Any]]) -> frozenset[str] | None:
    """The people and titles a batch of people writes; None for other kinds, written one batch at a time."""
    if kind != "people":
        return None
    return frozenset(key for row in batch for key in (row["idHash"], row["title"]["certificateNo"]))


async def _write(
    db: Database, kind: str, spill: BinaryIO, summary: LoadSummary, tick: Tick, caller: Caller = OPERATOR
) -> None:
    """Upsert the spilled batches, IN_FLIGHT at a time where they share no person or title.

    While Neo4j works on batches, the next one's rows are prepared in Python: two cores are both used.
    Batches that share a person or title wait for each other, in file order, so that the end state is
    that of writing them one after the other. Every FOLD_EVERY batches, the committed batches' spans are
    folded into the cubes beside the writing (a transaction of its own, exact whatever runs meanwhile:
    graph/stats/fold.py); what is left is folded at the end.
    """
    total = summary.rows - summary.rejected
    done = 0
    # What an earlier load stopped before folding, first: then this load's folds stay its own size.
    await fold_pending(db)
    pending = PendingSpans()
    reference = ReferenceCache()
    running: dict[asyncio.Task[Counter[str]], tuple[frozenset[str] | None, int]] = {}
    folding: asyncio.Future[int] | None = None

    async def settle(until: int) -> None:
        """Wait for running batches until at most `until` are left."""
        nonlocal done
        while len(running) > until:
            finished, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in finished:
                _, size = running.pop(task)
                summary.outcome.update(task.result())
                done += size
                tick("writing", done, total)

    try:
        for batch in _batches(spill):
            keys = _keys(kind, batch)
            await settle(IN_FLIGHT - 1)
            if keys is None or any(other is None or keys & other for other, _ in running.values()):
                await settle(0)
            if len(pending) >= FOLD_EVERY:
                if folding is not None:
                    await folding
                # The batches committed so far; those still running go to the next fold.
                folding = asyncio.ensure_future(pending.fold(db))
            running[asyncio.ensure_future(bulk.upsert(db, kind, batch, pending, reference, caller))] = (
                keys,
                len(batch),
            )
        await settle(0)
        if folding is not None:
            await folding
    finally:
        # A failed batch stops the load: the others finish (each is all or nothing), then what they wrote is folded.
        if running:
            await asyncio.gather(*running, return_exceptions=True)
        if folding is not None:
            # A fold that failed left its batches pending, counted apart: the next load folds them first.
            await asyncio.gather(folding, return_exceptions=True)
        # Statistics are exact with or without this (pending spans count apart): folding keeps them fast.
        await pending.fold(db)
