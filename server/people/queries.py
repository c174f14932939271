"""People queries: one person, and filtered, sorted, paged lists."""

from __future__ import annotations

import enum

import strawberry

from graph.people import PEOPLE, PeopleFilter
from server.auth import READERS
from server.common.connection import Connection, listed
from server.common.enums import Direction, TitleLevel, TitleSeries
from server.people.types import Person, person_from


@strawberry.input(description="Filters of a people list; all given filters must hold.")
class PeopleWhere:
    region: str | None = strawberry.field(default=None, description="Region code; includes what lies within.")
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Current employer.")
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    title_series: TitleSeries | None = None
    title_level: TitleLevel | None = None
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
        caller.require_to_read(*READERS, action="person")
        row = await info.context.people.load(str(id))
        if row is None:
            return None
        person = person_from(row)
        caller.check_own(person.current_employer_id(), "person")
        return person

    @strawberry.field(description="People, filtered, sorted and paged (Relay connection).")
    async def people(
        self,
        info: strawberry.Info,
        where: PeopleWhere | None = None,
        order_by: PeopleOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Person]:
        context = info.context
        context.caller.require_to_read(*READERS, action="people")
        order = order_by or PeopleOrder()
        institution = where.institution_id if where else None
        graph_filter = people_filter(
            where, context.caller.own_only(str(institution) if institution else None, "people")
        )
        return await listed(
            info, PEOPLE, graph_filter, order.by.value, order.direction == Direction.DESC, first, after, person_from
        )
