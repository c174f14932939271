"""The audit trail query, newest first (administrators only)."""

from __future__ import annotations

import strawberry

from graph.access import Role
from graph.audit import AuditFilter, count_audit, list_audit
from graph.errors import DomainError
from server.audit.types import AuditEntry, audit_entry_from
from server.auth import require_to_read
from server.common.connection import Connection, connection, page_size, total_beside
from server.common.errors import RequestError


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
        graph_filter = AuditFilter(
            operation=where.operation, key_id=where.key_id, node_id=where.node_id, role=where.role
        )
        try:
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_audit(context.db, graph_filter))
            page = await list_audit(context.db, graph_filter, size, after)
        except DomainError as error:
            raise RequestError(error) from error
        return connection(page, audit_entry_from, after, total)
