"""Keep the statistics aggregates in step with the graph: per person on every write, or all at once.

`refresh_talent(tx, ids)` runs inside the write transaction of any write that changes what a person
counts as (a title granted or revoked, a move, a new person, their gender, birth year or fields; each
batch of a bulk load), through graph/derived.py: it recomputes their spans, and writes the difference
to the cubes, all or nothing with the write.

Bulk loads write their spans pending instead and fold them into the cubes every few batches
(graph/stats/fold.py).

`rebuild_talent_stats(db)` recomputes every span and cube from the graph: after writing people,
employments or titles straight into the graph any other way (or `talentgraph stats rebuild`); run it
while nothing else writes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from graph.database import Database, Transaction
from graph.stats.cubes import Accumulator, CubeRows
from graph.stats.spans import Employment, HeldTitle, PersonFacts, Span, talent_spans

REBUILD_BATCH = 5000
WRITE_BATCH = 2000


def _date(value: Any) -> dt.date | None:
    return value.to_native() if value is not None else None


def facts_from(row: dict[str, Any], regions: dict[str, str | None]) -> PersonFacts:
    """PersonFacts from a `stats/person_facts` row and the regions of institutions."""
    return PersonFacts(
        person=row["person"],
        gender=row["gender"],
        birth_year=row["birthYear"],
        field=row["field"],
        employments=tuple(
            Employment(
                institution=e["institution"],
                region=regions[e["institution"]],
                institution_type=e["type"],
                since=_date(e["since"]),
                until=_date(e["until"]),
            )
            for e in row["employments"]
        ),
        titles=tuple(
            HeldTitle(
                certificate_no=t["certificateNo"],
                level=t["level"],
                rank=t["rank"],
                series=t["series"],
                granted_on=t["grantedOn"].to_native(),
                revoked_on=_date(t["revokedOn"]),
            )
            for t in row["titles"]
        ),
        withdrawn_on=_date(row["withdrawnOn"]),
    )


def span_from(row: dict[str, Any]) -> Span:
    # Neo4j stores no nulls: an open span has no `end`, an unknown birth year no `birthYear`.
    return Span(
        person=row["person"],
        start=row["start"].to_native(),
        end=_date(row.get("end")),
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


async def _spans_of(tx: Transaction, ids: list[str]) -> list[Span]:
    rows = await tx.run("stats/person_facts", ids=ids)
    institutions = list({e["institution"] for row in rows for e in row["employments"]})
    regions = {row["institution"]: row["region"] for row in await tx.run("stats/institution_regions", ids=institutions)}
    return [span for row in rows for span in talent_spans(facts_from(row, regions))]


async def refresh_talent(tx: Transaction, ids: list[str], batch: str | None = None) -> list[Span]:
    """Recount the people `ids` in the aggregates, in the caller's write transaction; return their new spans.

    Without `batch` the cubes change at once. With `batch` (a PendingBatch the caller opened in `tx`) the new
    spans are written pending in it, counted apart from the cubes until graph/stats/fold.py folds the batch in:
    a bulk load folds thousands of people's changes in one go instead of rewriting the same cells every batch.
    Either way, cubes plus pending spans count exactly the graph when `tx` commits.
    """
    ids = list(dict.fromkeys(ids))
    new = await _spans_of(tx, ids)
    stored = await tx.run("stats/spans_of", ids=ids)
    old = [span_from(row["span"]) for row in stored]
    if Counter(old) == Counter(new):
        return []
    await tx.run("stats/replace_spans", ids=ids, spans=[span.properties() for span in new], batch=batch)
    # A pending span leaving never reached the cubes: only folded ones are taken out of them.
    changes = Accumulator().add([span for span, row in zip(old, stored, strict=True) if not row["pending"]], -1)
    if batch is None:
        changes.add(new, +1)
    await write_cubes(tx, changes.rows())
    return new


async def add_talent(tx: Transaction, spans: list[Span], batch: str | None = None) -> None:
    """Count people new to the statistics (none of whom has stored spans) with their computed `spans`.

    For graph/bulk_people.py, which checked in `tx` that they have none. With `batch`, as in `refresh_talent`.
    """
    if not spans:
        return
    await tx.run("stats/replace_spans", ids=[], spans=[span.properties() for span in spans], batch=batch)
    if batch is None:
        await write_cubes(tx, Accumulator().add(spans, +1).rows())


async def rebuild_talent_stats(db: Database, progress: Callable[[int], None] | None = None) -> int:
    """Recompute every talent span and cube from the graph; return how many people were read."""
    while (await db.write("stats/clear", limit=20000))[0]["deleted"]:
        pass
    totals = Accumulator()
    people, after = 0, ""
    while True:
        ids = [row["id"] for row in await db.read("stats/people_after", after=after, limit=REBUILD_BATCH)]
        if not ids:
            break

        async def spans_of_batch(tx: Transaction, batch: list[str] = ids) -> list[Span]:
            spans = await _spans_of(tx, batch)
            await tx.run("stats/replace_spans", ids=batch, spans=[span.properties() for span in spans], batch=None)
            return spans

        totals.add(await db.write_tx(spans_of_batch), +1)
        people, after = people + len(ids), ids[-1]
        if progress is not None:
            progress(people)
    rows = totals.rows()
    for start in range(0, max(len(rows.cells), len(rows.tallies)), WRITE_BATCH):
        part = CubeRows(
            cells=rows.cells[start : start + WRITE_BATCH], tallies=rows.tallies[start : start + WRITE_BATCH]
        )

        async def write_part(tx: Transaction, part: CubeRows = part) -> None:
            await write_cubes(tx, part)

        await db.write_tx(write_part)
    return people
