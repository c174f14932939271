"""Schema migrations (constraints, indexes) and the reference data that ships with the code."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from cypher import STATEMENTS, split_statements
from graph.database import Database, Transaction
from graph.reference_data import read_reference
from graph.vocabulary import InstitutionType, Term, TitleLevel, TitleSeries

#: The labels of what `migrate` writes: the reference data that ships with the code and the migrations' records.
REFERENCE_LABELS = ("Region", "Field", "TitleSeries", "TitleLevel", "InstitutionType", "Plan", "Target", "Migration")


def migration_names() -> list[str]:
    """Every migration shipped, in the order it applies."""
    return sorted(name for name in STATEMENTS if name.startswith("migrations/0"))


async def migrate(db: Database, progress: Callable[[str], None] | None = None) -> list[str]:
    """Apply the migrations not yet recorded in the graph, then load reference data; return applied.

    `progress` hears a line before each step that can take a while (migrations, index population, reference data)."""
    say = progress or (lambda message: None)
    applied_before = {row["name"] for row in await db.read("migrations/applied")}
    applied: list[str] = []
    for name in migration_names():
        if name in applied_before:
            continue
        say(f"Applying schema migration {name.removeprefix('migrations/')}…")
        text = STATEMENTS[name]
        for statement in split_statements(text):
            # Schema statements cannot share a transaction with writes: each runs on its own.
            await db.write(name, statement)
        await db.write("migrations/record", name=name, checksum=hashlib.sha256(text.encode()).hexdigest())
        applied.append(name)
    if applied:
        say("Waiting for the new indexes to be populated and online…")
    await db.read("migrations/await_indexes", seconds=300)
    say("Loading reference data (regions, fields, title levels, targets)…")
    await load_reference_data(db)
    return applied


def _names(member: Term) -> dict[str, Any]:
    return {"code": member.value, "name": member.zh, "nameEn": member.en}


async def apply_schema(db: Database) -> None:
    """Create every migration's constraints and indexes (all `IF NOT EXISTS`), recording nothing: a restore's
    target gets the schema before the backup's nodes, among them its own migration records."""
    for name in migration_names():
        for statement in split_statements(STATEMENTS[name]):
            await db.write(name, statement)
    await db.read("migrations/await_indexes", seconds=300)


async def load_reference_data(db: Database) -> None:
    """Upsert regions, fields and targets (from the CSVs), title series and levels and institution types (from
    graph/vocabulary.py): idempotent."""
    regions = read_reference("regions")
    fields = read_reference("fields")
    levels = [{**_names(level), "rank": level.rank} for level in TitleLevel]
    series = [_names(member) for member in TitleSeries]
    institution_types = [_names(member) for member in InstitutionType]
    targets = [
        {
            **row,
            "goal": float(row["goal"]),
            "startsOn": dt.date.fromisoformat(row["startsOn"]),
            "deadline": dt.date.fromisoformat(row["deadline"]),
        }
        for row in read_reference("targets")
    ]

    async def upsert(tx: Transaction) -> None:
        await tx.run("reference/regions", rows=regions)
        await tx.run("reference/fields", rows=fields)
        await tx.run("reference/title_levels", rows=levels)
        await tx.run("reference/title_series", rows=series)
        await tx.run("reference/institution_types", rows=institution_types)
        await tx.run("reference/targets", rows=targets)

    await db.write_tx(upsert)
