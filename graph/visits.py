"""Foreign experts (a Person with the ForeignExpert label) and their visits (人次), hosted by institutions."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Any

from graph.access import Caller, check_write, may_read
from graph.audit import audited
from graph.countries import country_input
from graph.database import Database, Transaction
from graph.errors import Conflict, InvalidInput, InvalidValue, NotFound
from graph.identity import check_passport_number, check_residence_card, hash_id_number, hash_passport, is_residence_card
from graph.listing import Filter, Listing, Range, SortKey
from graph.people import PersonDraft, create_person, person_properties, registering
from graph.records import lock_record
from graph.text import FREE_TEXT, NAME, TextRule

VISITS = Listing(
    domain="visits",
    variable="v",
    projection_slot="VISIT",
    item="visit",
    orders={
        "ARRIVED_ON": SortKey("toString(v.arrivedOn)", "v.arrivedOn IS NOT NULL"),
        "DEPARTED_ON": SortKey("coalesce(toString(v.departedOn), '')"),
        "ID": SortKey("v.id", "v.id IS NOT NULL"),
    },
)
EARLIEST = dt.date(1949, 10, 1)


@dataclass(frozen=True)
class VisitFilter(Filter):
    """What a visit list (person-visits, 人次) is filtered by (visits/filter/*); None means "any"."""

    expert: tuple[str, ...] | None = None
    institution: tuple[str, ...] | None = None
    arrived_on: Range | None = None
    high_end: bool | None = None
    program: str | None = None
    nationality: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Passport:
    """A passport as given: its number and issuing country (a code or a name), before validation."""

    number: str
    country: str


def foreign_identity(
    draft: PersonDraft, passport: Passport | None, salt: str, today: dt.date
) -> tuple[PersonDraft, dict[str, str]]:
    """Validate a foreign expert's identification: a passport, or a Chinese identity number or permanent-residence
    card number, or both. Return the draft left for `person_properties` (which checks and hashes a resident identity
    number itself) and the identity hashes to add to the expert's properties."""
    if passport is None and not draft.id_number:
        raise InvalidInput(
            "Identify the expert: give a passport (number and issuing country), or a Chinese identity number or "
            "permanent-residence card number.",
            "请填写专家的护照(号码和签发国),或中国身份证号码、外国人永久居留身份证号码",
            "passport",
        )
    hashes: dict[str, str] = {}
    if passport is not None:
        try:
            number = check_passport_number(passport.number)
        except InvalidValue as bad:
            raise InvalidInput(bad.reason_en.capitalize() + ".", bad.reason_zh, "passport.number") from None
        country = country_input(passport.country, "passport.country")
        hashes["passportHash"] = hash_passport(country, number, salt)
    if draft.id_number and is_residence_card(draft.id_number):
        try:
            card = check_residence_card(draft.id_number)
        except InvalidValue as bad:
            raise InvalidInput(bad.reason_en.capitalize() + ".", bad.reason_zh, "idNumber") from None
        hashes["idHash"] = hash_id_number(card, salt)
        draft = replace(draft, id_number=None)
    return draft, hashes


async def register_foreign_expert(
    db: Database,
    draft: PersonDraft,
    nationality: str,
    high_end: bool,
    salt: str,
    caller: Caller,
    passport: Passport | None = None,
    today: dt.date | None = None,
) -> str:
    """Validate and register a person as a foreign expert (nationality, high-end flag), identified as the loader
    identifies them (by passport, or identity or residence-card number); return the id."""
    code = country_input(nationality, "nationality", foreign=True)
    today = today or dt.date.today()
    draft, hashes = foreign_identity(draft, passport, salt, today)
    draft = replace(draft, institution=caller.own_institution(draft.institution))
    props = {**person_properties(draft, salt, today), **hashes}

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        person_id = await create_person(tx, draft, props, caller)
        await tx.run("visits/mark_foreign_expert", id=person_id, nationality=code, highEnd=high_end)
        return person_id, [person_id]

    return await registering(lambda: audited(db, caller, "registerForeignExpert", work))


async def _check_dates(
    tx: Transaction,
    caller: Caller,
    expert: str,
    institution: str,
    arrived_on: dt.date,
    departed_on: dt.date | None,
    visit: str | None = None,
) -> None:
    """Lock `expert` and refuse a visit of theirs from `arrived_on` to `departed_on` that shares a day with another
    of their visits (but `visit`, the one corrected), or names an expert or host that does not exist."""
    if arrived_on < EARLIEST:
        raise InvalidInput(f"arrivedOn is before {EARLIEST}.", f"到达日期早于{EARLIEST}", "arrivedOn")
    if departed_on is not None and departed_on < arrived_on:
        raise InvalidInput("departedOn is before arrivedOn.", "离开日期早于到达日期", "departedOn")
    # The expert's visits are compared under their lock: a concurrent visit of theirs waits, then sees this one.
    await tx.run("people/lock", id=expert)
    [row] = await tx.run(
        "visits/references",
        expert=expert,
        institution=institution,
        arrivedOn=arrived_on,
        departedOn=departed_on,
        visit=visit,
    )
    if not row["expertExists"]:
        raise NotFound("foreign expert", expert, "expertId")
    if not row["foreignExpert"]:
        raise InvalidInput(
            f"Person {expert} is not registered as a foreign expert.",
            f"人员 {expert} 未登记为外国专家",
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
    props = {
        "id": str(uuid.uuid4()),
        "arrivedOn": draft.arrived_on,
        "departedOn": draft.departed_on,
        "program": _text(draft.program, NAME, "program"),
        "purpose": _text(draft.purpose, FREE_TEXT, "purpose"),
    }

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await _check_dates(tx, caller, draft.expert, institution, draft.arrived_on, draft.departed_on)
        [created] = await tx.run(
            "visits/record",
            props={k: v for k, v in props.items() if v is not None},
            expert=draft.expert,
            institution=institution,
        )
        return str(created["id"]), [str(created["id"]), draft.expert]

    return await audited(db, caller, "recordVisit", work)


@dataclass(frozen=True)
class VisitChanges:
    """Corrections to a visit; fields left None are unchanged."""

    arrived_on: dt.date | None = None
    departed_on: dt.date | None = None
    program: str | None = None
    purpose: str | None = None


async def update_visit(db: Database, visit: str, changes: VisitChanges, caller: Caller) -> str:
    """Correct a visit in one transaction, under the same rules as recording it (dates in order, no overlap with
    another visit of the expert); allowed to the callers who may change its host's records. Return its id."""
    props: dict[str, Any] = {
        "arrivedOn": changes.arrived_on,
        "departedOn": changes.departed_on,
        "program": _text(changes.program, NAME, "program"),
        "purpose": _text(changes.purpose, FREE_TEXT, "purpose"),
    }

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        scope = await lock_record(tx, caller, "visit", visit)
        [current] = await tx.run("visits/dates", id=visit)
        arrived = changes.arrived_on or current["arrivedOn"].to_native()
        departed = changes.departed_on or (current["departedOn"].to_native() if current["departedOn"] else None)
        [host] = scope["institutions"]
        await _check_dates(tx, caller, current["expert"], host, arrived, departed, visit)
        await tx.run("visits/update", id=visit, props={k: v for k, v in props.items() if v is not None})
        return visit, [visit]

    return await audited(db, caller, "updateVisit", work)


@dataclass(frozen=True)
class ExpertChanges:
    """Corrections to a foreign expert; fields left None are unchanged."""

    nationality: str | None = None
    high_end: bool | None = None
    passport: Passport | None = None


async def update_foreign_expert(db: Database, expert: str, changes: ExpertChanges, salt: str, caller: Caller) -> str:
    """Correct a foreign expert's nationality, high-end flag or passport in one transaction; allowed to the callers
    who may change the person (graph/access.py: an expert nobody employs, to administrators). A passport another
    person carries is a Conflict that names nobody. Return the id."""
    props: dict[str, Any] = {}
    if changes.nationality is not None:
        props["nationality"] = country_input(changes.nationality, "nationality", foreign=True)
    if changes.high_end is not None:
        props["highEnd"] = changes.high_end
    if changes.passport is not None:
        _, hashes = foreign_identity(PersonDraft(name=""), changes.passport, salt, dt.date.today())
        props.update(hashes)

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await lock_record(tx, caller, "person", expert)
        if "passportHash" in props:
            holders = await tx.run("people/identity_holders", hashes=[props["passportHash"]])
            if any(holder["id"] != expert for holder in holders):
                raise Conflict("Another person already carries this passport.", "该护照已登记为其他人员", "passport")
        if not await tx.run("visits/update_expert", id=expert, props=props):
            raise InvalidInput(
                f"Person {expert} is not registered as a foreign expert.", f"人员 {expert} 未登记为外国专家", "id"
            )
        return expert, [expert]

    return await audited(db, caller, "updateForeignExpert", work)
