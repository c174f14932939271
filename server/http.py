"""GraphQL over HTTP (the GraphQL-over-HTTP specification): GET and POST, media types, status codes.

- `application/graphql-response+json` when the client accepts it: a request that cannot be parsed
  or validated is a 400 with no `data`; `application/json` otherwise, where such errors are 200.
- GET carries queries only; a mutation over GET is 405 with `Allow: POST`.
- A browser's GET without a query gets GraphiQL (server/graphiql: the page `ide` returns).
- A body (or a GET query string) longer than `max_body_bytes` is refused with 413 before it is read
  whole; JSON is parsed by orjson, which refuses lone surrogates and nesting deeper than 1024 (400).
- `make_context` may refuse the request's credentials by raising HttpError (401); `key_limits`
  counts each key's requests (429 with Retry-After).
- Parsing and validation (sizes, depth, aliases, cost) are the schema's (server/documents.py), done
  once per document.
- A database that cannot be reached makes the whole request a 503 with Retry-After (server/unavailable.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from graph.errors import WritesPaused
from server.graphiql import GraphiQLPage
from server.ratelimit import RateLimited, RateLimits
from server.unavailable import unavailable_in

log = logging.getLogger("talentgraph.http")


class _JSONResponse(JSONResponse):
    """A JSON response written by orjson: the same compact UTF-8 as Starlette's; a page of 100 people
    (47 KB) takes 16 µs against 291 µs."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class HttpError(Exception):
    """A request that is not a GraphQL request we can run: status, message, extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _accepted(request: Request) -> str | None:
    """The response media type to use, or None if the client accepts neither (406)."""
    header = request.headers.get("accept", "")
    if not header.strip():
        return JSON
    offers: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        media, *params = [piece.strip() for piece in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        offers.append((quality, -position, media.lower()))
    for quality, _, media in sorted(offers, reverse=True):
        if quality <= 0:
            continue
        if media == GRAPHQL_RESPONSE:
            return GRAPHQL_RESPONSE
        if media in (JSON, "application/*", "*/*"):
            return JSON
    return None


def _wants_ide(request: Request) -> bool:
    return (
        request.method == "GET"
        and "query" not in request.query_params
        and "text/html" in request.headers.get("accept", "")
    )


def _json(text: bytes | str, what: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise HttpError(400, f"{what} is not valid JSON: {error}.") from error


async def read_body(request: Request, limit: int, seconds: float = 10.0) -> bytes:
    """The request body, read no further than `limit` bytes (413 beyond) and for no longer than `seconds` (408)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HttpError(413, f"The request body is {int(declared):,} bytes; this server accepts at most {limit:,}.")
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HttpError(413, f"The request body is longer than the {limit:,} bytes this server accepts.")
                chunks.append(chunk)
    except TimeoutError as error:
        raise HttpError(
            408, f"The request body did not arrive within {seconds:g} s.", {"Connection": "close"}
        ) from error
    return b"".join(chunks)


async def _params(request: Request, limit: int, seconds: float) -> dict[str, Any]:
    if request.method == "GET":
        if len(request.scope.get("query_string", b"")) > limit:
            raise HttpError(413, f"The query string is longer than the {limit:,} bytes this server accepts.")
        query = request.query_params
        params: dict[str, Any] = {"query": query.get("query"), "operationName": query.get("operationName")}
        for key in ("variables", "extensions"):
            if query.get(key):
                params[key] = _json(query[key], f"The `{key}` parameter")
        return params
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != JSON:
        raise HttpError(415, "POST a JSON body with Content-Type: application/json.")
    body = _json(await read_body(request, limit, seconds), "The request body")
    if not isinstance(body, dict):
        raise HttpError(400, "The request body must be a JSON object with a `query`.")
    return body


class GraphQLEndpoint:
    """The ASGI endpoint at /graphql."""

    def __init__(
        self,
        schema: strawberry.Schema,
        make_context: Callable[[Request], Awaitable[Any]],
        on_result: Callable[[Any, dict[str, Any]], None] | None = None,
        max_body_bytes: int = 1_048_576,
        body_timeout_seconds: float = 10.0,
        key_limits: RateLimits | None = None,
        ide: Callable[[], Response] | None = None,
    ) -> None:
        self.schema = schema
        self.ide = ide or GraphiQLPage()
        self.make_context = make_context
        self.on_result = on_result
        self.max_body_bytes = max_body_bytes
        self.body_timeout_seconds = body_timeout_seconds
        self.key_limits = key_limits

    async def handle(self, request: Request) -> Response:
        """Answer one HTTP request to /graphql."""
        if request.method not in ("GET", "POST"):
            return _JSONResponse({"errors": [{"message": "Use GET or POST."}]}, 405, {"Allow": "GET, POST"})
        if _wants_ide(request):
            return self.ide()
        media = _accepted(request)
        if media is None:
            return _JSONResponse({"errors": [{"message": f"Accept {GRAPHQL_RESPONSE} or {JSON}."}]}, 406)
        try:
            return await self._execute(request, media)
        except HttpError as error:
            log.info("%d %s /graphql: %s", error.status, request.method, error.message)
            return _JSONResponse(
                {"errors": [{"message": error.message}]}, error.status, error.headers, media_type=media
            )

    async def _execute(self, request: Request, media: str) -> Response:
        params = await _params(request, self.max_body_bytes, self.body_timeout_seconds)
        context = await self.make_context(request)
        if self.key_limits is not None and context.caller.key_id is not None:
            try:
                self.key_limits.hit(context.caller.key_id)
            except RateLimited as refused:
                raise HttpError(429, str(refused), {"Retry-After": str(refused.retry_after)}) from refused
        query, variables, operation = params.get("query"), params.get("variables"), params.get("operationName")
        if not isinstance(query, str) or not query.strip():
            raise HttpError(400, "A GraphQL request needs a `query` string.")
        if variables is not None and not isinstance(variables, dict):
            raise HttpError(400, "`variables` must be a JSON object.")
        if operation is not None and not isinstance(operation, str):
            raise HttpError(400, "`operationName` must be a string.")
        allowed = (OperationType.QUERY,) if request.method == "GET" else (OperationType.QUERY, OperationType.MUTATION)
        try:
            result = await self.schema.execute(
                query,
                variable_values=variables,
                context_value=context,
                operation_name=operation,
                allowed_operation_types=allowed,
            )
        except InvalidOperationTypeError as error:
            if error.operation_type == OperationType.MUTATION and request.method == "GET":
                raise HttpError(
                    405, "Only queries may be sent with GET; send mutations with POST.", {"Allow": "POST"}
                ) from error
            raise HttpError(400, f"This server does not run {error.operation_type.value} operations.") from error
        except CannotGetOperationTypeError as error:
            raise HttpError(400, error.as_http_error_reason()) from error
        unavailable = unavailable_in(result.errors)
        if unavailable is not None:
            raise unavailable  # a 503 for the whole request (server/unavailable.py)
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [error.formatted for error in result.errors]
        if result.data is not None or not result.errors:
            body["data"] = result.data
        if self.on_result is not None:
            self.on_result(context, body)
        # Without data the request itself failed (it did not parse or validate, its variables did not coerce).
        status = 400 if media == GRAPHQL_RESPONSE and "data" not in body else 200
        paused = _writes_paused(result.errors)
        if paused is not None:
            # A backup pauses writes for a moment (graph/writes.py): the body still says which fields ran.
            return _JSONResponse(body, 503, {"Retry-After": str(paused.retry_after)}, media_type=media)
        return _JSONResponse(body, status, media_type=media)


def _writes_paused(errors: Sequence[GraphQLError] | None) -> WritesPaused | None:
    for error in errors or ():
        if isinstance(error.original_error, WritesPaused):
            return error.original_error
    return None
