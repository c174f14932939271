"""Who is calling: the Caller (graph/access.py, where the rule of what each may do lives) of a request's key.

A request carries `Authorization: Bearer <key>`; without it the caller is anonymous. Keys are
looked up by the hash of their secret and kept in a short in-process cache, so that a request costs
no database round trip for its key: a key revoked by another process stops working within
`key_cache_seconds`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from graph.access import ANONYMOUS, Caller, Role
from graph.database import Database
from graph.errors import NotAllowed
from graph.keys import active_key, hash_secret
from server.common.errors import RequestError


def require_to_read(caller: Caller, *roles: Role, action: str) -> None:
    """For queries: `Caller.require`, raised as a request error that is shown even in production."""
    try:
        caller.require(*roles, action=action)
    except NotAllowed as error:
        raise RequestError(error) from error


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
        caller = Caller(Role(key.role), key_id=key.id, institution=key.institution)
        self._cache[digest] = (caller, now + self.ttl)
        return caller
