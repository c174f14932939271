"""Fold the talent spans of bulk-load batches into the cubes.

A bulk load's batch writes its people's new talent spans *pending* in a `PendingBatch` (in the batch's own
transaction, graph/stats/maintain.py): statistics count the cubes plus the spans of pending batches, so
they are exact after every batch. Folding adds a set of batches' spans to the cubes and deletes their
`PendingBatch` nodes in one transaction, which changes no answer and makes the next ones cheaper. A load
folds what it wrote every few batches from the spans it remembers (`PendingSpans`), checking that
no span of those batches was replaced since (else it reads them back); `fold_pending` folds whatever a
stopped load left, reading the spans from the graph.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, field

from graph.database import Database, Transaction
from graph.stats.cubes import Accumulator, CubeRows
from graph.stats.maintain import span_from, write_cubes
from graph.stats.spans import Span

#: Batches folded per transaction by `fold_pending`.
FOLD_BATCHES = 10


async def open_batch(tx: Transaction) -> str:
    """Open a PendingBatch in `tx` for `count_write` to write spans pending in; return its id."""
    batch = str(uuid.uuid4())
    await tx.run("stats/open_batch", batch=batch)
    return batch


@dataclass
class PendingSpans:
    """The batches one bulk load wrote pending and not yet folded, with the spans each wrote."""

    batches: dict[str, list[Span]] = field(default_factory=dict)

    def record(self, batch: str, spans: list[Span]) -> None:
        """Remember what a committed batch wrote pending."""
        self.batches[batch] = spans

    def __len__(self) -> int:
        return len(self.batches)

    def take(self) -> dict[str, list[Span]]:
        """The batches recorded so far, forgotten here: for the caller to fold."""
        batches, self.batches = self.batches, {}
        return batches

    def fold(self, db: Database) -> Awaitable[int]:
        """Fold every batch recorded so far into the cubes, in one transaction; return how many were folded.

        The batches are taken when this is called, not when it is awaited: a load folds beside its writing."""
        return fold(db, self.take())


async def fold(db: Database, batches: Mapping[str, list[Span] | None]) -> int:
    """Fold `batches` (id: the spans it wrote, or None when unknown) into the cubes, all at once: every few
    batches of a bulk load or a rebuild, and at their end."""
    if not batches:
        return 0
    # Summed before the transaction, which only corrects for batches changed since they were written; in a
    # thread, so that a load's batches in flight go on meanwhile (100,000 spans take about 2 s).
    summed, rows = await asyncio.to_thread(_summed, batches)

    async def work(tx: Transaction) -> int:
        counts = {row["batch"]: row["spans"] for row in await tx.run("stats/lock_batches", batches=list(batches))}
        changed = [
            batch
            for batch, spans in batches.items()
            if batch not in counts or spans is None or len(spans) != counts[batch]
        ]
        if changed:
            changes = Accumulator().merge(summed)
            for batch in changed:
                # Folded already, or some of its spans were replaced since it was written, or nothing is known of it.
                changes.add(batches[batch] or [], -1)
            stale = [batch for batch in changed if batch in counts]
            if stale:
                changes.add([span_from(row["span"]) for row in await tx.run("stats/batch_spans", batches=stale)], +1)
        await write_cubes(tx, changes.rows() if changed else rows)
        await tx.run("stats/close_batches", batches=list(counts))
        return len(counts)

    return await db.write_tx(work)


def _summed(batches: Mapping[str, list[Span] | None]) -> tuple[Accumulator, CubeRows]:
    summed = Accumulator()
    for spans in batches.values():
        summed.add(spans or [], +1)
    return summed, summed.rows()


async def fold_pending(db: Database) -> int:
    """Fold every pending batch into the cubes, reading their spans from the graph; return how many.

    Before a bulk load, for what a stopped one left."""
    folded = 0
    while True:
        batches = [row["batch"] for row in await db.read("stats/pending_batches", limit=FOLD_BATCHES)]
        if not batches:
            return folded
        folded += await fold(db, dict.fromkeys(batches))
