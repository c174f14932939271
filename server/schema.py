"""The GraphQL schema: each domain's query and mutation types, merged."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import MaskErrors, ParserCache, ValidationCache
from strawberry.extensions.max_aliases import create_validator as max_aliases
from strawberry.extensions.query_depth_limiter import create_validator as max_depth
from strawberry.tools import merge_types

from graph.errors import WritesPaused
from graph.settings import Settings
from server.audit.queries import AuditQueries
from server.collaborators.queries import CollaboratorQueries
from server.common.errors import RequestError
from server.fields.queries import FieldQueries
from server.institutions.mutations import InstitutionMutations
from server.institutions.queries import InstitutionQueries
from server.metrics import OperationObserver
from server.people.mutations import PeopleMutations
from server.people.queries import PeopleQueries
from server.platforms.mutations import PlatformMutations
from server.platforms.queries import PlatformQueries
from server.projects.mutations import ProjectMutations
from server.projects.queries import ProjectQueries
from server.regions.queries import RegionQueries
from server.search.queries import SearchQueries
from server.stats.mutations import StatsMutations
from server.stats.queries import StatsQueries
from server.teams.mutations import TeamMutations
from server.teams.queries import TeamQueries
from server.titles.mutations import TitleMutations
from server.titles.queries import TitleQueries
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
    ),
)


def _unexpected(error: GraphQLError) -> bool:
    # Errors of the request itself (validation, bad cursor) stay readable; anything else is masked.
    original = error.original_error
    return original is not None and not isinstance(original, RequestError | GraphQLError | WritesPaused)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema, with caches, and error masking in production."""
    extensions: list[Any] = [
        lambda: ParserCache(maxsize=512),
        lambda: ValidationCache(maxsize=512),
        OperationObserver,
    ]
    if settings is not None and not settings.development:
        extensions.append(lambda: MaskErrors(should_mask_error=_unexpected, error_message="Unexpected error."))
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=extensions)


def protections(settings: Settings) -> list[type[ASTValidationRule]]:
    """Validation rules that refuse documents nested too deep or with too many aliases (strawberry's own)."""
    return [max_depth(settings.max_depth, None), max_aliases(settings.max_aliases)]


schema = build_schema()
