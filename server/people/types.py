"""The Person type and what hangs off it: employment, expertise, titles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from graph.access import Caller, person_seen_by
from graph.errors import NotAllowed
from graph.titles import LEVEL_RANK
from server.common.enums import Degree, Gender
from server.common.errors import RequestError
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


_CONTACT = (
    "Null for a recruiter unless the person consented to be contacted, and for an institution key "
    "unless they are its staff."
)
_PRIVATE = "Null unless the caller may see the person's whole record (docs/security.md)."


@strawberry.type(
    description="A person: staff member, expert or foreign expert. No national ID is ever returned. "
    "An institution key sees the whole record of its own current staff and the public profile of anyone "
    "else; anonymous callers see no one (docs/security.md)."
)
class Person:
    id: strawberry.ID
    name: str
    pinyin: str
    gender: Gender | None = strawberry.field(description=_PRIVATE)
    birth_year: int | None = strawberry.field(description=_PRIVATE)
    degree: Degree | None = strawberry.field(description=_PRIVATE)
    consent_to_contact: bool
    foreign_expert: bool
    nationality: str | None
    high_end: bool | None = strawberry.field(description="A high-end foreign expert (高端外国专家).")
    keywords: list[str] = strawberry.field(description="Words a recruiter may search the person by.")
    # Plain fields, filled by person_from, rather than resolvers: strawberry calls a resolver through
    # several wrappers for every person of a page, a plain field not.
    employer: Institution | None = strawberry.field(description="Where the person works now.")
    region: Region | None = strawberry.field(description="The region of the current employer.")
    email: str | None = strawberry.field(description=_CONTACT)
    phone: str | None = strawberry.field(description=_CONTACT)
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field(
        description="Titles held, newest first; revoked ones only if asked and if the caller may see the whole record."
    )
    def titles(self, include_revoked: bool = False) -> list[Title]:
        return [title_from(row) for row in self.row["titles"] if include_revoked or row.get("revokedOn") is None]

    @strawberry.field(description="The highest title held and not revoked.")
    def highest_title(self) -> Title | None:
        active = [row for row in self.row["titles"] if row.get("revokedOn") is None]
        if not active:
            return None
        return title_from(max(active, key=lambda row: (LEVEL_RANK[row["level"]], row["grantedOn"])))

    @strawberry.field(description="Every employment, current first; only the current ones in a public profile.")
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


def person_from(row: dict[str, Any], caller: Caller) -> Person:
    """A Person from a statement's map (people/projection), holding only what `caller` may see of them.

    The one way the API makes a Person, on every path that reaches one (graph/access.py `person_seen_by`);
    a caller who may see nothing of the person gets a NotAllowed error instead."""
    seen = person_seen_by(caller, row)
    if seen is None:
        raise RequestError(
            NotAllowed(
                f"Records of individuals need a key; this request has {caller.role.value}.",
                f"查看个人信息需要密钥;当前为 {caller.role.value}",
                None,
            )
        )
    job = next((job for job in seen["employment"] if job.get("until") is None), None)
    region = job["institution"].get("region") if job else None
    return Person(
        id=strawberry.ID(seen["id"]),
        name=seen["name"],
        pinyin=seen.get("pinyin") or "",
        gender=Gender(seen["gender"]) if seen.get("gender") else None,
        birth_year=seen.get("birthYear"),
        degree=Degree(seen["degree"]) if seen.get("degree") else None,
        consent_to_contact=bool(seen.get("consentToContact")),
        foreign_expert=bool(seen.get("foreignExpert")),
        nationality=seen.get("nationality"),
        high_end=seen.get("highEnd"),
        keywords=list(seen.get("keywords") or []),
        employer=institution_from(job["institution"]) if job else None,
        region=region_from(region) if region else None,
        email=seen.get("email"),
        phone=seen.get("phone"),
        row=seen,
    )


@strawberry.type(
    description="A registration referred to the bureau: the identity number given was already held by a person "
    "the registering key may not see, so the new person was registered without it (docs/security.md)."
)
class IdentityReferral:
    id: strawberry.ID
    at: dt.datetime
    key_id: str | None = strawberry.field(description="The key that registered the person.")
    role: str
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="The person registered, without the identity number.")
    async def registered(self, info: strawberry.Info) -> Person | None:
        row = await info.context.people.load(self.row["registered"])
        return person_from(row, info.context.caller) if row else None

    @strawberry.field(description="The person who already held the identity number.")
    async def holder(self, info: strawberry.Info) -> Person | None:
        row = await info.context.people.load(self.row["holder"]) if self.row.get("holder") else None
        return person_from(row, info.context.caller) if row else None

    @strawberry.field(description="The registering key's institution; null for an administrator's key.")
    async def institution(self, info: strawberry.Info) -> Institution | None:
        row = await info.context.institutions.load(self.row["institution"]) if self.row.get("institution") else None
        return institution_from(row) if row else None


def identity_referral_from(row: dict[str, Any]) -> IdentityReferral:
    """An IdentityReferral from a statement's map (people/referrals/projection)."""
    return IdentityReferral(
        id=strawberry.ID(row["id"]), at=row["at"].to_native(), key_id=row.get("keyId"), role=row["role"], row=row
    )
