"""The ASGI app: /graphql (with GraphiQL), /healthz and the dashboard, with the driver opened in the lifespan."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import Route

from graph.errors import DatabaseUnavailable
from graph.runtime import Neo4jConnection
from graph.secrets import id_salt
from graph.settings import Settings
from server.auth import Authenticator, Caller, Unauthenticated
from server.context import Context
from server.dashboard import dashboard_routes
from server.graphiql import GraphiQLPage, IdeSetup, graphiql_routes
from server.health import health_monitor, healthz_endpoint
from server.http import GraphQLEndpoint, HttpError
from server.metrics import Metrics, RequestObserver, metrics_endpoint
from server.portal import portal_routes
from server.ratelimit import AddressRateLimit, RateLimits
from server.schema import build_schema
from server.stats.exports import export_routes
from server.unavailable import database_unavailable
from server.uploads.jobs import UploadRunner
from server.uploads.routes import upload_routes

log = logging.getLogger("talentgraph")


def create_app(settings: Settings, neo4j: Neo4jConnection, ide: IdeSetup | None = None) -> Starlette:
    """The application for these settings, on the database `neo4j` points at; GraphiQL opens with `ide`."""
    schema = build_schema(settings)
    salt = id_salt(settings)
    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["db"] = neo4j.open(timeout=settings.query_timeout_seconds)
        # While a backup pauses writes, a mutation is answered 503 with Retry-After rather than kept waiting.
        state["db"].wait_while_paused = False
        state["uploads"] = UploadRunner(settings, neo4j, salt)
        try:
            async with health_monitor(state["db"]):
                yield
        finally:
            await state.pop("uploads").close(state["db"])
            await state.pop("db").close()

    if not settings.auth:
        log.warning("Authorization is OFF (TALENTGRAPH_AUTH=off): every request acts as an administrator.")
    authenticator = Authenticator(enabled=settings.auth, ttl=settings.key_cache_seconds)

    async def caller_of(request: Request) -> Caller:
        try:
            return await authenticator.caller(state["db"], request.headers.get("authorization"))
        except Unauthenticated as error:
            raise HttpError(401, str(error), {"WWW-Authenticate": 'Bearer error="invalid_token"'}) from error

    async def make_context(request: Request) -> Context:
        caller = await caller_of(request)
        return Context(db=state["db"], settings=settings, id_salt=salt, caller=caller, request=request)

    def report_statements(context: Context, body: dict[str, Any]) -> None:
        if settings.development:
            body.setdefault("extensions", {})["cypherStatements"] = context.statements.statements

    key_limits = RateLimits("key", settings.rate_limit_key)
    graphql = GraphQLEndpoint(
        schema,
        make_context,
        on_result=report_statements,
        max_body_bytes=settings.max_body_bytes,
        body_timeout_seconds=settings.body_timeout_seconds,
        key_limits=key_limits,
        ide=GraphiQLPage(ide),
    )

    routes = [
        Route("/graphql", graphql.handle, methods=["GET", "POST"]),
        Route("/healthz", healthz_endpoint(lambda: state["db"]), methods=["GET"]),
        *export_routes(lambda: state["db"], caller_of, settings),
        *upload_routes(lambda: state["db"], lambda: state["uploads"], caller_of, settings, key_limits),
        *dashboard_routes(),
        *portal_routes(),
        *graphiql_routes(),
    ]
    metrics = Metrics(settings.metrics_operation_names)
    routes.append(Route("/metrics", metrics_endpoint(settings, metrics, lambda: state.get("db")), methods=["GET"]))
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={DatabaseUnavailable: database_unavailable})
    # Counted before a body is read or a key looked up; /healthz and the dashboard's files are not limited.
    app.add_middleware(
        AddressRateLimit,
        limits=RateLimits("address", settings.rate_limit_address),
        prefixes=("/graphql", "/export", "/upload"),
    )
    # Outermost, so that every answer, a rate limit's 429 too, carries a request id and is counted.
    app.add_middleware(RequestObserver, metrics=metrics, routes=routes, log_access=settings.access_log)
    return app
