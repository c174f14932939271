"""What is derived from people's records, kept in step inside every write that changes them.

Two things are derived per person, both by graph/derivation.py: their search document and their talent
spans (and with them the statistics cubes, graph/stats/maintain.py). Every write that changes what a
person counts as or is found by (registerPerson, updatePerson, grantTitle, revokeTitle, each batch of a
bulk load) calls `refresh_people` in its own transaction, so a write and what derives from it commit
together. People new to the graph in a bulk load are derived from their rows instead (graph/bulk_people.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.database import Transaction
from graph.facts import ReferenceCache, derive_people
from graph.stats.maintain import count_write
from graph.stats.spans import Span

#: People refreshed per statement: a bulk load's batch can touch thousands.
CHUNK = 2000


async def refresh_people(
    tx: Transaction, ids: Sequence[str], batch: str | None = None, reference: ReferenceCache | None = None
) -> list[Span]:
    """Rebuild the search documents of the people `ids` and recount them in the statistics, in `tx`.

    With `batch`, their new talent spans are written pending in that batch (graph/stats/maintain.py) and
    returned, for the bulk load to fold into the cubes later. `reference`: a bulk load's reference trees."""
    unique = list(dict.fromkeys(ids))
    spans: list[Span] = []
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        derived = await derive_people(tx, chunk, reference)
        await tx.run(
            "derived/write_documents",
            documents=[{"id": person, "document": result.document} for person, result in derived.items()],
        )
        spans += await count_write(tx, chunk, [span for result in derived.values() for span in result.spans], batch)
    return spans
