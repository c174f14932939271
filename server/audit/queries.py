"""The audit trail query, newest first (administrators only)."""

from __future__ import annotations

import strawberry

from graph.access import Role
from graph.audit import AUDIT, AuditFilter
from graph.listing import Order
from server.audit.types import AuditEntry, audit_entry_from
from server.auth import require_to_read
from server.common.connection import Connection, Paging, listed
from server.common.filters import one_of, tree


@strawberry.input(
    description="Filters of the audit trail: all given filters must hold, and so must every filter of AND, at least "
    "one of OR, and not `not`. A field and its `…In` list may be given together: both must hold."
)
class AuditWhere:
    operation: str | None = strawberry.field(default=None, description="e.g. registerTeam.")
    operation_in: list[str] | None = None
    key_id: str | None = None
    key_id_in: list[str] | None = None
    node_id: str | None = strawberry.field(default=None, description="Entries that changed this node.")
    role: str | None = None
    role_in: list[str] | None = None
    AND: list[AuditWhere] | None = strawberry.field(default=None, name="AND", description="All of these hold.")
    OR: list[AuditWhere] | None = strawberry.field(default=None, name="OR", description="One of these holds.")
    not_: AuditWhere | None = strawberry.field(default=None, name="not", description="This does not hold.")


def _audit_node(where: AuditWhere, _path: str) -> AuditFilter:
    return AuditFilter(
        operation=one_of(where.operation, where.operation_in),
        key_id=one_of(where.key_id, where.key_id_in),
        node_id=where.node_id,
        role=one_of(where.role, where.role_in),
    )


@strawberry.type
class AuditQueries:
    @strawberry.field(description="Every change, newest first (Relay connection): administrators only.")
    async def audit_trail(
        self,
        info: strawberry.Info,
        where: AuditWhere | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AuditEntry] | None:
        context = info.context
        require_to_read(context.caller, Role.ADMIN, action="auditTrail")
        return await listed(
            info,
            AUDIT,
            lambda: tree(where, _audit_node) if where is not None else AuditFilter(),
            [Order("AT", True)],
            Paging(first, after, last, before),
            audit_entry_from,
        )
