"""Schema migrations (constraints, indexes) and the reference data that ships with the code."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import Any

from cypher import STATEMENTS, split_statements
from graph.database import Database, Transaction

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
#: The labels of what `migrate` writes: the reference data that ships with the code and the migrations' records.
REFERENCE_LABELS = ("Region", "Field", "TitleSeries", "TitleLevel", "InstitutionType", "Plan", "Target", "Migration")


def migration_names() -> list[str]:
    """Every migration shipped, in the order it applies."""
    return sorted(name for name in STATEMENTS if name.startswith("migrations/0"))


async def migrate(db: Database) -> list[str]:
    """Apply the migrations not yet recorded in the graph, then load reference data; return applied."""
    applied_before = {row["name"] for row in await db.read("migrations/applied")}
    applied: list[str] = []
    for name in migration_names():
        if name in applied_before:
            continue
        text = STATEMENTS[name]
        for statement in split_statements(text):
            # Schema statements cannot share a transaction with writes: each runs on its own.
            await db.write(name, statement)
        await db.write("migrations/record", name=name, checksum=hashlib.sha256(text.encode()).hexdigest())
        applied.append(name)
    await db.read("migrations/await_indexes", seconds=300)
    await load_reference_data(db)
    return applied


async def apply_schema(db: Database) -> None:
    """Create every migration's constraints and indexes (all `IF NOT EXISTS`), recording nothing: a restore's
    target gets the schema before the backup's nodes, among them its own migration records."""
    for name in migration_names():
        for statement in split_statements(STATEMENTS[name]):
            await db.write(name, statement)
    await db.read("migrations/await_indexes", seconds=300)


def read_reference(name: str) -> list[dict[str, Any]]:
    """Rows of a shipped reference CSV, empty cells as None and snake_case keys as camelCase."""
    with open(REFERENCE_DIR / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return [
            {_camel(key): (value if value != "" else None) for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)


async def load_reference_data(db: Database) -> None:
    """Upsert regions, fields, title series and levels, institution types and targets: idempotent."""
    regions = read_reference("regions")
    fields = read_reference("fields")
    levels = [{**row, "rank": int(row["rank"])} for row in read_reference("title_levels")]
    series = read_reference("title_series")
    institution_types = read_reference("institution_types")
    targets = [{**row, "goal": float(row["goal"])} for row in read_reference("targets")]

    async def upsert(tx: Transaction) -> None:
        await tx.run("reference/regions", rows=regions)
        await tx.run("reference/fields", rows=fields)
        await tx.run("reference/title_levels", rows=levels)
        await tx.run("reference/title_series", rows=series)
        await tx.run("reference/institution_types", rows=institution_types)
        await tx.run("reference/targets", rows=targets)

    await db.write_tx(upsert)
