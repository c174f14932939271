"""Rate limits per client address and per API key, answered with 429 and `Retry-After`.

Counted in memory by the `limits` library (a sliding window counter), so each server process counts
on its own: with several processes behind a proxy, a client gets up to that many times the limit, and
the proxy should limit too (docs/security.md). Limits are written in `limits`' notation,
"600/minute;60/second", and an empty setting switches that limit off.
"""

from __future__ import annotations

import logging
import math
import time

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import SlidingWindowCounterRateLimiter
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("talentgraph.http")


class RateLimited(Exception):
    """The caller sent more than a limit allows: retry after `retry_after` seconds."""

    def __init__(self, who: str, limit: RateLimitItem, retry_after: int) -> None:
        super().__init__(f"Too many requests from this {who}: at most {limit} are allowed. Retry in {retry_after} s.")
        self.who = who
        self.retry_after = retry_after


class RateLimits:
    """The limits for one kind of caller (an address, a key), each caller counted apart."""

    def __init__(self, who: str, limits: str, storage: MemoryStorage | None = None) -> None:
        self.who = who
        self.items = parse_many(limits) if limits.strip() else []
        self.limiter = SlidingWindowCounterRateLimiter(storage or MemoryStorage())

    def hit(self, identity: str) -> None:
        """Count one request of `identity`; RateLimited (without counting it) if a limit is reached."""
        for item in self.items:
            if not self.limiter.test(item, self.who, identity):
                reset = self.limiter.get_window_stats(item, self.who, identity).reset_time
                raise RateLimited(self.who, item, max(1, math.ceil(reset - time.time())))
        for item in self.items:
            self.limiter.hit(item, self.who, identity)


class AddressRateLimit:
    """ASGI middleware: limits the requests of each client address to the paths it guards.

    The address is the connection's peer, or what a trusted proxy put in X-Forwarded-For once
    uvicorn's `forwarded_allow_ips` lets it through.
    """

    def __init__(self, app: ASGIApp, limits: RateLimits, prefixes: tuple[str, ...]) -> None:
        self.app = app
        self.limits = limits
        self.prefixes = prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(self.prefixes):
            client = scope.get("client")
            address = client[0] if client else "unknown"
            try:
                self.limits.hit(address)
            except RateLimited as refused:
                log.warning("429 %s %s from %s: %s", scope["method"], scope["path"], address, refused)
                await too_many_requests(refused)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def too_many_requests(refused: RateLimited) -> JSONResponse:
    """The 429 response for a refused request."""
    return JSONResponse(
        {"errors": [{"message": str(refused), "extensions": {"code": "RATE_LIMITED"}}]},
        429,
        {"Retry-After": str(refused.retry_after)},
    )
