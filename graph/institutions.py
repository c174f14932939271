"""Institutions: list, fetch and register."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from graph.access import Caller
from graph.audit import audited
from graph.database import Database, Transaction
from graph.derived import refresh_people
from graph.errors import InvalidInput, InvalidValue, NotFound
from graph.identity import check_credit_code
from graph.listing import Filter, Listing, SortKey
from graph.records import lock_record
from graph.text import INSTITUTION_NAME
from graph.vocabulary import InstitutionType, codes

INSTITUTIONS = Listing(
    domain="institutions",
    variable="i",
    projection_slot="INSTITUTION",
    item="institution",
    orders={
        "NAME": SortKey("i.name", "i.name IS NOT NULL"),
        "TYPE": SortKey("coalesce(i.type, '')"),
        "ID": SortKey("i.id", "i.id IS NOT NULL"),
    },
)


@dataclass(frozen=True)
class InstitutionFilter(Filter):
    """What an institution list is filtered by (institutions/filter/*); None means "any"."""

    id: tuple[str, ...] | None = None
    region: tuple[str, ...] | None = None
    type: tuple[str, ...] | None = None
    field: tuple[str, ...] | None = None
    name: str | None = None
    high_tech: bool | None = None
    tech_sme: bool | None = None


async def check_host(tx: Transaction, institution: str, fields: list[str]) -> None:
    """NotFound unless the institution hosting a team or platform and each of its fields exist."""
    [row] = await tx.run("institutions/host_references", institution=institution, fields=fields)
    if row["missingInstitution"] is not None:
        raise NotFound("institution", institution, "institutionId")
    if row["missingFields"]:
        raise NotFound("field", ", ".join(row["missingFields"]), "fields")


@dataclass
class InstitutionDraft:
    """An institution as registered through the API, before validation."""

    name: str
    type: str
    region: str
    credit_code: str | None = None
    high_tech: bool = False
    tech_sme: bool = False
    fields: list[str] = field(default_factory=list)


@dataclass
class InstitutionChanges:
    """An institution's own values, as registered or corrected; None is unchanged (in a correction)."""

    name: str | None = None
    type: str | None = None
    region: str | None = None
    credit_code: str | None = None
    fields: list[str] | None = None


def institution_values(changes: InstitutionChanges) -> dict[str, Any]:
    """Validate an institution's name, type and credit code; return those given as its properties."""
    props: dict[str, Any] = {}
    if changes.name is not None:
        name = INSTITUTION_NAME.check_field(" ".join(changes.name.split()), "name")
        if not name:
            raise InvalidInput("A name is needed.", "单位名称不能为空", "name")
        props["name"] = name
    if changes.type is not None:
        if changes.type not in codes(InstitutionType):
            raise InvalidInput(f"Unknown institution type {changes.type!r}.", f"未知的单位类型:{changes.type}", "type")
        props["type"] = changes.type
    if changes.credit_code is not None:
        try:
            props["creditCode"] = check_credit_code(changes.credit_code)
        except InvalidValue as bad:
            raise InvalidInput(bad.reason_en, bad.reason_zh, "creditCode") from None
    return props


async def register_institution(db: Database, draft: InstitutionDraft, caller: Caller) -> str:
    """Validate and create an institution; return its id. A duplicate credit code is a Conflict."""
    props: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        **institution_values(InstitutionChanges(draft.name, draft.type, credit_code=draft.credit_code or None)),
        "highTech": draft.high_tech,
        "techSme": draft.tech_sme,
    }

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        [row] = await tx.run("institutions/references", region=draft.region, fields=draft.fields)
        if row["missingRegion"] is not None:
            raise NotFound("region", row["missingRegion"], "regionCode")
        if row["missingFields"]:
            raise NotFound("field", ", ".join(row["missingFields"]), "fields")
        rows = await tx.run("institutions/register", props=props, region=draft.region, fields=draft.fields)
        return str(rows[0]["id"]), [str(rows[0]["id"])]

    return await audited(db, caller, "registerInstitution", work)


async def update_institution(db: Database, institution: str, changes: InstitutionChanges, caller: Caller) -> str:
    """Correct an institution's name, type, credit code, region or fields in one transaction, recounting whom it
    changes: a new region or type moves the statistics of everyone who ever worked there, a new name the search
    documents of its current staff. A credit code another institution has is a Conflict. Return its id."""
    props = institution_values(changes)

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await lock_record(tx, caller, "institution", institution)
        [row] = await tx.run("institutions/references", region=changes.region, fields=changes.fields or [])
        if row["missingRegion"] is not None:
            raise NotFound("region", row["missingRegion"], "regionCode")
        if row["missingFields"]:
            raise NotFound("field", ", ".join(row["missingFields"]), "fields")
        counted = changes.region is not None or changes.type is not None
        people = (
            [row["id"] for row in await tx.run("institutions/staff", id=institution, current=not counted)]
            if counted or changes.name is not None
            else []
        )
        await tx.run("institutions/update", id=institution, props=props, region=changes.region, fields=changes.fields)
        await refresh_people(tx, people)
        return institution, [institution]

    return await audited(db, caller, "updateInstitution", work)
