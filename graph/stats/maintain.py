"""Keep the statistics aggregates in step with the graph: the write paths of talent spans and cubes.

Spans and cubes change in three ways, each named for when it runs:

- `count_write(tx, ids, spans)`, inside the write transaction of any write that changes what a person counts
  as (a title granted or revoked, a move, a new person, their gender, birth year or fields; each batch of a
  bulk load), through graph/derived.py or graph/bulk_people.py: it replaces their stored spans and writes
  the difference to the cubes, all or nothing with the write. With a pending batch (a bulk load's) the new
  spans are counted apart from the cubes instead;
- `fold` (graph/stats/fold.py), every few batches of a bulk load and at its end: pending spans into the cubes;
- `rebuild_talent_stats` (graph/stats/rebuild.py), when an operator asks (`talentgraph stats rebuild`),
  after writing people, employments or titles straight into the graph: every span and cube recomputed,
  through the two above.

Statistics are read as the cubes plus the pending spans (cypher/stats/titled_staff.cypher).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph.database import Transaction, date_of
from graph.stats.cubes import Accumulator, CubeRows
from graph.stats.spans import Span

WRITE_BATCH = 2000


def span_from(row: dict[str, Any]) -> Span:
    # Neo4j stores no nulls: an open span has no `end`, an unknown birth year no `birthYear`.
    return Span(
        person=row["person"],
        start=row["start"].to_native(),
        end=date_of(row.get("end")),
        region=row["region"],
        institution_type=row["institutionType"],
        level=row["level"],
        series=row["series"],
        grant_year=row["grantYear"],
        field=row["field"],
        gender=row["gender"],
        birth_year=row.get("birthYear"),
    )


async def write_cubes(tx: Transaction, rows: CubeRows) -> None:
    for start in range(0, len(rows.cells), WRITE_BATCH):
        await tx.run("stats/apply_cells", cells=rows.cells[start : start + WRITE_BATCH])
    for start in range(0, len(rows.tallies), WRITE_BATCH):
        await tx.run("stats/apply_tallies", tallies=rows.tallies[start : start + WRITE_BATCH])


async def count_write(
    tx: Transaction, ids: list[str], spans: list[Span], batch: str | None = None, *, new: bool = False
) -> list[Span]:
    """Count the people `ids` as their talent `spans` now say, in the write's transaction; return the spans written.

    Without `batch` the cubes change at once. With `batch` (a PendingBatch the caller opened in `tx`,
    graph/stats/fold.py) the spans are written pending in it, counted apart from the cubes until the batch is
    folded in: a bulk load folds thousands of people's changes in one go instead of rewriting the same cells
    every batch. `new`: none of the people has stored spans (the caller checked in `tx`), so none is read.
    Either way, cubes plus pending spans count exactly the graph when `tx` commits. Nothing is written, and
    nothing returned, when the spans are those already stored.
    """
    changes = Accumulator()
    if new:
        if not spans:
            return []
    else:
        ids = list(dict.fromkeys(ids))
        stored = await tx.run("stats/spans_of", ids=ids)
        old = [span_from(row["span"]) for row in stored]
        if Counter(old) == Counter(spans):
            return []
        # A pending span leaving never reached the cubes: only folded ones are taken out of them.
        changes.add([span for span, row in zip(old, stored, strict=True) if not row["pending"]], -1)
    await tx.run(
        "stats/replace_spans", ids=[] if new else ids, spans=[span.properties() for span in spans], batch=batch
    )
    if batch is None:
        changes.add(spans, +1)
    await write_cubes(tx, changes.rows())
    return spans
