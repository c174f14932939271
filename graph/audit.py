"""The audit trail: every change leaves an entry (who, what, when) written in the change's own transaction.

A write function of `graph/` takes the `Actor` making the change and runs its work through
`audited`, which appends the entry before the transaction commits: a change that fails or is
refused leaves neither the change nor an entry. Entries are never changed afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from graph.database import Database, Transaction
from graph.errors import NotAllowed
from graph.listing import ListSpec, Page, SortKey, count, fetch_page

T = TypeVar("T")

AUDIT = ListSpec(domain="audit", variable="a", projection_slot="ENTRY", item="entry")
#: Newest first; epoch milliseconds keep the cursor a plain number.
AUDIT_ORDER = SortKey("a.at.epochMillis", "a.at IS NOT NULL")


@dataclass(frozen=True)
class Actor:
    """Who makes a change: the key's role and id, and the institution an institution key is bound to."""

    role: str
    key_id: str | None = None
    institution: str | None = None

    def own_institution(self, given: str | None) -> str | None:
        """The institution a write is for: the one given, else an institution key's own (the only one it may write)."""
        return given or self.institution

    def check_institution(self, institution: str | None, what: str) -> None:
        """Refuse a change to `what` of `institution` when this actor is bound to another institution."""
        if self.institution is not None and institution != self.institution:
            raise NotAllowed(
                f"This key belongs to institution {self.institution}: it may only write {what} of that institution.",
                f"该密钥属于单位 {self.institution},只能登记或修改本单位的{_ZH.get(what, what)}",
                None,
            )


_ZH = {
    "people": "人员",
    "teams": "团队",
    "platforms": "平台",
    "visits": "来访记录",
    "titles": "职称",
    "projects": "项目",
}

#: Changes made from the command line by the operator, who holds no key.
OPERATOR = Actor(role="operator")


async def audited(
    db: Database, actor: Actor, operation: str, work: Callable[[Transaction], Awaitable[tuple[T, Sequence[str]]]]
) -> T:
    """Run `work` (returning its result and the ids it changed) and its audit entry in one write transaction."""

    async def run(tx: Transaction) -> T:
        result, node_ids = await work(tx)
        await tx.run(
            "audit/record",
            id=str(uuid.uuid4()),
            keyId=actor.key_id,
            role=actor.role,
            operation=operation,
            nodeIds=list(node_ids),
        )
        return result

    return await db.write_tx(run)


@dataclass(frozen=True)
class AuditFilter:
    """What an audit list is filtered by; None means "any"."""

    operation: str | None = None
    key_id: str | None = None
    node_id: str | None = None
    role: str | None = None

    def names(self) -> dict[str, Any]:
        return {"operation": self.operation, "key": self.key_id, "node": self.node_id, "role": self.role}

    def params(self) -> dict[str, Any]:
        return {"operation": self.operation, "keyId": self.key_id, "nodeId": self.node_id, "role": self.role}


async def list_audit(db: Database, where: AuditFilter, first: int, after: str | None) -> Page:
    """One page of audit entries matching `where`, newest first."""
    return await fetch_page(db, AUDIT, where.names(), where.params(), AUDIT_ORDER, True, first, after)


async def count_audit(db: Database, where: AuditFilter) -> int:
    """How many audit entries match `where`."""
    return await count(db, AUDIT, where.names(), where.params())
