"""The audit trail query, newest first (administrators only)."""

from __future__ import annotations

import strawberry

from graph.access import Role
from graph.audit import AUDIT, AuditFilter
from server.audit.types import AuditEntry, audit_entry_from
from server.auth import require_to_read
from server.common.connection import Connection, listed


@strawberry.input(description="Filters of the audit trail; all given filters must hold.")
class AuditWhere:
    operation: str | None = strawberry.field(default=None, description="e.g. registerTeam.")
    key_id: str | None = None
    node_id: str | None = strawberry.field(default=None, description="Entries that changed this node.")
    role: str | None = None


@strawberry.type
class AuditQueries:
    @strawberry.field(description="Every change, newest first (Relay connection): administrators only.")
    async def audit_trail(
        self, info: strawberry.Info, where: AuditWhere | None = None, first: int | None = 20, after: str | None = None
    ) -> Connection[AuditEntry] | None:
        context = info.context
        require_to_read(context.caller, Role.ADMIN, action="auditTrail")
        where = where or AuditWhere()
        return await listed(
            info,
            AUDIT,
            lambda: AuditFilter(operation=where.operation, key_id=where.key_id, node_id=where.node_id, role=where.role),
            "AT",
            True,
            first,
            after,
            audit_entry_from,
        )
