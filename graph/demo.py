"""The demo data set (loaders/demo.py) in the database: whether it is there, at which version; removing it."""

from __future__ import annotations

from graph.database import Database, Transaction
from graph.derived import refresh_people

#: The id of the one node that records the demo's load, `(:DemoData)`.
MARKER = "DEMO-DATA"
#: People removed per transaction.
CHUNK = 2000


async def loaded_demo_version(db: Database) -> str | None:
    """The version of the demo data loaded completely into this database, or None."""
    rows = await db.read("demo/loaded", id=MARKER)
    return str(rows[0]["version"]) if rows else None


async def mark_demo_loaded(db: Database, version: str, counts: dict[str, int]) -> None:
    """Record that the demo data of `version` is loaded completely, with its rows per file."""
    await db.write("demo/mark", id=MARKER, version=version, counts=[f"{kind}:{n}" for kind, n in counts.items()])


async def remove_demo(db: Database, prefix: str) -> int:
    """Delete every node of the demo data set (ids starting with `prefix`) and recount the statistics
    without its people; return how many people were removed. Nothing else is touched."""
    removed = 0
    while ids := [row["id"] for row in await db.read("demo/people", prefix=prefix, limit=CHUNK)]:

        async def work(tx: Transaction, ids: list[str] = ids) -> None:
            await tx.run("demo/delete_people", ids=ids)
            await refresh_people(tx, ids)

        await db.write_tx(work)
        removed += len(ids)
    while (await db.write("demo/delete_rest", prefix=prefix, limit=CHUNK))[0]["deleted"]:
        pass
    return removed
