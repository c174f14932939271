"""Prometheus metrics at /metrics (prometheus-client), the middleware that records them, and who may read them.

Labels are bounded: routes are the app's own paths, GraphQL operations are the names in
`TALENTGRAPH_METRICS_OPERATIONS` (others are `unknown`, anonymous ones `unnamed`, requests refused before
they ran `-`), root fields are the schema's, error kinds a fixed list. Several processes: scrape each
(per-process), or set PROMETHEUS_MULTIPROC_DIR for all of them and scrape any one (docs/operations.md).
"""

from __future__ import annotations

import hmac
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from graphql import FieldNode, GraphQLError, OperationDefinitionNode
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from graph.errors import WritesPaused
from graph.settings import Settings
from server.common.errors import RequestError
from server.logs import access_line, begin_request, current_request, end_request

access_log = logging.getLogger("talentgraph.access")

#: Latency buckets (seconds): a page of people is a few milliseconds, an export or a search up to seconds.
LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
#: Statements per request: one round trip is the goal, a handful is normal, dozens are worth a look.
STATEMENTS = (0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89)
UNNAMED, UNKNOWN, NOT_RUN = "unnamed", "unknown", "-"


class Metrics:
    """The API's metrics, in a registry of their own (one per app)."""

    def __init__(self, operations: Iterable[str] = ()) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.operations = frozenset(operations)
        r = self.registry
        self.requests = Counter(
            "talentgraph_http_requests",
            "HTTP requests answered, by route, method and status",
            ["route", "method", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "talentgraph_http_request_duration_seconds",
            "Time to answer an HTTP request, by route",
            ["route"],
            buckets=LATENCY,
            registry=r,
        )
        self.in_progress = Gauge(
            "talentgraph_http_requests_in_progress",
            "HTTP requests being answered",
            registry=r,
            multiprocess_mode="livesum",
        )
        self.operations_total = Counter(
            "talentgraph_graphql_requests",
            "GraphQL requests, by operation name and HTTP status",
            ["operation", "status"],
            registry=r,
        )
        self.operation_latency = Histogram(
            "talentgraph_graphql_request_duration_seconds",
            "Time to answer a GraphQL request, by operation name",
            ["operation"],
            buckets=LATENCY,
            registry=r,
        )
        self.fields = Counter(
            "talentgraph_graphql_root_fields",
            "Root fields requested, by operation type and field",
            ["type", "field"],
            registry=r,
        )
        self.statements = Histogram(
            "talentgraph_cypher_statements_per_request",
            "Cypher statements one GraphQL request sent, by operation name",
            ["operation"],
            buckets=STATEMENTS,
            registry=r,
        )
        self.errors = Counter("talentgraph_errors", "Errors, by kind (docs/operations.md)", ["kind"], registry=r)

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        """Record one HTTP request, and the GraphQL operation it ran if any (its RequestRecord)."""
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route).observe(seconds)
        if status >= 400:
            self.errors.labels(f"http_{status}").inc()
        record = current_request()
        if record is None or route != "/graphql":
            return
        operation = self.operation_label(record.operation, record.executed)
        self.operations_total.labels(operation, str(status)).inc()
        self.operation_latency.labels(operation).observe(seconds)
        if record.statements is not None:
            self.statements.labels(operation).observe(record.statements)
        for name in record.root_fields:
            self.fields.labels(record.operation_type or "query", name).inc()
        for kind in record.error_kinds:
            self.errors.labels(kind).inc()

    def operation_label(self, name: str | None, executed: bool) -> str:
        if not executed:
            return NOT_RUN
        if not name:
            return UNNAMED
        return name if name in self.operations else UNKNOWN


class DriverPool(Collector):
    """The driver's connection pool at scrape time: connections open and in use, per server address.

    Read through `Database.pool_usage`, which reports nothing if the driver's internals ever change.
    """

    def __init__(self, database: Callable[[], Any]) -> None:
        self.database = database

    def collect(self) -> Iterator[GaugeMetricFamily]:
        opened = GaugeMetricFamily(
            "talentgraph_db_pool_connections", "Bolt connections the driver holds", labels=["address"]
        )
        busy = GaugeMetricFamily("talentgraph_db_pool_in_use", "Bolt connections in use", labels=["address"])
        ceiling = GaugeMetricFamily("talentgraph_db_pool_max", "The pool's ceiling (max_connection_pool_size)")
        db = self.database()
        usage = db.pool_usage() if db is not None else None
        if usage is not None:
            for address, held, in_use in usage.connections:
                opened.add_metric([address], held)
                busy.add_metric([address], in_use)
            ceiling.add_metric([], usage.ceiling)
        yield from (opened, busy, ceiling)


def error_kind(error: GraphQLError) -> str:
    """The kind of an error in a GraphQL response: a fixed, small set of labels."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return "graphql"
    if isinstance(original, WritesPaused):
        return "writes_paused"
    if isinstance(original, RequestError):
        return "refused"
    if type(original).__module__.startswith("neo4j"):
        return (
            "database_unavailable"
            if type(original).__name__ in ("ServiceUnavailable", "SessionExpired")
            else "database"
        )
    return "unexpected"


class OperationObserver(SchemaExtension):
    """Notes on the request's record what the GraphQL operation was, what it sent to Neo4j and how it failed."""

    def on_execute(self) -> Iterator[None]:
        yield
        record = current_request()
        if record is None:
            return
        context = self.execution_context
        record.executed = True
        operation = _operation(context.graphql_document, context.operation_name)
        if operation is not None:
            record.operation = operation.name.value if operation.name else None
            record.operation_type = operation.operation.value
            record.root_fields = [
                node.name.value for node in operation.selection_set.selections if isinstance(node, FieldNode)
            ]
        counter = getattr(context.context, "statements", None)
        if counter is not None:
            record.statements = counter.statements
        if context.result is not None:
            record.error_kinds = [error_kind(error) for error in context.result.errors or ()]


def _operation(document: Any, name: str | None) -> OperationDefinitionNode | None:
    for node in getattr(document, "definitions", ()):
        if isinstance(node, OperationDefinitionNode) and (name is None or (node.name and node.name.value == name)):
            return node
    return None


def _route_of(routes: list[BaseRoute], path: str) -> str:
    for route in routes:
        if isinstance(route, Route) and route.path_regex.match(path):
            return route.path
        if isinstance(route, Mount) and path.startswith(route.path.rstrip("/") + "/"):
            return route.path + "/…"
    return "other"


class RequestObserver:
    """ASGI middleware: a request id (X-Request-ID, in and out), one access-log line, and the request's metrics."""

    def __init__(self, app: ASGIApp, metrics: Metrics, routes: list[BaseRoute], log_access: bool = True) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = routes
        self.log_access = log_access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = next((value.decode("latin-1") for key, value in scope["headers"] if key == b"x-request-id"), None)
        record, token = begin_request(incoming)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = record.id
            await send(message)

        self.metrics.in_progress.inc()
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            self.metrics.in_progress.dec()
            seconds = time.perf_counter() - started
            route = _route_of(self.routes, scope["path"])
            self.metrics.observe(route, scope["method"], status, seconds)
            if self.log_access and route != "/metrics":
                line = access_line(scope["method"], scope["path"], status, seconds, record)
                access_log.info(
                    "%s %s %s %.1f ms%s",
                    line["method"],
                    line["path"],
                    line["status"],
                    line["duration_ms"],
                    f" operation={record.operation or UNNAMED} statements={record.statements}"
                    if record.executed
                    else "",
                    extra=line,
                )
            end_request(token)


def metrics_endpoint(settings: Settings, metrics: Metrics, database: Callable[[], Any]) -> Callable[[Request], Any]:
    """The /metrics endpoint, readable as TALENTGRAPH_METRICS says: `token` (a bearer token), `open`, or `off`."""
    pool = DriverPool(database)
    metrics.registry.register(pool)

    async def endpoint(request: Request) -> Response:
        if settings.metrics == "off":
            return PlainTextResponse("Not Found", 404)
        if settings.metrics == "token":
            token = settings.metrics_token
            if not token:
                return PlainTextResponse("Metrics need TALENTGRAPH_METRICS_TOKEN (or TALENTGRAPH_METRICS=open).\n", 403)
            scheme, _, given = request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
                return PlainTextResponse(
                    "Send the metrics token as `Authorization: Bearer <token>`.\n", 401, {"WWW-Authenticate": "Bearer"}
                )
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)
            registry.register(pool)
            body = generate_latest(registry)
        else:
            body = generate_latest(metrics.registry)
        return Response(body, 200, media_type=CONTENT_TYPE_LATEST)

    return endpoint
