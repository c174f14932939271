"""Innovation R&D platforms (创新研发平台): technology innovation centres, key labs and others, by level."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from graph.access import Caller, check_record, check_write, missing
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import Conflict, InvalidInput, NotFound
from graph.institutions import check_host
from graph.listing import Filter, Listing, Range, SortKey
from graph.records import lock_record
from graph.text import NAME
from graph.vocabulary import Level, PlatformKind, PlatformRole, codes

PLATFORMS = Listing(
    domain="platforms",
    variable="pl",
    projection_slot="PLATFORM",
    item="platform",
    orders={
        "NAME": SortKey("pl.name", "pl.name IS NOT NULL"),
        # A platform without a date sorts first: a cursor's key is never null.
        "ESTABLISHED_ON": SortKey("coalesce(toString(pl.establishedOn), '')"),
        "LEVEL": SortKey("coalesce(pl.level, '')"),
        "KIND": SortKey("coalesce(pl.kind, '')"),
    },
)
EARLIEST = dt.date(1949, 10, 1)


@dataclass(frozen=True)
class PlatformFilter(Filter):
    """What a platform list is filtered by (platforms/filter/*); None means "any"."""

    institution: tuple[str, ...] | None = None
    kind: tuple[str, ...] | None = None
    level: tuple[str, ...] | None = None
    field: tuple[str, ...] | None = None
    name: str | None = None
    established_on: Range | None = None


@dataclass
class PlatformDraft:
    """A platform as registered, before validation; `institution` None means the caller's own."""

    name: str
    kind: str
    level: str
    established_on: dt.date
    institution: str | None = None
    fields: list[str] = field(default_factory=list)


@dataclass
class PlatformChanges:
    """A platform's own values, as registered or corrected; None is unchanged (in a correction)."""

    name: str | None = None
    kind: str | None = None
    level: str | None = None
    established_on: dt.date | None = None
    fields: list[str] | None = None


def platform_values(changes: PlatformChanges, today: dt.date) -> dict[str, Any]:
    """Validate a platform's values; return them as its properties (those given only)."""
    props: dict[str, Any] = {}
    if changes.name is not None:
        name = NAME.check_field(" ".join(changes.name.split()), "name")
        if not name:
            raise InvalidInput("A platform needs a name.", "平台名称不能为空", "name")
        props["name"] = name
    if changes.kind is not None:
        if changes.kind not in codes(PlatformKind):
            raise InvalidInput(f"Unknown platform kind {changes.kind!r}.", f"未知的平台类别:{changes.kind}", "kind")
        props["kind"] = changes.kind
    if changes.level is not None:
        if changes.level not in codes(Level):
            raise InvalidInput(f"Unknown level {changes.level!r}.", f"未知的级别:{changes.level}", "level")
        props["level"] = changes.level
    if changes.established_on is not None:
        if not EARLIEST <= changes.established_on <= today:
            raise InvalidInput(
                f"establishedOn must be between {EARLIEST} and today.",
                f"设立日期须在{EARLIEST}至今天之间",
                "establishedOn",
            )
        props["establishedOn"] = changes.established_on
    return props


async def register_platform(db: Database, draft: PlatformDraft, caller: Caller, today: dt.date | None = None) -> str:
    """Validate and register a platform at its host institution; return its id."""
    institution = caller.own_institution(draft.institution)
    if institution is None:
        raise InvalidInput("Name the host institution.", "请填写平台依托单位", "institutionId")
    check_write(caller, institution, "platforms")
    props = {
        "id": str(uuid.uuid4()),
        **platform_values(
            PlatformChanges(draft.name, draft.kind, draft.level, draft.established_on), today or dt.date.today()
        ),
    }

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await check_host(tx, institution, draft.fields)
        [created] = await tx.run("platforms/register", props=props, institution=institution, fields=draft.fields)
        return str(created["id"]), [str(created["id"])]

    return await audited(db, caller, "registerPlatform", work)


async def update_platform(
    db: Database, platform: str, changes: PlatformChanges, caller: Caller, today: dt.date | None = None
) -> str:
    """Correct a platform's name, kind, level, establishment date or fields in one transaction; allowed to the
    callers who may change its host's records. Progress counts platforms from the graph as it reads it, so nothing
    else is recounted. Return its id."""
    props = platform_values(changes, today or dt.date.today())

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await lock_record(tx, caller, "platform", platform)
        if changes.fields is not None:
            [row] = await tx.run("institutions/host_references", institution=None, fields=changes.fields)
            if row["missingFields"]:
                raise NotFound("field", ", ".join(row["missingFields"]), "fields")
        await tx.run("platforms/update", id=platform, props=props, fields=changes.fields)
        return platform, [platform]

    return await audited(db, caller, "updatePlatform", work)


@dataclass(frozen=True)
class RoleDraft:
    """A role at a platform as assigned, before validation; `since` None means today."""

    person: str
    role: str
    since: dt.date | None = None
    invited: bool = False


async def assign_platform_role(
    db: Database, platform_id: str, draft: RoleDraft, caller: Caller, today: dt.date | None = None
) -> str:
    """Give a person a role at a platform of the caller's institution; return the platform's id."""
    today = today or dt.date.today()
    if draft.role not in codes(PlatformRole):
        raise InvalidInput(f"Unknown platform role {draft.role!r}.", f"未知的平台角色:{draft.role}", "role")
    since = draft.since or today
    if not EARLIEST <= since <= today:
        raise InvalidInput(f"since must be between {EARLIEST} and today.", f"任职日期须在{EARLIEST}至今天之间", "since")

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        rows = await tx.run("platforms/role_references", platform=platform_id, person=draft.person)
        if not rows:
            raise missing(caller, "platform", platform_id, "platformId")
        [row] = rows
        check_record(caller, [row["institution"]], "platform", platform_id, "platformId")
        if not row["exists"]:
            raise NotFound("person", draft.person, "personId")
        if not row["local"] and not draft.invited:
            raise InvalidInput(
                f"Person {draft.person} does not work at the platform's host institution: "
                "set `invited: true` to invite them from elsewhere.",
                f"人员 {draft.person} 不在平台依托单位任职:如从外单位邀请,请设置 invited: true",
                "personId",
            )
        if row["holds"]:
            raise Conflict(
                f"Person {draft.person} already holds a role at platform {platform_id}.",
                f"人员 {draft.person} 已在平台 {platform_id} 任职",
                "personId",
            )
        established = row["establishedOn"]
        if established is not None and since < established.to_native():
            raise InvalidInput(
                f"since cannot be before the platform was established ({established}).",
                f"任职日期不能早于平台设立日期({established})",
                "since",
            )
        await tx.run(
            "platforms/assign_role",
            platform=platform_id,
            person=draft.person,
            role=draft.role,
            since=since,
            invited=draft.invited,
        )
        return platform_id, [platform_id, draft.person]

    return await audited(db, caller, "assignPlatformRole", work)
