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
from graph.listing import ListSpec, Page, SortKey, by_ids, count, fetch_page
from graph.migrations import read_reference

INSTITUTIONS = ListSpec(domain="institutions", variable="i", projection_slot="INSTITUTION", item="institution")
INSTITUTION_TYPES = {row["code"]: row for row in read_reference("institution_types")}

#: The orders an institution list may take.
INSTITUTION_ORDER = {
    "NAME": SortKey("i.name", "i.name IS NOT NULL"),
    "ID": SortKey("i.id", "i.id IS NOT NULL"),
}


@dataclass(frozen=True)
class InstitutionFilter:
    """What an institution list is filtered by; None means "any"."""

    id: str | None = None
    region: str | None = None
    type: str | None = None
    field: str | None = None
    name: str | None = None
    high_tech: bool | None = None
    tech_sme: bool | None = None

    def names(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "region": self.region,
            "type": self.type,
            "field": self.field,
            "name": self.name,
            "high_tech": self.high_tech,
            "tech_sme": self.tech_sme,
        }

    def params(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "region": self.region,
            "type": self.type,
            "field": self.field,
            "name": self.name,
            "highTech": self.high_tech,
            "techSme": self.tech_sme,
        }


async def list_institutions(
    db: Database, where: InstitutionFilter, order: str, descending: bool, first: int, after: str | None
) -> Page:
    """One page of institutions matching `where`."""
    return await fetch_page(
        db, INSTITUTIONS, where.names(), where.params(), INSTITUTION_ORDER[order], descending, first, after
    )


async def count_institutions(db: Database, where: InstitutionFilter) -> int:
    """How many institutions match `where`."""
    return await count(db, INSTITUTIONS, where.names(), where.params())


async def institutions_by_ids(db: Database, ids: list[str]) -> list[dict[str, Any] | None]:
    """Institutions by id, in the order asked; None where there is none."""
    return await by_ids(db, INSTITUTIONS, ids)


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
    name = " ".join(draft.name.split())
    if not name or len(name) > 100:
        raise InvalidInput("A name is needed, at most 100 characters.", "单位名称不能为空,且不超过100个字符", "name")
    if draft.type not in INSTITUTION_TYPES:
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
