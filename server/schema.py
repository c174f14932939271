"""The GraphQL schema: each domain's query and mutation types, merged."""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from graph.errors import DatabaseUnavailable, StatementTimedOut, WritesPaused
from graph.settings import Settings
from server.audit.queries import AuditQueries
from server.certifications.mutations import CertificationMutations
from server.collaborators.queries import CollaboratorQueries
from server.common.errors import RequestError
from server.common.scalars import SCALARS
from server.common.text_inputs import check_every_argument
from server.documents import Limits, checked_documents
from server.fields.queries import FieldQueries
from server.indicators.mutations import IndicatorMutations
from server.institutions.mutations import InstitutionMutations
from server.institutions.queries import InstitutionQueries
from server.metrics import OperationObserver
from server.people.mutations import PeopleMutations
from server.people.queries import PeopleQueries
from server.platforms.mutations import PlatformMutations
from server.platforms.queries import PlatformQueries
from server.projects.mutations import ProjectMutations
from server.projects.queries import ProjectQueries
from server.records.mutations import RecordMutations
from server.regions.queries import RegionQueries
from server.search.queries import SearchQueries
from server.stats.mutations import StatsMutations
from server.stats.queries import StatsQueries
from server.teams.mutations import TeamMutations
from server.teams.queries import TeamQueries
from server.titles.mutations import TitleMutations
from server.titles.queries import TitleQueries
from server.viewer.queries import ViewerQueries
from server.visits.mutations import VisitMutations
from server.visits.queries import VisitQueries

Query = merge_types(
    "Query",
    (
        PeopleQueries,
        InstitutionQueries,
        RegionQueries,
        FieldQueries,
        TitleQueries,
        TeamQueries,
        PlatformQueries,
        VisitQueries,
        AuditQueries,
        StatsQueries,
        SearchQueries,
        ProjectQueries,
        CollaboratorQueries,
        ViewerQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        PeopleMutations,
        InstitutionMutations,
        TitleMutations,
        TeamMutations,
        PlatformMutations,
        VisitMutations,
        StatsMutations,
        ProjectMutations,
        RecordMutations,
        CertificationMutations,
        IndicatorMutations,
    ),
)

# Every string argument and input field is held to its length and character rule (graph/text.py).
check_every_argument(Query)
check_every_argument(Mutation)


log = logging.getLogger("talentgraph.graphql")


def _unexpected(error: GraphQLError) -> bool:
    """An error that is a fault of ours, not of the request: logged with its traceback and masked in production.

    Errors of the request itself (it does not parse or validate, its variables do not coerce, a bad
    cursor, a refusal, a statement stopped at its timeout) carry no original error, a RequestError or
    a StatementTimedOut, and stay readable. An unreachable database is neither: left as it is for the
    endpoint to answer 503 (server/unavailable.py).
    """
    original = error.original_error
    return original is not None and not isinstance(
        original, RequestError | GraphQLError | StatementTimedOut | DatabaseUnavailable | WritesPaused
    )


class Schema(strawberry.Schema):
    """strawberry's schema, logging expected refusals in one line and unexpected errors with their traceback."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        operation = execution_context.operation_name if execution_context is not None else None
        for error in errors:
            where = ".".join(str(part) for part in error.path) if error.path else operation or "request"
            if _unexpected(error):
                log.error("Unexpected error at %s: %s", where, error.message, exc_info=error.original_error)
            elif isinstance(error.original_error, DatabaseUnavailable):
                continue  # the endpoint's 503 logs it once, with its cause (server/unavailable.py)
            elif isinstance(error.original_error, StatementTimedOut):
                log.warning("Timed out at %s: %s", where, error.message)
            else:
                log.info("Refused at %s: %s", where, error.message)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema, checking documents within the settings' limits, and masking unexpected errors in production."""
    settings = settings or Settings()
    limits = Limits(
        max_depth=settings.max_depth,
        max_aliases=settings.max_aliases,
        max_cost=settings.max_cost,
        max_page_size=settings.max_page_size,
        max_tokens=settings.max_tokens,
        max_document_chars=settings.max_document_chars,
        introspection=settings.introspection,
    )
    extensions: list[Any] = [checked_documents(limits, settings.document_cache_bytes), OperationObserver]
    if not settings.development:
        extensions.append(lambda: MaskErrors(should_mask_error=_unexpected, error_message="Unexpected error."))
    return Schema(query=Query, mutation=Mutation, extensions=extensions, config=StrawberryConfig(scalar_map=SCALARS))


schema = build_schema()
