"""Who is calling and what they may do: roles carried by API keys (see product.md, "Who may do what")."""

from __future__ import annotations

import enum
from dataclasses import dataclass

import strawberry

from graph.errors import NotAllowed


@strawberry.enum(description="What a key allows.")
class Role(enum.Enum):
    ADMIN = "admin"
    ANALYST = "analyst"
    RECRUITER = "recruiter"
    INSTITUTION = "institution"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Caller:
    """The caller of one request: a role, the key's id, and for institution keys the institution."""

    role: Role
    key_id: str | None = None
    institution_id: str | None = None

    def require(self, *roles: Role, action: str) -> None:
        """Raise NotAllowed unless the caller has one of `roles`; `action` says what was refused."""
        if self.role not in roles:
            allowed = ", ".join(role.value for role in roles)
            raise NotAllowed(f"{action} needs a key with the role {allowed}; this request has {self.role.value}.",
                             f"{action}需要以下角色的密钥:{allowed};当前为 {self.role.value}", None)
