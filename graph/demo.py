"""Whether the demo data set (loaders/demo.py) is in the database, and at which version."""

from __future__ import annotations

from graph.database import Database

#: The id of the one node that records the demo's load, `(:DemoData)`.
MARKER = "DEMO-DATA"


async def loaded_demo_version(db: Database) -> str | None:
    """The version of the demo data loaded completely into this database, or None."""
    rows = await db.read("demo/loaded", id=MARKER)
    return str(rows[0]["version"]) if rows else None


async def mark_demo_loaded(db: Database, version: str, counts: dict[str, int]) -> None:
    """Record that the demo data of `version` is loaded completely, with its rows per file."""
    await db.write("demo/mark", id=MARKER, version=version, counts=[f"{kind}:{n}" for kind, n in counts.items()])
