"""What is derived from people's records, kept in step inside every write that changes them.

Two things are derived per person: their talent spans and the statistics cubes (graph/stats/maintain.py)
and their search document (cypher/search/refresh.cypher). Every write that changes what a person
counts as or is found by (registerPerson, updatePerson, grantTitle, revokeTitle, each batch of a bulk
load) calls `refresh_people` in its own transaction, so a write and what derives from it commit together.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.database import Transaction
from graph.stats.maintain import refresh_talent
from graph.stats.spans import Span

#: People refreshed per statement: a bulk load's batch can touch thousands.
CHUNK = 2000


async def refresh_people(tx: Transaction, ids: Sequence[str], batch: str | None = None) -> list[Span]:
    """Recount the people `ids` in the statistics and rebuild their search documents, in `tx`.

    With `batch`, their new talent spans are written pending in that batch (graph/stats/maintain.py) and
    returned, for the bulk load to fold into the cubes later."""
    unique = list(dict.fromkeys(ids))
    spans: list[Span] = []
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        spans += await refresh_talent(tx, chunk, batch)
        await tx.run("search/refresh", ids=chunk)
    return spans
