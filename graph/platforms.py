"""Innovation R&D platforms (创新研发平台): technology innovation centres, key labs and others, by level."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from graph.access import Caller, check_write
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import InvalidInput
from graph.institutions import check_host
from graph.listing import Filter, Listing, SortKey
from graph.text import NAME
from graph.vocabulary import Level, PlatformKind, codes

PLATFORMS = Listing(
    domain="platforms",
    variable="pl",
    projection_slot="PLATFORM",
    item="platform",
    orders={"NAME": SortKey("pl.name", "pl.name IS NOT NULL"), "ESTABLISHED_ON": SortKey("toString(pl.establishedOn)")},
)
EARLIEST = dt.date(1949, 10, 1)


@dataclass(frozen=True)
class PlatformFilter(Filter):
    """What a platform list is filtered by (platforms/filter/*); None means "any"."""

    institution: str | None = None
    kind: str | None = None
    level: str | None = None
    field: str | None = None
    name: str | None = None


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
    name = NAME.check_field(" ".join(draft.name.split()), "name")
    if not name:
        raise InvalidInput("A platform needs a name.", "平台名称不能为空", "name")
    institution = caller.own_institution(draft.institution)
    if institution is None:
        raise InvalidInput("Name the host institution.", "请填写平台依托单位", "institutionId")
    check_write(caller, institution, "platforms")
    if draft.kind not in codes(PlatformKind):
        raise InvalidInput(f"Unknown platform kind {draft.kind!r}.", f"未知的平台类别:{draft.kind}", "kind")
    if draft.level not in codes(Level):
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
        await check_host(tx, institution, draft.fields)
        [created] = await tx.run("platforms/register", props=props, institution=institution, fields=draft.fields)
        return str(created["id"]), [str(created["id"])]

    return await audited(db, caller, "registerPlatform", work)
