"""GraphQL over HTTP (the GraphQL-over-HTTP specification): GET and POST, media types, status codes.

- `application/graphql-response+json` when the client accepts it: a request that cannot be parsed
  or validated is a 400 with no `data`; `application/json` otherwise, where such errors are 200.
- GET carries queries only; a mutation over GET is 405 with `Allow: POST`.
- A browser's GET without a query gets GraphiQL (server/graphiql: the page `ide` returns).
- `make_context` may refuse the request's credentials by raising HttpError (401).
- A document longer than `max_tokens` is refused while parsing; `extra_rules` (depth, aliases) while
  validating: both are 400 under `application/graphql-response+json`.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from functools import lru_cache
from typing import Any

import orjson
import strawberry
from graphql import (
    ASTValidationRule,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    parse,
    specified_rules,
    validate,
)
from graphql.language import DocumentNode
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from graph.errors import WritesPaused
from server.graphiql import GraphiQLPage


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


async def _params(request: Request) -> dict[str, Any]:
    if request.method == "GET":
        query = request.query_params
        params: dict[str, Any] = {"query": query.get("query"), "operationName": query.get("operationName")}
        for key in ("variables", "extensions"):
            if query.get(key):
                try:
                    params[key] = json.loads(query[key])
                except ValueError as error:
                    raise HttpError(400, f"The `{key}` parameter is not valid JSON.") from error
        return params
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != JSON:
        raise HttpError(415, "POST a JSON body with Content-Type: application/json.")
    try:
        body = json.loads(await request.body())
    except ValueError as error:
        raise HttpError(400, "The request body is not valid JSON.") from error
    if not isinstance(body, dict):
        raise HttpError(400, "The request body must be a JSON object with a `query`.")
    return body


class GraphQLEndpoint:
    """The ASGI endpoint at /graphql."""

    def __init__(
        self,
        schema: strawberry.Schema,
        make_context: Callable[[Request], Awaitable[Any]],
        introspection: bool = True,
        on_result: Callable[[Any, dict[str, Any]], None] | None = None,
        extra_rules: Sequence[type[ASTValidationRule]] = (),
        max_tokens: int | None = None,
        ide: Callable[[], Response] | None = None,
    ) -> None:
        self.schema = schema
        self.ide = ide or GraphiQLPage()
        self.extra_rules = tuple(extra_rules)
        self.max_tokens = max_tokens
        self.make_context = make_context
        self.introspection = introspection
        self.on_result = on_result
        self._check = lru_cache(maxsize=1024)(self._parse_and_validate)

    def _parse_and_validate(self, query: str) -> tuple[DocumentNode | None, tuple[GraphQLError, ...]]:
        try:
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLError as error:
            return None, (error,)
        errors = validate(self.schema._schema, document, [*specified_rules, *self.extra_rules])
        if not self.introspection and _introspects(document):
            errors = [*errors, GraphQLError("Introspection is disabled on this server.")]
        return document, tuple(errors)

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
            return _JSONResponse(
                {"errors": [{"message": error.message}]}, error.status, error.headers, media_type=media
            )

    async def _execute(self, request: Request, media: str) -> Response:
        params = await _params(request)
        context = await self.make_context(request)
        query, variables, operation = params.get("query"), params.get("variables"), params.get("operationName")
        if not isinstance(query, str) or not query.strip():
            raise HttpError(400, "A GraphQL request needs a `query` string.")
        if variables is not None and not isinstance(variables, dict):
            raise HttpError(400, "`variables` must be a JSON object.")
        if operation is not None and not isinstance(operation, str):
            raise HttpError(400, "`operationName` must be a string.")
        document, errors = self._check(query)
        if errors:
            refusal = {"errors": [error.formatted for error in errors]}
            return _JSONResponse(refusal, 400 if media == GRAPHQL_RESPONSE else 200, media_type=media)
        assert document is not None
        if request.method == "GET" and _operation_type(document, operation) != OperationType.QUERY:
            raise HttpError(405, "Only queries may be sent with GET; send mutations with POST.", {"Allow": "POST"})
        result = await self.schema.execute(
            query, variable_values=variables, context_value=context, operation_name=operation
        )
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [error.formatted for error in result.errors]
        if result.data is not None or not result.errors:
            body["data"] = result.data
        if self.on_result is not None:
            self.on_result(context, body)
        # Without data the request itself failed (e.g. its variables did not coerce).
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


def _operation_type(document: DocumentNode, name: str | None) -> OperationType | None:
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    for node in operations:
        if name is None or (node.name is not None and node.name.value == name):
            return node.operation
    return None


def _introspects(document: DocumentNode) -> bool:
    return any(
        field.name.value in ("__schema", "__type")
        for node in document.definitions
        if isinstance(node, OperationDefinitionNode)
        for field in node.selection_set.selections
        if hasattr(field, "name")
    )
