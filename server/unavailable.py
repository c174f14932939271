"""A database that cannot be reached, as HTTP: 503 with Retry-After and the reason, on every route.

`graph/` raises DatabaseUnavailable within a few seconds of the database going away. Outside GraphQL it
reaches Starlette's exception handler directly; inside, resolvers' errors are collected by the executor,
so the GraphQL endpoint raises the first one it finds again (`unavailable_in`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import JSONResponse

from graph.errors import DatabaseUnavailable

log = logging.getLogger("talentgraph")


def unavailable_in(errors: Iterable[GraphQLError] | None) -> DatabaseUnavailable | None:
    """The DatabaseUnavailable behind one of a GraphQL result's errors, if any."""
    for error in errors or ():
        if isinstance(error.original_error, DatabaseUnavailable):
            return error.original_error
    return None


async def database_unavailable(request: Request, error: Exception) -> JSONResponse:
    """Starlette's handler for DatabaseUnavailable: 503, Retry-After, the reason in English and Chinese."""
    assert isinstance(error, DatabaseUnavailable)
    log.warning("503 %s %s: the database cannot be reached (%s)", request.method, request.url.path, error.__cause__)
    headers = {"Retry-After": str(error.retry_after)}
    if request.url.path == "/graphql":
        extensions = {"code": "DatabaseUnavailable", "messageZh": error.message_zh, "retryAfter": error.retry_after}
        body: dict[str, object] = {"errors": [{"message": error.message, "extensions": extensions}]}
    else:
        body = {"error": error.message, "errorZh": error.message_zh}
    return JSONResponse(body, 503, headers)
