"""Institutions: list, fetch and register."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from graph.access import Caller
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import InvalidInput, InvalidValue, NotFound
from graph.identity import check_credit_code
from graph.listing import Filter, Listing, SortKey
from graph.text import INSTITUTION_NAME
from graph.vocabulary import InstitutionType, codes

INSTITUTIONS = Listing(
    domain="institutions",
    variable="i",
    projection_slot="INSTITUTION",
    item="institution",
    orders={"NAME": SortKey("i.name", "i.name IS NOT NULL"), "ID": SortKey("i.id", "i.id IS NOT NULL")},
)


@dataclass(frozen=True)
class InstitutionFilter(Filter):
    """What an institution list is filtered by (institutions/filter/*); None means "any"."""

    id: str | None = None
    region: str | None = None
    type: str | None = None
    field: str | None = None
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


async def register_institution(db: Database, draft: InstitutionDraft, caller: Caller) -> str:
    """Validate and create an institution; return its id. A duplicate credit code is a Conflict."""
    name = INSTITUTION_NAME.check_field(" ".join(draft.name.split()), "name")
    if not name:
        raise InvalidInput("A name is needed.", "单位名称不能为空", "name")
    if draft.type not in codes(InstitutionType):
        raise InvalidInput(f"Unknown institution type {draft.type!r}.", f"未知的单位类型:{draft.type}", "type")
    props: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "name": name,
        "type": draft.type,
        "highTech": draft.high_tech,
        "techSme": draft.tech_sme,
    }
    if draft.credit_code:
        try:
            props["creditCode"] = check_credit_code(draft.credit_code)
        except InvalidValue as bad:
            raise InvalidInput(bad.reason_en, bad.reason_zh, "creditCode") from None

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        [row] = await tx.run("institutions/references", region=draft.region, fields=draft.fields)
        if row["missingRegion"] is not None:
            raise NotFound("region", row["missingRegion"], "regionCode")
        if row["missingFields"]:
            raise NotFound("field", ", ".join(row["missingFields"]), "fields")
        rows = await tx.run("institutions/register", props=props, region=draft.region, fields=draft.fields)
        return str(rows[0]["id"]), [str(rows[0]["id"])]

    return await audited(db, caller, "registerInstitution", work)
