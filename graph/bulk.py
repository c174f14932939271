"""Bulk upserts for imports: one write transaction per batch, `UNWIND … MERGE` on constrained keys.

Every kind of row carries a fingerprint of its content; a row whose fingerprint is already stored is
left alone, so loading a file twice changes nothing and reports it as unchanged, and a load stopped
half-way and run again ends in the state of one clean run.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from typing import Any

from graph import bulk_people
from graph.access import OPERATOR, Caller
from graph.database import Database, Transaction
from graph.derived import refresh_people
from graph.errors import Conflict
from graph.facts import ReferenceCache
from graph.stats.fold import PendingSpans, open_batch
from graph.stats.maintain import count_write
from graph.stats.spans import Span

#: The kinds of rows that can be upserted in bulk, each with its statement in cypher/bulk/.
KINDS = ("institutions", "people", "teams", "visits", "projects", "platforms", "certifications", "indicators")


async def upsert(
    db: Database,
    kind: str,
    rows: Sequence[dict[str, Any]],
    pending: PendingSpans | None = None,
    reference: ReferenceCache | None = None,
    caller: Caller = OPERATOR,
) -> Counter[str]:
    """Upsert one batch of `kind` rows in one transaction; count created, updated, unchanged.

    In the same transaction, a batch that changed something leaves an audit entry (operation
    `load:<kind>`, by `caller`: the operator, or the key that uploaded the file) naming the keys it
    created or updated, and the people whose statistics or search documents it changed are recounted
    and re-indexed: a batch is all or nothing, aggregates included. Unchanged rows touch nothing, so a
    re-run costs only its reads.

    With `pending`, the people's new talent spans are written pending in a batch of their own
    (graph/stats/fold.py) and recorded there, for the caller to fold into the cubes every few batches:
    statistics stay exact meanwhile. `reference` keeps the reference trees across a load's batches.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")

    hints = True

    async def work(tx: Transaction) -> tuple[Counter[str], str | None, list[Span]]:
        outcome: Counter[str] = Counter()
        batch: str | None = None
        spans: list[Span] = []

        async def pending_batch() -> str | None:
            """The PendingBatch this batch's spans go to, opened the first time (None without `pending`)."""
            nonlocal batch
            if pending is not None and batch is None:
                batch = await open_batch(tx)
            return batch

        # Institutions that move to another region or change type move their staff's statistics;
        # found before the write, which changes what it compares.
        touched = (
            [row["id"] for row in await tx.run("stats/staff_of_changed_institutions", rows=list(rows))]
            if kind == "institutions"
            else []
        )
        changed: list[str] = []
        merged = list(rows)
        if kind == "people":
            new = await bulk_people.plan(tx, rows, reference, hints=hints)
            merged = new.rest
            if new.unchanged:
                outcome["unchanged"] += new.unchanged
            if new.people:
                await tx.run("bulk/create_people", people=new.people, institutions=new.institutions, fields=new.fields)
                outcome["created"] += len(new.keys)
                changed += new.keys
                spans += await count_write(tx, [], new.spans, await pending_batch(), new=True)
        if merged:
            for row in await tx.run(f"bulk/{kind}", rows=merged):
                outcome[row["outcome"]] += row["rows"]
                if row["outcome"] != "unchanged":
                    changed += row["keys"]
                    touched += row.get("people", [])
        if changed and kind == "institutions":
            # Their names are searched: the current staff's search documents change.
            touched += [row["id"] for row in await tx.run("search/current_staff", keys=changed)]
        spans += await refresh_people(tx, touched, await pending_batch() if touched else None, reference)
        if changed:
            await tx.run(
                "audit/record",
                id=str(uuid.uuid4()),
                keyId=caller.key_id,
                role=caller.role.value,
                operation=f"load:{kind}",
                nodeIds=changed,
            )
        return outcome, batch, spans

    for attempt in range(3):
        try:
            outcome, batch, spans = await db.write_tx(work)
            break
        except Conflict:
            # Someone created one of the batch's new people or titles between the check (or the validation that
            # marked them new) and the write: run the batch again, looking for everyone, which finds them and merges.
            if kind != "people" or attempt == 2:
                raise
            hints = False
    if batch is not None and pending is not None:
        pending.record(batch, spans)
    return outcome


async def resolve_institutions(db: Database, refs: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """Ids matching each institution reference {key, creditCode, name, region}."""
    [row] = await db.read("bulk/resolve_institutions", refs=list(refs))
    return dict(row["resolved"])


async def resolve_people(db: Database, refs: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """Ids matching each person reference {key, idHash, name, institution}."""
    [row] = await db.read("bulk/resolve_people", refs=list(refs))
    return dict(row["resolved"])


async def known_people(db: Database, hashes: Sequence[str]) -> set[str]:
    """Those of these identity hashes that a person in the graph has."""
    [row] = await db.read("bulk/known_people", hashes=list(hashes))
    return set(row["idHashes"])


async def title_holders(db: Database, certificates: Sequence[str]) -> dict[str, str | None]:
    """The identity hash of whoever holds each of these certificate numbers already."""
    [row] = await db.read("bulk/title_holders", certificates=list(certificates))
    return dict(row["holders"])


#: The records whose keeping institution an upload checks (bulk/owners).
OWNED_KINDS = ("people", "teams", "platforms", "visits")


async def record_owners(db: Database, keys: dict[str, Sequence[str]]) -> dict[tuple[str, str], list[str]]:
    """The institutions keeping the records of these keys ({"people": identity hashes, "teams" | "platforms" |
    "visits": ids}) already in the graph, by (kind, key): a person's current employers, the others' institution."""
    [row] = await db.read("bulk/owners", **{kind: list(keys.get(kind, ())) for kind in OWNED_KINDS})
    return {(kind, key): list(ids) for kind in OWNED_KINDS for key, ids in row[kind]}
