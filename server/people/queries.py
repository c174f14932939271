"""People queries: one person, and filtered, sorted, paged lists."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, Role, current_employers, list_scope, may_read
from graph.errors import DomainError
from graph.people import (
    PeopleFilter,
    count_identity_referrals,
    count_people,
    list_identity_referrals,
    list_people,
)
from server.auth import require_to_read
from server.common.connection import Connection, connection, page_size, total_beside
from server.common.enums import Direction, TitleLevel, TitleSeries
from server.common.errors import RequestError
from server.people.types import IdentityReferral, Person, identity_referral_from, person_from


@strawberry.input(description="Filters of a people list; all given filters must hold.")
class PeopleWhere:
    region: str | None = strawberry.field(default=None, description="Region code; includes what lies within.")
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Current employer.")
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    title_series: TitleSeries | None = None  # type: ignore[valid-type]
    title_level: TitleLevel | None = None  # type: ignore[valid-type]
    name: str | None = strawberry.field(default=None, description="Part of the Chinese name, or pinyin start.")


@strawberry.enum(description="Sort keys of a people list.")
class PeopleOrderBy(enum.Enum):
    PINYIN = "PINYIN"
    NAME = "NAME"
    BIRTH_YEAR = "BIRTH_YEAR"
    ID = "ID"


@strawberry.input
class PeopleOrder:
    by: PeopleOrderBy = PeopleOrderBy.PINYIN
    direction: Direction = Direction.ASC


def people_filter(where: PeopleWhere | None, institution: str | None) -> PeopleFilter:
    """The graph filter for a `where` input, limited to the people of `institution` where given."""
    if where is None:
        return PeopleFilter(institution=institution)
    return PeopleFilter(
        region=where.region,
        institution=institution,
        field=where.field,
        series=where.title_series.value if where.title_series else None,
        level=where.title_level.value if where.title_level else None,
        name=where.name.strip() if where.name and where.name.strip() else None,
    )


@strawberry.type
class PeopleQueries:
    @strawberry.field(description="One person by id.")
    async def person(self, info: strawberry.Info, id: strawberry.ID) -> Person | None:
        caller = info.context.caller
        require_to_read(caller, *READERS, action="person")
        row = await info.context.people.load(str(id))
        # Someone an institution key may not read the record of is answered exactly as nobody.
        return person_from(row, caller) if row is not None and may_read(caller, current_employers(row)) else None

    @strawberry.field(description="People, filtered, sorted and paged (Relay connection).")
    async def people(
        self,
        info: strawberry.Info,
        where: PeopleWhere | None = None,
        order_by: PeopleOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Person] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="people")
        order = order_by or PeopleOrder()
        institution = where.institution_id if where else None
        try:
            graph_filter = people_filter(
                where, list_scope(context.caller, str(institution) if institution else None, "people")
            )
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_people(context.db, graph_filter))
            page = await list_people(
                context.db, graph_filter, order.by.value, order.direction == Direction.DESC, size, after
            )
        except DomainError as error:
            raise RequestError(error) from error
        return connection(page, lambda row: person_from(row, context.caller), after, total)

    @strawberry.field(
        description="Registrations referred to the bureau because another person already held their identity "
        "number, newest first (Relay connection): administrators only."
    )
    async def identity_referrals(
        self, info: strawberry.Info, first: int | None = 20, after: str | None = None
    ) -> Connection[IdentityReferral]:
        context = info.context
        require_to_read(context.caller, Role.ADMIN, action="identityReferrals")
        try:
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_identity_referrals(context.db))
            page = await list_identity_referrals(context.db, size, after)
        except DomainError as error:
            raise RequestError(error) from error
        return connection(page, identity_referral_from, after, total)
