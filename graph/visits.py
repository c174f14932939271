"""Foreign experts (a Person with the ForeignExpert label) and their visits (人次), hosted by institutions."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, replace

from graph.access import Caller, check_write, may_read
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import Conflict, InvalidInput, NotFound
from graph.listing import Filter, Listing, SortKey
from graph.people import PersonDraft, create_person, person_properties, registering
from graph.text import FREE_TEXT, NAME, TextRule

VISITS = Listing(
    domain="visits",
    variable="v",
    projection_slot="VISIT",
    item="visit",
    orders={"ARRIVED_ON": SortKey("toString(v.arrivedOn)", "v.arrivedOn IS NOT NULL")},
)
_COUNTRY = re.compile(r"^[A-Z]{2}$")
EARLIEST = dt.date(1949, 10, 1)


@dataclass(frozen=True)
class VisitFilter(Filter):
    """What a visit list (person-visits, 人次) is filtered by (visits/filter/*); None means "any"."""

    expert: str | None = None
    institution: str | None = None
    arrived_from: dt.date | None = None
    arrived_to: dt.date | None = None
    high_end: bool | None = None
    program: str | None = None


async def register_foreign_expert(
    db: Database,
    draft: PersonDraft,
    nationality: str,
    high_end: bool,
    salt: str,
    caller: Caller,
    today: dt.date | None = None,
) -> str:
    """Validate and register a person as a foreign expert (nationality, high-end flag); return the id."""
    code = nationality.strip().upper()
    if not _COUNTRY.match(code):
        raise InvalidInput(
            "nationality is an ISO 3166-1 alpha-2 code such as DE or JP.",
            "国籍应为ISO 3166-1两位字母代码,如 DE、JP",
            "nationality",
        )
    draft = replace(draft, institution=caller.own_institution(draft.institution))
    props = person_properties(draft, salt, today or dt.date.today())

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        person_id = await create_person(tx, draft, props, caller)
        await tx.run("visits/mark_foreign_expert", id=person_id, nationality=code, highEnd=high_end)
        return person_id, [person_id]

    return await registering(lambda: audited(db, caller, "registerForeignExpert", work))


@dataclass
class VisitDraft:
    """A visit as recorded, before validation; `institution` None means the caller's own."""

    expert: str
    arrived_on: dt.date
    departed_on: dt.date | None = None
    institution: str | None = None
    program: str | None = None
    purpose: str | None = None


def _text(value: str | None, rule: TextRule, field_name: str) -> str | None:
    cleaned = " ".join(value.split()) if value else ""
    return rule.check_field(cleaned, field_name) if cleaned else None


async def record_visit(db: Database, draft: VisitDraft, caller: Caller) -> str:
    """Validate and record a visit; refused when it shares a day with another visit of the same expert."""
    institution = caller.own_institution(draft.institution)
    if institution is None:
        raise InvalidInput("Name the host institution.", "请填写接待单位", "institutionId")
    check_write(caller, institution, "visits")
    if draft.arrived_on < EARLIEST:
        raise InvalidInput(f"arrivedOn is before {EARLIEST}.", f"到达日期早于{EARLIEST}", "arrivedOn")
    if draft.departed_on is not None and draft.departed_on < draft.arrived_on:
        raise InvalidInput("departedOn is before arrivedOn.", "离开日期早于到达日期", "departedOn")
    props = {
        "id": str(uuid.uuid4()),
        "arrivedOn": draft.arrived_on,
        "departedOn": draft.departed_on,
        "program": _text(draft.program, NAME, "program"),
        "purpose": _text(draft.purpose, FREE_TEXT, "purpose"),
    }

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        # The expert's visits are compared under their lock: a concurrent visit of theirs waits, then sees this one.
        await tx.run("people/lock", id=draft.expert)
        [row] = await tx.run(
            "visits/references",
            expert=draft.expert,
            institution=institution,
            arrivedOn=draft.arrived_on,
            departedOn=draft.departed_on,
        )
        if not row["expertExists"]:
            raise NotFound("foreign expert", draft.expert, "expertId")
        if not row["foreignExpert"]:
            raise InvalidInput(
                f"Person {draft.expert} is not registered as a foreign expert.",
                f"人员 {draft.expert} 未登记为外国专家",
                "expertId",
            )
        if not row["institutionExists"]:
            raise NotFound("institution", institution, "institutionId")
        if row["overlapping"]:
            other = row["overlapping"][0]
            # Only a visit the caller may read is named: another institution's does not exist for it.
            which, which_zh = (
                (f"visit {other['id']}", f"来访记录 {other['id']}")
                if may_read(caller, [other["institution"]])
                else ("a visit hosted by another institution", "在其他单位的一次来访")
            )
            raise Conflict(
                f"The expert's {which} shares days with this one.", f"该专家{which_zh}与本次日期重叠", "arrivedOn"
            )
        [created] = await tx.run(
            "visits/record",
            props={k: v for k, v in props.items() if v is not None},
            expert=draft.expert,
            institution=institution,
        )
        return str(created["id"]), [str(created["id"]), draft.expert]

    return await audited(db, caller, "recordVisit", work)
