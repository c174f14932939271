"""Take a backup of the whole graph while the API serves: writes paused, one read transaction, streamed."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.backup.errors import BackupFailed
from graph.backup.format import BackupWriter, Counts
from graph.backup.values import VALUE_TYPES, encode_properties
from graph.database import Database, ReadTransaction, StreamingReader
from graph.secrets import salt_fingerprint
from graph.writes import paused_writes

Tick = Callable[[int, int], None]
"""Progress: (records written, records in all)."""


@dataclass(frozen=True)
class BackupSummary:
    """A backup taken: where, what it holds, how long it took and how long writes were paused."""

    path: Path
    counts: Counts
    seconds: float
    paused_seconds: float
    bytes: int


def counts_from(totals: dict[str, Any], labels: list[dict[str, Any]], types: list[dict[str, Any]]) -> Counts:
    """Counts from the answers of backup/totals, backup/label_counts and backup/type_counts."""
    return Counts(
        totals["nodes"],
        totals["relationships"],
        Counter({row["label"]: row["count"] for row in labels if row["count"]}),
        Counter({row["type"]: row["count"] for row in types if row["count"]}),
    )


def _read(tx: ReadTransaction, writer: BackupWriter, header: dict[str, Any], tick: Tick | None) -> Counts:
    """Write the header and every node and relationship the transaction sees; return the counts it saw first."""
    server = tx.run("backup/server")[0]
    counts = counts_from(tx.run("backup/totals")[0], tx.run("backup/label_counts"), tx.run("backup/type_counts"))
    writer.header(
        {**header, "neo4j": {"version": server["version"], "edition": server["edition"]}, "counts": counts.as_json()}
    )
    total = counts.nodes + counts.relationships
    for node_id, labels, properties in tx.stream("backup/nodes", kinds=VALUE_TYPES):
        writer.node(node_id, labels, encode_properties(properties))
        if tick is not None and writer.records % 5000 == 0:
            tick(writer.records, total)
    for rel_type, start, end, properties in tx.stream("backup/relationships", kinds=VALUE_TYPES):
        writer.relationship(rel_type, start, end, encode_properties(properties))
        if tick is not None and writer.records % 5000 == 0:
            tick(writer.records, total)
    return counts


async def take_backup(
    db: Database,
    reader: StreamingReader,
    path: Path,
    salt: str,
    tick: Tick | None = None,
    inspect: Callable[[ReadTransaction], None] | None = None,
) -> BackupSummary:
    """Write the whole graph to `path` (docs/backup.md) with writes paused; `inspect` runs in the backup's
    transaction after it has been read (a test compares the graph it sees there with the restored one)."""
    started = time.monotonic()
    writer = BackupWriter(path)
    header = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": db.database,
        "idSalt": {"kept": "out", "fingerprint": salt_fingerprint(salt)},
    }

    def read_all() -> Counts:
        with reader.transaction() as tx:
            counts = _read(tx, writer, header, tick)
            if inspect is not None:
                inspect(tx)
            return counts

    try:
        async with paused_writes(db, "backup"):
            paused = time.monotonic()
            # In a thread, so that the pause's lease is renewed meanwhile on this event loop.
            counts = await asyncio.to_thread(read_all)
            paused_seconds = time.monotonic() - paused
        problems = writer.counts.differences(counts)
        if problems:
            raise BackupFailed(
                "the graph changed while it was read (a write that bypassed the pause?): " + "; ".join(problems)
            )
        if tick is not None:
            tick(writer.records, writer.records)
        written = writer.finish()
    except BaseException:
        writer.abort()
        raise
    return BackupSummary(written, counts, time.monotonic() - started, paused_seconds, written.stat().st_size)
