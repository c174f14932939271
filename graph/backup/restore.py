"""Restore a backup into an empty database: check the whole file first, then write it in batches, then verify."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.backup.errors import BadBackup, RestoreRefused
from graph.backup.format import Counts, Verified, records, verify
from graph.backup.take import counts_from
from graph.backup.values import decode_properties
from graph.database import Database, Transaction
from graph.migrations import REFERENCE_LABELS, apply_schema, read_reference
from graph.secrets import salt_fingerprint

#: Records written per transaction.
BATCH = 5000

Tick = Callable[[str, int, int], None]
"""Progress: (phase, done, total)."""


@dataclass(frozen=True)
class RestoreSummary:
    """A restore done: what the file held and how long it took."""

    counts: Counts
    seconds: float
    check_seconds: float


def _supports_dynamic_labels(version: str) -> bool:
    """Neo4j 5.26 (the last 5.x, LTS) and the calendar versions after it take labels and types as parameters."""
    match = re.match(r"(\d+)\.(\d+)", version)
    return match is not None and (int(match[1]), int(match[2])) >= (5, 26)


async def check_target(db: Database, header: dict[str, Any], salt: str | None, replace: bool, check_salt: bool) -> None:
    """Refuse a target that cannot take this backup: too old, another identity salt, or not empty."""
    server = (await db.read("backup/server"))[0]
    if not _supports_dynamic_labels(server["version"]):
        raise RestoreRefused(f"Neo4j {server['version']} is too old: restoring needs Neo4j 5.26 or later.")
    if check_salt:
        wanted = header.get("idSalt", {}).get("fingerprint")
        if salt is None:
            raise RestoreRefused(
                "This deployment has no identity salt yet: set TALENTGRAPH_ID_SALT (or put the file id-salt in the "
                "data folder) to the salt of the deployment that was backed up, so that identity numbers still match."
            )
        if wanted != salt_fingerprint(salt):
            raise RestoreRefused(
                "This deployment's identity salt is not the one the backup was taken with: identity numbers would no "
                "longer match their people. Set TALENTGRAPH_ID_SALT to the backed-up deployment's salt, or restore "
                "with --ignore-salt if it is lost (a person registered again is then not recognised)."
            )
    if not replace:
        plans = sorted({row["plan"] for row in read_reference("targets")})
        occupied = (await db.read("backup/occupied", owned=list(REFERENCE_LABELS), plans=plans))[0]["occupied"]
        if occupied:
            raise RestoreRefused(
                "The database is not empty: restore into an empty (or freshly migrated) database, "
                "or pass --replace to delete everything in it first."
            )


async def restore_backup(
    db: Database,
    path: Path,
    salt: str | None,
    replace: bool = False,
    check_salt: bool = True,
    tick: Tick | None = None,
) -> RestoreSummary:
    """Restore `path` into the database: nothing is written unless the whole file checks out and the target fits."""
    started = time.monotonic()
    verified: Verified = verify(path, None if tick is None else lambda done: tick("checking", done, 0))
    check_seconds = time.monotonic() - started
    await check_target(db, verified.header, salt, replace, check_salt)
    if replace:
        await _remove_everything(db, tick)
    await apply_schema(db)
    await db.write("backup/restore_index")
    await db.read("migrations/await_indexes", seconds=300)
    await db.write("backup/remove_owned", owned=list(REFERENCE_LABELS))
    await _write_records(db, path, verified, tick)
    await _unmark(db, tick)
    await db.write("backup/drop_restore_index")
    restored = counts_from(
        (await db.read("backup/totals"))[0], await db.read("backup/label_counts"), await db.read("backup/type_counts")
    )
    problems = verified.counts.differences(restored)
    if problems:
        raise BadBackup("the restored graph's counts differ from the backup's: " + "; ".join(problems))
    return RestoreSummary(verified.counts, time.monotonic() - started, check_seconds)


async def _remove_everything(db: Database, tick: Tick | None) -> None:
    removed = 0
    while True:
        count = (await db.write("backup/remove_some", limit=BATCH))[0]["removed"]
        removed += count
        if tick is not None:
            tick("removing", removed, 0)
        if count == 0:
            return


async def _write_records(db: Database, path: Path, verified: Verified, tick: Tick | None) -> None:
    nodes: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    done = 0

    async def flush(statement: str, rows: list[dict[str, Any]]) -> None:
        nonlocal done

        async def write(tx: Transaction) -> None:
            result = await tx.run(statement, rows=rows)
            if statement == "backup/create_relationships" and result[0]["created"] != len(rows):
                raise BadBackup("a relationship's start or end node is not in the backup")

        await db.write_tx(write)
        done += len(rows)
        rows.clear()
        if tick is not None:
            tick("writing", done, verified.records)

    for record in records(path):
        if "node" in record:
            plain, typed = decode_properties(record.get("properties", {}))
            nodes.append({"id": record["node"], "labels": record["labels"], "properties": plain, "typed": typed})
            if len(nodes) >= BATCH:
                await flush("backup/create_nodes", nodes)
        else:
            if nodes:
                await flush("backup/create_nodes", nodes)
            plain, typed = decode_properties(record.get("properties", {}))
            relationships.append(
                {
                    "type": record["rel"],
                    "start": record["start"],
                    "end": record["end"],
                    "properties": plain,
                    "typed": typed,
                }
            )
            if len(relationships) >= BATCH:
                await flush("backup/create_relationships", relationships)
    if nodes:
        await flush("backup/create_nodes", nodes)
    if relationships:
        await flush("backup/create_relationships", relationships)


async def _unmark(db: Database, tick: Tick | None) -> None:
    unmarked = 0
    while True:
        count = (await db.write("backup/unmark", limit=BATCH * 2))[0]["unmarked"]
        unmarked += count
        if tick is not None:
            tick("tidying", unmarked, 0)
        if count == 0:
            return
