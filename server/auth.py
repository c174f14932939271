"""Who is calling and what they may do: the roles API keys carry (`Role`) and the checks made with them (`Caller`).

A request carries `Authorization: Bearer <key>`; without it the caller is anonymous. Keys are
looked up by the hash of their secret and kept in a short in-process cache, so that a request costs
no database round trip for its key: a key revoked by another process stops working within
`key_cache_seconds`.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

import strawberry

from graph.audit import Actor
from graph.database import Database
from graph.errors import NotAllowed
from graph.keys import active_key, hash_secret
from server.common.errors import RequestError


@strawberry.enum(description="What a key allows.")
class Role(enum.Enum):
    ADMIN = "admin"
    ANALYST = "analyst"
    RECRUITER = "recruiter"
    INSTITUTION = "institution"
    ANONYMOUS = "anonymous"


#: Roles that read records of individuals (an institution key only its own).
READERS = (Role.ADMIN, Role.ANALYST, Role.RECRUITER, Role.INSTITUTION)
#: Roles that register and change records (an institution key only its own).
WRITERS = (Role.ADMIN, Role.INSTITUTION)


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
            raise NotAllowed(
                f"{action} needs a key with the role {allowed}; this request has {self.role.value}.",
                f"{action}需要以下角色的密钥:{allowed};当前为 {self.role.value}",
                None,
            )

    def require_to_read(self, *roles: Role, action: str) -> None:
        """For queries: as `require`, raised as a request error that is shown even in production."""
        try:
            self.require(*roles, action=action)
        except NotAllowed as error:
            raise RequestError(error) from error

    def check_own(self, institution: str | None, action: str) -> None:
        """For queries: refuse an institution key a record of another institution (or of none)."""
        if self.institution_id is not None and institution != self.institution_id:
            raise RequestError(
                NotAllowed(
                    f"{action}: this key belongs to institution {self.institution_id} and reads only its own records.",
                    f"{action}:该密钥属于单位 {self.institution_id},只能查看本单位的记录",
                    "institutionId",
                )
            )

    def own_only(self, institution: str | None, action: str) -> str | None:
        """The institution a list is limited to: an institution key's own (refusing any other it asks for)."""
        if self.institution_id is None:
            return institution
        if institution is not None:
            self.check_own(institution, action)
        return self.institution_id

    def sees_contact(self, consented: bool) -> bool:
        """Whether this caller may see a person's email and phone: recruiters only with consent."""
        return self.role != Role.RECRUITER or consented

    @property
    def actor(self) -> Actor:
        """Who the audit trail records for this caller's changes."""
        return Actor(role=self.role.value, key_id=self.key_id, institution=self.institution_id)


ANONYMOUS = Caller(Role.ANONYMOUS)
#: Every request when authorization is switched off (TALENTGRAPH_AUTH=off): development only.
UNCHECKED = Caller(Role.ADMIN)


class Unauthenticated(Exception):
    """The request's credentials are malformed, unknown or revoked (HTTP 401)."""


class Authenticator:
    """Resolves a request's Authorization header to a Caller, caching keys for `ttl` seconds."""

    def __init__(self, enabled: bool = True, ttl: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.enabled = enabled
        self.ttl = ttl
        self.clock = clock
        self._cache: dict[str, tuple[Caller, float]] = {}

    async def caller(self, db: Database, authorization: str | None) -> Caller:
        """The caller for this header: anonymous without one; Unauthenticated for a bad or unknown key."""
        if not self.enabled:
            return UNCHECKED
        if authorization is None or not authorization.strip():
            return ANONYMOUS
        scheme, _, secret = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise Unauthenticated("Send the API key as `Authorization: Bearer <key>`.")
        digest = hash_secret(secret)
        now = self.clock()
        cached = self._cache.get(digest)
        if cached is not None and cached[1] > now:
            return cached[0]
        key = await active_key(db, digest)
        if key is None:
            self._cache.pop(digest, None)
            raise Unauthenticated(
                "This API key is not known or has been revoked: ask the bureau administrator "
                "for a key (`talentgraph keys create`), or send no key for public statistics."
            )
        caller = Caller(Role(key.role), key_id=key.id, institution_id=key.institution)
        self._cache[digest] = (caller, now + self.ttl)
        return caller
