"""People queries: one person, and filtered, sorted, paged lists."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, Role, current_employers, list_scope, may_read
from graph.listing import Filter, Order, within
from graph.people import PEOPLE, REFERRALS, PeopleFilter
from server.auth import require_to_read
from server.common.connection import Connection, Paging, listed
from server.common.enums import Direction, InstitutionType, TitleLevel, TitleSeries
from server.common.filters import TitleLevelRange, YearRange, bounded, nationalities, one_of, orders, title_levels, tree
from server.people.types import IdentityReferral, Person, identity_referral_from, person_from


@strawberry.input(
    description="Filters of a people list: all given filters must hold, and so must every filter of AND, at least "
    "one of OR, and not `not`. A field and its `…In` list may be given together: both must hold."
)
class PeopleWhere:
    region: str | None = strawberry.field(default=None, description="Region code; includes what lies within.")
    region_in: list[str] | None = strawberry.field(default=None, description="Any of these regions.")
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Current employer.")
    institution_id_in: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Currently employed by any of these."
    )
    institution_type: InstitutionType | None = strawberry.field(default=None, description="Current employer's type.")
    institution_type_in: list[InstitutionType] | None = None
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    field_in: list[str] | None = strawberry.field(default=None, description="Any of these fields.")
    title_series: TitleSeries | None = None
    title_series_in: list[TitleSeries] | None = None
    title_level: TitleLevel | None = None
    title_level_in: list[TitleLevel] | None = None
    title_level_range: TitleLevelRange | None = strawberry.field(
        default=None, description="Holds a title of a level within these bounds (by rank)."
    )
    name: str | None = strawberry.field(default=None, description="Part of the Chinese name, or pinyin start.")
    birth_year: YearRange | None = strawberry.field(
        default=None, description="Born within these years; people without a birth year never match."
    )
    foreign_expert: bool | None = strawberry.field(default=None, description="Foreign experts only, or none.")
    nationality: str | None = strawberry.field(default=None, description="ISO 3166-1 code (DE) or country name.")
    nationality_in: list[str] | None = None
    consent_to_contact: bool | None = strawberry.field(
        default=None, description="Agreed (or not) to be contacted by recruiters."
    )
    AND: list[PeopleWhere] | None = strawberry.field(default=None, name="AND", description="All of these hold.")
    OR: list[PeopleWhere] | None = strawberry.field(default=None, name="OR", description="One of these holds.")
    not_: PeopleWhere | None = strawberry.field(default=None, name="not", description="This does not hold.")


@strawberry.enum(description="Sort keys of a people list.")
class PeopleOrderBy(enum.Enum):
    PINYIN = "PINYIN"
    NAME = "NAME"
    BIRTH_YEAR = "BIRTH_YEAR"
    ID = "ID"


@strawberry.input(description="One sort key of a people list; the id breaks ties after the last.")
class PeopleOrder:
    by: PeopleOrderBy = PeopleOrderBy.PINYIN
    direction: Direction = Direction.ASC


def _people_node(where: PeopleWhere, path: str) -> PeopleFilter:
    name = where.name.strip() if where.name and where.name.strip() else None
    return PeopleFilter(
        region=one_of(where.region, where.region_in),
        institution=one_of(where.institution_id, where.institution_id_in),
        institution_type=one_of(where.institution_type, where.institution_type_in),
        field=one_of(where.field, where.field_in),
        series=one_of(where.title_series, where.title_series_in),
        level=title_levels(where.title_level, where.title_level_in, where.title_level_range, f"{path}.titleLevel"),
        name=name,
        birth_year=bounded(where.birth_year, f"{path}.birthYear"),
        foreign_expert=where.foreign_expert,
        nationality=nationalities(where.nationality, where.nationality_in, f"{path}.nationality"),
        consent_to_contact=where.consent_to_contact,
    )


def people_filter(where: PeopleWhere | None, institution: str | None) -> PeopleFilter:
    """The graph filter for a `where` input, limited to the people of `institution` where given."""
    given = tree(where, _people_node) if where is not None else PeopleFilter()
    return within(PeopleFilter(institution=(institution,)), given) if institution is not None else given


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
        order_by: list[PeopleOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Person] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="people")
        institution = where.institution_id if where else None
        return await listed(
            info,
            PEOPLE,
            lambda: people_filter(
                where, list_scope(context.caller, str(institution) if institution else None, "people")
            ),
            orders(order_by, PeopleOrder()),
            Paging(first, after, last, before),
            lambda row: person_from(row, context.caller),
        )

    @strawberry.field(
        description="Registrations referred to the bureau because another person already held their identity "
        "number, newest first (Relay connection): administrators only."
    )
    async def identity_referrals(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[IdentityReferral]:
        require_to_read(info.context.caller, Role.ADMIN, action="identityReferrals")
        return await listed(
            info, REFERRALS, Filter, [Order("AT", True)], Paging(first, after, last, before), identity_referral_from
        )
