"""The audit trail: every change leaves an entry (who, what, when) written in the change's own transaction.

A write function of `graph/` takes the `Caller` making the change (graph/access.py) and runs its work through
`audited`, which appends the entry before the transaction commits: a change that fails or is
refused leaves neither the change nor an entry. Entries are never changed afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from graph.access import Caller
from graph.database import Database, Transaction
from graph.listing import Filter, Listing, SortKey

T = TypeVar("T")

#: The audit trail, newest first (its one order); epoch milliseconds keep the cursor a plain number.
AUDIT = Listing(
    domain="audit",
    variable="a",
    projection_slot="ENTRY",
    item="entry",
    orders={"AT": SortKey("a.at.epochMillis", "a.at IS NOT NULL")},
)


async def audited(
    db: Database, caller: Caller, operation: str, work: Callable[[Transaction], Awaitable[tuple[T, Sequence[str]]]]
) -> T:
    """Run `work` (returning its result and the ids it changed) and its audit entry in one write transaction."""

    async def run(tx: Transaction) -> T:
        result, node_ids = await work(tx)
        await tx.run(
            "audit/record",
            id=str(uuid.uuid4()),
            keyId=caller.key_id,
            role=caller.role.value,
            operation=operation,
            nodeIds=list(node_ids),
        )
        return result

    return await db.write_tx(run)


@dataclass(frozen=True)
class AuditFilter(Filter):
    """What an audit list is filtered by (audit/filter/*); None means "any"."""

    operation: tuple[str, ...] | None = None
    key_id: tuple[str, ...] | None = None
    node_id: str | None = None
    role: tuple[str, ...] | None = None
