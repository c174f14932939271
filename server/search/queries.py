"""searchExperts: experts by name (Chinese or pinyin), field, institution or keyword, with filters."""

from __future__ import annotations

import strawberry

from graph.access import Role
from graph.errors import DomainError, NotFound
from graph.listing import Page
from graph.search import ExpertQuery, count_experts, search_experts
from server.common.connection import Connection, connection, page_size, total_beside
from server.common.enums import TitleLevel, code_of
from server.common.errors import RequestError
from server.search.types import ExpertResult, expert_from


async def check_codes(info: strawberry.Info, fields: list[str], regions: list[str]) -> None:
    """Raise NotFound for a field or region code that does not exist."""
    field_tree, region_tree = await info.context.fields(), await info.context.regions()
    for code in fields:
        if code not in field_tree.nodes:
            raise NotFound("field", code, "fields")
    for code in regions:
        if code not in region_tree.nodes:
            raise NotFound("region", code, "regions")


@strawberry.type
class SearchQueries:
    @strawberry.field(
        description="Experts matching a text in Chinese or pinyin (zhang wei, zhangwei, zw) in "
        "their name, fields, institution or keywords; every word must match. "
        "Ranked by relevance, then title level, then recent activity."
    )
    async def search_experts(
        self,
        info: strawberry.Info,
        query: str | None = None,
        fields: list[str] | None = None,
        regions: list[str] | None = None,
        min_level: TitleLevel | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[ExpertResult] | None:
        context = info.context
        try:
            context.caller.require(Role.ADMIN, Role.ANALYST, Role.RECRUITER, action="searchExperts")
            await check_codes(info, fields or [], regions or [])
            expert_query = ExpertQuery(
                text=query,
                fields=tuple(fields or ()),
                regions=tuple(regions or ()),
                min_level=code_of(min_level) if min_level else None,
            )
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_experts(context.db, expert_query))
            hits, has_next = await search_experts(context.db, expert_query, size, after)
        except DomainError as error:
            raise RequestError(error) from error
        page = Page(
            rows=hits, cursors=[hit.cursor() for hit in hits], has_next=has_next, has_previous=after is not None
        )
        return connection(page, lambda hit: expert_from(hit, context.caller), total)
