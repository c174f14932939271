"""The Person type and what hangs off it: employment, expertise, titles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from graph.titles import LEVEL_RANK
from server.common.enums import Degree, Gender
from server.fields.types import Field, field_from
from server.institutions.types import Institution, institution_from
from server.regions.types import Region, region_from
from server.titles.types import Title, _date, title_from


@strawberry.type(description="A period of work at an institution.")
class Employment:
    institution: Institution
    since: dt.date | None
    until: dt.date | None = strawberry.field(description="Null while current.")
    role: str | None

    @strawberry.field
    def current(self) -> bool:
        return self.until is None


@strawberry.type(description="A field a person is expert in, with a weight (1.0 = main field).")
class Expertise:
    field: Field
    weight: float


@strawberry.type(description="A person: staff member, expert or foreign expert. No national ID is ever returned.")
class Person:
    id: strawberry.ID
    name: str
    pinyin: str
    gender: Gender | None
    birth_year: int | None
    degree: Degree | None
    consent_to_contact: bool
    foreign_expert: bool
    nationality: str | None
    high_end: bool | None = strawberry.field(description="A high-end foreign expert (高端外国专家).")
    keywords: list[str] = strawberry.field(description="Words a recruiter may search the person by.")
    # Plain fields, filled by person_from, rather than resolvers: strawberry calls a resolver through
    # several wrappers for every person of a page, a plain field not.
    employer: Institution | None = strawberry.field(description="Where the person works now.")
    region: Region | None = strawberry.field(description="The region of the current employer.")
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="Null for a recruiter unless the person consented to be contacted.")
    def email(self, info: strawberry.Info) -> str | None:
        return self.row.get("email") if info.context.caller.sees_contact(self.consent_to_contact) else None

    @strawberry.field(description="Null for a recruiter unless the person consented to be contacted.")
    def phone(self, info: strawberry.Info) -> str | None:
        return self.row.get("phone") if info.context.caller.sees_contact(self.consent_to_contact) else None

    @strawberry.field(description="Titles held, newest first; revoked ones only if asked.")
    def titles(self, include_revoked: bool = False) -> list[Title]:
        return [title_from(row) for row in self.row["titles"] if include_revoked or row.get("revokedOn") is None]

    @strawberry.field(description="The highest title held and not revoked.")
    def highest_title(self) -> Title | None:
        active = [row for row in self.row["titles"] if row.get("revokedOn") is None]
        if not active:
            return None
        return title_from(max(active, key=lambda row: (LEVEL_RANK[row["level"]], row["grantedOn"])))

    @strawberry.field(description="Every employment, current first.")
    def employment(self) -> list[Employment]:
        return [
            Employment(
                institution=institution_from(job["institution"]),
                since=_date(job["since"]),
                until=_date(job["until"]),
                role=job.get("role"),
            )
            for job in self.row["employment"]
        ]

    @strawberry.field(description="Fields of expertise, main first.")
    def fields(self) -> list[Expertise]:
        return [Expertise(field=field_from(row), weight=float(row.get("weight") or 1.0)) for row in self.row["fields"]]

    def _current_job(self) -> dict[str, Any] | None:
        return next((job for job in self.row["employment"] if job.get("until") is None), None)

    def current_employer_id(self) -> str | None:
        """The id of the institution the person works at now, if any."""
        job = self._current_job()
        return str(job["institution"]["id"]) if job else None


def person_from(row: dict[str, Any]) -> Person:
    """A Person from a statement's map (people/projection)."""
    job = next((job for job in row["employment"] if job.get("until") is None), None)
    region = job["institution"].get("region") if job else None
    return Person(
        id=strawberry.ID(row["id"]),
        name=row["name"],
        pinyin=row.get("pinyin") or "",
        gender=Gender(row["gender"]) if row.get("gender") else None,
        birth_year=row.get("birthYear"),
        degree=Degree(row["degree"]) if row.get("degree") else None,
        consent_to_contact=bool(row.get("consentToContact")),
        foreign_expert=bool(row.get("foreignExpert")),
        nationality=row.get("nationality"),
        high_end=row.get("highEnd"),
        keywords=list(row.get("keywords") or []),
        employer=institution_from(job["institution"]) if job else None,
        region=region_from(region) if region else None,
        row=row,
    )
