"""Innovation R&D platforms (创新研发平台): technology innovation centres, key labs and others, by level."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from graph.access import Caller, check_write
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import InvalidInput, NotFound
from graph.listing import ListSpec, Page, SortKey, by_ids, count, fetch_page
from graph.teams import LEVELS

PLATFORMS = ListSpec(domain="platforms", variable="pl", projection_slot="PLATFORM", item="platform")
PLATFORM_ORDER = {
    "NAME": SortKey("pl.name", "pl.name IS NOT NULL"),
    "ESTABLISHED_ON": SortKey("toString(pl.establishedOn)"),
}
KINDS = ("TECH_INNOVATION_CENTER", "INDUSTRIAL_TECH_INSTITUTE", "KEY_LAB", "ENGINEERING_CENTER", "ENTERPRISE_RD_CENTER")
EARLIEST = dt.date(1949, 10, 1)


@dataclass(frozen=True)
class PlatformFilter:
    """What a platform list is filtered by; None means "any"."""

    institution: str | None = None
    kind: str | None = None
    level: str | None = None
    field: str | None = None
    name: str | None = None

    def names(self) -> dict[str, Any]:
        return {
            "institution": self.institution,
            "kind": self.kind,
            "level": self.level,
            "field": self.field,
            "name": self.name,
        }

    def params(self) -> dict[str, Any]:
        return self.names()


async def list_platforms(
    db: Database, where: PlatformFilter, order: str, descending: bool, first: int, after: str | None
) -> Page:
    """One page of platforms matching `where`."""
    return await fetch_page(
        db, PLATFORMS, where.names(), where.params(), PLATFORM_ORDER[order], descending, first, after
    )


async def count_platforms(db: Database, where: PlatformFilter) -> int:
    """How many platforms match `where`."""
    return await count(db, PLATFORMS, where.names(), where.params())


async def platforms_by_ids(db: Database, ids: list[str]) -> list[dict[str, Any] | None]:
    """Platforms by id, in the order asked; None where there is none."""
    return await by_ids(db, PLATFORMS, ids)


@dataclass
class PlatformDraft:
    """A platform as registered, before validation; `institution` None means the caller's own."""

    name: str
    kind: str
    level: str
    established_on: dt.date
    institution: str | None = None
    fields: list[str] = field(default_factory=list)


async def register_platform(db: Database, draft: PlatformDraft, caller: Caller, today: dt.date | None = None) -> str:
    """Validate and register a platform at its host institution; return its id."""
    today = today or dt.date.today()
    name = " ".join(draft.name.split())
    if not name or len(name) > 100:
        raise InvalidInput(
            "A platform needs a name of at most 100 characters.", "平台名称不能为空,且不超过100个字符", "name"
        )
    institution = caller.own_institution(draft.institution)
    if institution is None:
        raise InvalidInput("Name the host institution.", "请填写平台依托单位", "institutionId")
    check_write(caller, institution, "platforms")
    if draft.kind not in KINDS:
        raise InvalidInput(f"Unknown platform kind {draft.kind!r}.", f"未知的平台类别:{draft.kind}", "kind")
    if draft.level not in LEVELS:
        raise InvalidInput(f"Unknown level {draft.level!r}.", f"未知的级别:{draft.level}", "level")
    if not EARLIEST <= draft.established_on <= today:
        raise InvalidInput(
            f"establishedOn must be between {EARLIEST} and today.", f"设立日期须在{EARLIEST}至今天之间", "establishedOn"
        )
    props = {
        "id": str(uuid.uuid4()),
        "name": name,
        "kind": draft.kind,
        "level": draft.level,
        "establishedOn": draft.established_on,
    }

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        [row] = await tx.run("institutions/host_references", institution=institution, fields=draft.fields)
        if row["missingInstitution"] is not None:
            raise NotFound("institution", institution, "institutionId")
        if row["missingFields"]:
            raise NotFound("field", ", ".join(row["missingFields"]), "fields")
        [created] = await tx.run("platforms/register", props=props, institution=institution, fields=draft.fields)
        return str(created["id"]), [str(created["id"])]

    return await audited(db, caller, "registerPlatform", work)
