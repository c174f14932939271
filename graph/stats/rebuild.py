"""Recompute every talent span and cube from the graph, when an operator asks (`talentgraph stats rebuild`).

For after writing people, employments or titles straight into the graph any other way; run it while
nothing else writes. It goes the way a bulk load does: people's spans are written pending, batch by
batch, and folded into the cubes every few batches (graph/stats/fold.py).
"""

from __future__ import annotations

from collections.abc import Callable

from graph.database import Database, Transaction
from graph.facts import ReferenceCache, derive_people
from graph.stats.fold import PendingSpans, open_batch
from graph.stats.maintain import count_write
from graph.stats.spans import Span

#: People read per transaction.
REBUILD_BATCH = 5000
#: Batches between two folds: 100,000 people.
FOLD_EVERY = 20


async def rebuild_talent_stats(db: Database, progress: Callable[[int], None] | None = None) -> int:
    """Recompute every talent span and cube from the graph; return how many people were read."""
    while (await db.write("stats/clear", limit=20000))[0]["deleted"]:
        pass
    pending = PendingSpans()
    reference = ReferenceCache()
    people, after = 0, ""
    while True:
        ids = [row["id"] for row in await db.read("stats/people_after", after=after, limit=REBUILD_BATCH)]
        if not ids:
            break

        async def count_batch(tx: Transaction, batch: list[str] = ids) -> tuple[str, list[Span]]:
            derived = await derive_people(tx, batch, reference)
            spans = [span for result in derived.values() for span in result.spans]
            opened = await open_batch(tx)
            # Every span was cleared above: none is read back.
            return opened, await count_write(tx, batch, spans, opened, new=True)

        pending.record(*await db.write_tx(count_batch))
        if len(pending) >= FOLD_EVERY:
            await pending.fold(db)
        people, after = people + len(ids), ids[-1]
        if progress is not None:
            progress(people)
    await pending.fold(db)
    return people
