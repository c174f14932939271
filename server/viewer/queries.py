"""The `viewer` query: what the request's key is, so a page can show what that key may do."""

from __future__ import annotations

import enum

import strawberry

from graph.access import Role
from server.institutions.types import Institution, institution_from


@strawberry.enum(name="KeyRole", description="What a key allows (docs/security.md).")
class KeyRole(enum.Enum):
    ADMIN = "admin"
    ANALYST = "analyst"
    RECRUITER = "recruiter"
    INSTITUTION = "institution"
    ANONYMOUS = "anonymous"


@strawberry.type(description="The caller of this request.")
class Viewer:
    role: KeyRole
    institution_id: strawberry.Private[str | None]

    @strawberry.field(description="An institution key's own institution; null for every other role.")
    async def institution(self, info: strawberry.Info) -> Institution | None:
        if self.institution_id is None:
            return None
        row = await info.context.institutions.load(self.institution_id)
        return institution_from(row) if row else None


@strawberry.type
class ViewerQueries:
    @strawberry.field(description="The caller: the key's role (ANONYMOUS without a key) and its institution.")
    def viewer(self, info: strawberry.Info) -> Viewer:
        caller = info.context.caller
        # The operator holds no key and never calls the API; anything else is the key's own role.
        role = KeyRole(caller.role.value) if caller.role != Role.OPERATOR else KeyRole.ADMIN
        return Viewer(role=role, institution_id=caller.institution if caller.role == Role.INSTITUTION else None)
