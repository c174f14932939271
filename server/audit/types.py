"""The AuditEntry type: read-only, there is no API to change one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry


@strawberry.type(description="One change: who (key and role), what (operation and nodes), when.")
class AuditEntry:
    id: strawberry.ID
    at: dt.datetime
    key_id: str | None = strawberry.field(description="The key used; null for the command line (operator).")
    role: str
    operation: str = strawberry.field(description="The mutation or command, e.g. registerTeam, createKey.")
    node_ids: list[str] = strawberry.field(description="Ids (or natural keys) of the nodes changed.")


def audit_entry_from(row: dict[str, Any]) -> AuditEntry:
    """An AuditEntry from a statement's map (audit/projection)."""
    return AuditEntry(
        id=strawberry.ID(row["id"]),
        at=row["at"].to_native(),
        key_id=row.get("keyId"),
        role=row["role"],
        operation=row["operation"],
        node_ids=list(row.get("nodeIds") or []),
    )
