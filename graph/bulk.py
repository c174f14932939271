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

from graph.audit import OPERATOR
from graph.database import Database, Transaction
from graph.stats.maintain import refresh_talent

#: The kinds of rows that can be upserted in bulk, each with its statement in cypher/bulk/.
KINDS = ("institutions", "people", "teams", "visits", "projects", "platforms")
#: Refreshes of statistics and search documents run this many people per transaction.
REFRESH_CHUNK = 2000


async def upsert(db: Database, kind: str, rows: Sequence[dict[str, Any]]) -> Counter[str]:
    """Upsert one batch of `kind` rows and refresh the people it changed; count created, updated, unchanged."""
    outcome, marked = await write_batch(db, kind, rows)
    await refresh_people(db, marked)
    return outcome


async def write_batch(db: Database, kind: str, rows: Sequence[dict[str, Any]]) -> tuple[Counter[str], list[str]]:
    """Upsert one batch of `kind` rows; count created, updated, unchanged, and name the people to refresh.

    The batch is written in one transaction, with an audit entry (operation `load:<kind>`, by the
    operator) naming the keys it created or updated when it changed something; the people whose
    statistics or search documents it changed are marked `refreshPending` in the same transaction.
    A second transaction refreshes them and removes the mark (`refresh_people`). Refreshing inside
    the write transaction would hold the batch's locks longer, and the loader overlaps one batch's
    refresh with the next batch's write; a load stopped between the two leaves the mark for
    `refresh_pending` to finish.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")

    async def work(tx: Transaction) -> tuple[Counter[str], list[str]]:
        outcome: Counter[str] = Counter()
        # Institutions that move to another region or change type move their staff's statistics;
        # found before the write, which changes what it compares.
        marked = ([row["id"] for row in await tx.run("stats/staff_of_changed_institutions", rows=list(rows))]
                  if kind == "institutions" else [])
        changed: list[str] = []
        for row in await tx.run(f"bulk/{kind}", rows=list(rows)):
            outcome[row["outcome"]] += row["rows"]
            if row["outcome"] != "unchanged":
                changed += row["keys"]
                marked += row.get("people", [])
        if changed and kind == "institutions":
            # Their names are searched: the current staff's search documents change.
            marked += [row["id"] for row in await tx.run("search/current_staff", keys=changed)]
        marked = list(dict.fromkeys(marked))
        if marked and kind != "people":  # bulk/people marks the people it writes itself
            await tx.run("bulk/mark_pending", ids=marked)
        if changed:
            await tx.run("audit/record", id=str(uuid.uuid4()), keyId=OPERATOR.key_id, role=OPERATOR.role,
                         operation=f"load:{kind}", nodeIds=changed)
        return outcome, marked

    return await db.write_tx(work)


async def refresh_people(db: Database, ids: Sequence[str]) -> None:
    """Recount the people `ids` in the statistics and rebuild their search documents, then unmark them."""
    for start in range(0, len(ids), REFRESH_CHUNK):
        chunk = list(ids[start:start + REFRESH_CHUNK])

        async def work(tx: Transaction, chunk: list[str] = chunk) -> None:
            await refresh_talent(tx, chunk)
            await tx.run("search/refresh", ids=chunk)
            await tx.run("bulk/clear_pending", ids=chunk)

        await db.write_tx(work)


async def refresh_pending(db: Database) -> int:
    """Finish the refreshes a stopped bulk load left marked; return how many people were refreshed."""
    done = 0
    while ids := [row["id"] for row in await db.read("bulk/pending", limit=REFRESH_CHUNK)]:
        await refresh_people(db, ids)
        done += len(ids)
    return done


async def resolve_institutions(db: Database, refs: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """Ids matching each institution reference {key, creditCode, name, region}."""
    rows = await db.read("bulk/resolve_institutions", refs=list(refs))
    return {row["key"]: row["ids"] for row in rows}


async def resolve_people(db: Database, refs: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """Ids matching each person reference {key, idHash, name, institution}."""
    rows = await db.read("bulk/resolve_people", refs=list(refs))
    return {row["key"]: row["ids"] for row in rows}


async def title_holders(db: Database, certificates: Sequence[str]) -> dict[str, str | None]:
    """The identity hash of whoever holds each of these certificate numbers already."""
    rows = await db.read("bulk/title_holders", certificates=list(certificates))
    return {row["certificateNo"]: row["idHash"] for row in rows}
