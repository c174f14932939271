"""People: list, fetch, register and update, with their employment and fields."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph.access import Caller, check_record, check_write, may_read, missing
from graph.audit import audited
from graph.database import Database, Transaction
from graph.derived import refresh_people
from graph.errors import Conflict, DuplicateKey, InvalidInput, InvalidValue, NotFound
from graph.identity import check_id_number, hash_id_number
from graph.listing import Filter, Listing, Range, SortKey
from graph.names import compact, pinyin_of
from graph.text import KEYWORD, PERSON_NAME

#: The orders a people list may take: the only sort expressions that ever reach Cypher.
PEOPLE_ORDER = {
    "PINYIN": SortKey("p.pinyin", "p.pinyin IS NOT NULL"),
    "NAME": SortKey("p.name", "p.name IS NOT NULL"),
    "BIRTH_YEAR": SortKey("coalesce(p.birthYear, 0)"),
    "ID": SortKey("p.id", "p.id IS NOT NULL"),
}
PEOPLE = Listing(domain="people", variable="p", projection_slot="PERSON", item="person", orders=PEOPLE_ORDER)

EARLIEST_BIRTH_YEAR = 1920
#: The properties that identify a person, each a salted hash (graph/identity.py): an identity number's
#: (a resident's, or a foreigner's permanent-residence card), and a foreign expert's passport's.
IDENTITY_KEYS = ("idHash", "passportHash")
MAX_KEYWORDS = 20


@dataclass(frozen=True)
class PeopleFilter(Filter):
    """What a people list is filtered by (people/filter/*); None means "any"."""

    region: tuple[str, ...] | None = None
    institution: tuple[str, ...] | None = None
    institution_type: tuple[str, ...] | None = None
    field: tuple[str, ...] | None = None
    series: tuple[str, ...] | None = None
    level: tuple[str, ...] | None = None
    name: str | None = None
    birth_year: Range | None = None
    foreign_expert: bool | None = None
    nationality: tuple[str, ...] | None = None
    consent_to_contact: bool | None = None

    def params(self) -> dict[str, Any]:
        # A name is also matched as the start of the compact pinyin.
        pinyin = self.name.lower().strip() if self.name else None
        return {**super().params(), "pinyin": compact(pinyin) if pinyin else None}


#: The registrations referred to the bureau because another person holds their identity number, newest
#: first (its one order); epoch milliseconds keep the cursor a plain number. It takes no filter: `Filter()`.
REFERRALS = Listing(
    domain="people/referrals",
    variable="r",
    projection_slot="REFERRAL",
    item="referral",
    orders={"AT": SortKey("r.at.epochMillis", "r.at IS NOT NULL")},
)


@dataclass
class PersonDraft:
    """A person as registered through the API, before validation."""

    name: str
    gender: str | None = None
    birth_year: int | None = None
    degree: str | None = None
    id_number: str | None = None
    email: str | None = None
    phone: str | None = None
    consent_to_contact: bool = False
    institution: str | None = None
    role: str | None = None
    since: dt.date | None = None
    fields: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


def _check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("A name is needed.", "姓名不能为空", "name")
    return PERSON_NAME.check_field(cleaned, "name")


def _check_keywords(keywords: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(" ".join(word.split()) for word in keywords if word.strip()))
    if len(cleaned) > MAX_KEYWORDS:
        raise InvalidInput(f"At most {MAX_KEYWORDS} keywords.", f"关键词最多{MAX_KEYWORDS}个", "keywords")
    return [KEYWORD.check_field(word, "keywords") for word in cleaned]


def _check_birth_year(year: int | None, today: dt.date) -> None:
    if year is not None and not EARLIEST_BIRTH_YEAR <= year <= today.year - 16:
        raise InvalidInput(
            f"birthYear must be between {EARLIEST_BIRTH_YEAR} and {today.year - 16}.",
            f"出生年份须在{EARLIEST_BIRTH_YEAR}至{today.year - 16}之间",
            "birthYear",
        )


def _check_contact(email: str | None, phone: str | None) -> None:
    if email is not None and (email.count("@") != 1 or "." not in email.split("@")[1] or " " in email):
        raise InvalidInput(f"{email!r} is not an email address.", f"电子邮箱格式不正确:{email}", "email")
    if phone is not None and not (
        7 <= len([c for c in phone if c.isdigit()]) <= 15 and set(phone) <= set("0123456789+- ()")
    ):
        raise InvalidInput(f"{phone!r} is not a phone number.", f"联系电话格式不正确:{phone}", "phone")


async def _check_references(
    tx: Transaction, institution: str | None, fields: list[str], person: str | None = None
) -> None:
    [row] = await tx.run("people/references", institution=institution, fields=fields, person=person)
    if row["missingPerson"] is not None:
        raise NotFound("person", row["missingPerson"], "id")
    if row["missingInstitution"] is not None:
        raise NotFound("institution", row["missingInstitution"], "institutionId")
    if row["missingFields"]:
        raise NotFound("field", ", ".join(row["missingFields"]), "fields")


def person_properties(draft: PersonDraft, salt: str, today: dt.date) -> dict[str, Any]:
    """Validate a draft; return the new person's properties (id included, the identity number only hashed)."""
    name = _check_name(draft.name)
    _check_birth_year(draft.birth_year, today)
    _check_contact(draft.email, draft.phone)
    props: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "name": name,
        "pinyin": pinyin_of(name),
        "gender": draft.gender,
        "birthYear": draft.birth_year,
        "degree": draft.degree,
        "email": draft.email,
        "phone": draft.phone,
        "consentToContact": draft.consent_to_contact,
        "keywords": _check_keywords(draft.keywords),
    }
    if draft.id_number:
        try:
            info = check_id_number(draft.id_number, today)
        except InvalidValue as bad:
            raise InvalidInput(bad.reason_en, bad.reason_zh, "idNumber") from None
        if draft.birth_year is not None and info.birth_date.year != draft.birth_year:
            raise InvalidInput(
                "The identity number's birth date does not agree with birthYear.",
                "身份证号码中的出生日期与出生年份不一致",
                "idNumber",
            )
        props["idHash"] = hash_id_number(draft.id_number, salt)
        props["birthYear"] = props["birthYear"] or info.birth_date.year
        props["gender"] = props["gender"] or ("MALE" if info.is_male else "FEMALE")
    if draft.institution is None and (draft.role or draft.since):
        raise InvalidInput(
            "role and since describe an employment: give institutionId too.",
            "职务和入职时间需与单位一同填写",
            "institutionId",
        )
    return {key: value for key, value in props.items() if value is not None}


async def create_person(tx: Transaction, draft: PersonDraft, props: dict[str, Any], caller: Caller) -> str:
    """Create a validated person in `tx`, with employment and fields; an institution key only for its own staff.

    An identity number or passport (`IDENTITY_KEYS`) that someone already carries is a Conflict naming them
    when the caller may see their record; otherwise the person is registered without it and the match is
    referred to the bureau (an IdentityReferral), answered exactly as the registration of a number nobody
    holds: an institution learns nothing of other institutions' staff (docs/security.md)."""
    # An institution registers its own staff: the employer is its own (the default, in register_person).
    check_write(caller, draft.institution, "people")
    await _check_references(tx, draft.institution, draft.fields)
    # A person is identified by an identity (or residence-card) number, a foreign expert by passport as well.
    hashes = {props[key]: key for key in IDENTITY_KEYS if key in props}
    held: list[str] = []
    if hashes:
        holders = await tx.run("people/identity_holders", hashes=list(hashes))
        seen = next((holder for holder in holders if may_read(caller, holder["employers"])), None)
        if seen is not None:
            en, zh, field_name = (
                ("passport", "护照", "passport")
                if seen["byPassport"]
                else ("identity number", "身份证号码", "idNumber")
            )
            raise Conflict(
                f"Person {seen['id']} already has this {en}.", f"该{zh}已登记为人员 {seen['id']}", field_name
            )
        held = list(dict.fromkeys(hash for holder in holders for hash in holder["hashes"]))
        props = {key: value for key, value in props.items() if key not in IDENTITY_KEYS or value not in held}
    rows = await tx.run(
        "people/register",
        props=props,
        institution=draft.institution,
        since=draft.since,
        role=draft.role,
        fields=draft.fields,
    )
    for id_hash in held:
        await tx.run(
            "people/refer_identity",
            id=str(uuid.uuid4()),
            person=props["id"],
            idHash=id_hash,
            keyId=caller.key_id,
            role=caller.role.value,
            institution=caller.institution,
        )
    await refresh_people(tx, [props["id"]])
    return str(rows[0]["id"])


async def registering(register: Callable[[], Awaitable[str]]) -> str:
    """Run a registration, and once more if a concurrent one committed the same identity number first:
    the second run finds it and answers as `create_person` says, not with the constraint's refusal."""
    try:
        return await register()
    except DuplicateKey as error:
        if error.field not in ("idNumber", "passport"):
            raise
        return await register()


async def register_person(
    db: Database, draft: PersonDraft, salt: str, caller: Caller, today: dt.date | None = None
) -> str:
    """Validate and create a person with their employment and fields (an institution key's staff when no
    employer is given); return the new id."""
    draft = replace(draft, institution=caller.own_institution(draft.institution))
    props = person_properties(draft, salt, today or dt.date.today())

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        person_id = await create_person(tx, draft, props, caller)
        return person_id, [person_id]

    return await registering(lambda: audited(db, caller, "registerPerson", work))


async def lock_person(tx: Transaction, caller: Caller, person: str, field: str) -> None:
    """Lock `person` for the rest of `tx` before any rule about them is checked (concurrent writes to them
    wait), and refuse a caller who may not change them: NotFound for one it may not see, as for nobody; a
    Conflict for a person whose record was withdrawn."""
    rows = await tx.run("people/lock", id=person)
    if not rows:
        raise missing(caller, "person", person, field)
    check_record(caller, rows[0]["employers"], "person", person, field)
    if rows[0]["withdrawnOn"] is not None:
        raise Conflict(
            f"Person {person} was withdrawn from {rows[0]['withdrawnOn']}.",
            f"人员 {person} 已于 {rows[0]['withdrawnOn']} 撤销",
            field,
        )


@dataclass
class PersonChanges:
    """The changes of an update; fields left None are unchanged."""

    name: str | None = None
    gender: str | None = None
    birth_year: int | None = None
    degree: str | None = None
    email: str | None = None
    phone: str | None = None
    consent_to_contact: bool | None = None
    institution: str | None = None
    role: str | None = None
    since: dt.date | None = None
    fields: list[str] | None = None
    keywords: list[str] | None = None


async def update_person(
    db: Database, person_id: str, changes: PersonChanges, caller: Caller, today: dt.date | None = None
) -> str:
    """Validate and apply `changes` to a person in one transaction; return the id."""
    today = today or dt.date.today()
    props: dict[str, Any] = {}
    if changes.name is not None:
        props["name"] = _check_name(changes.name)
        props["pinyin"] = pinyin_of(props["name"])
    _check_birth_year(changes.birth_year, today)
    _check_contact(changes.email, changes.phone)
    if changes.keywords is not None:
        props["keywords"] = _check_keywords(changes.keywords)
    for key, value in (
        ("gender", changes.gender),
        ("birthYear", changes.birth_year),
        ("degree", changes.degree),
        ("email", changes.email),
        ("phone", changes.phone),
        ("consentToContact", changes.consent_to_contact),
    ):
        if value is not None:
            props[key] = value
    if changes.institution is None and (changes.role or changes.since):
        raise InvalidInput(
            "role and since describe a move: give institutionId too.",
            "职务和入职时间需与新单位一同填写",
            "institutionId",
        )
    if changes.since is not None and changes.since > today:
        raise InvalidInput("since cannot be in the future.", "入职时间不能晚于今天", "since")

    if changes.institution is not None:
        check_write(caller, changes.institution, "people")

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await lock_person(tx, caller, person_id, "id")
        await _check_references(tx, changes.institution, changes.fields or [], person_id)
        await tx.run("people/update", id=person_id, props=props)
        if changes.institution is not None:
            await tx.run(
                "people/move",
                id=person_id,
                institution=changes.institution,
                since=changes.since or today,
                role=changes.role,
            )
        if changes.fields is not None:
            await tx.run("people/set_fields", id=person_id, fields=changes.fields)
        await refresh_people(tx, [person_id])
        return person_id, [person_id]

    return await audited(db, caller, "updatePerson", work)


@dataclass(frozen=True)
class Move:
    """A change of employer: `person` works at `institution` from `since` on."""

    person: str
    institution: str
    since: dt.date


async def move_people(db: Database, moves: Sequence[Move], caller: Caller) -> list[str]:
    """Move people to new employers in one transaction, as updatePerson moves one; return the ids moved.

    A person who works at the institution already is left alone, so running the same moves again
    changes nothing (and writes no audit entry)."""

    async def work(tx: Transaction) -> tuple[list[str], list[str]]:
        moved = []
        for move in pending:
            if await tx.run("people/move", id=move.person, institution=move.institution, since=move.since, role=None):
                moved.append(move.person)
        await refresh_people(tx, moved)
        return moved, moved

    pending = []
    for move in moves:
        [row] = await db.read("people/works_at", person=move.person, institution=move.institution)
        if not row["worksAt"]:
            pending.append(move)
    return await audited(db, caller, "movePeople", work) if pending else []


async def end_employment(
    db: Database,
    person_id: str,
    on: dt.date,
    caller: Caller,
    institution: str | None = None,
    today: dt.date | None = None,
) -> str:
    """End a person's current employment at `institution` (an institution key's own when None; for an
    administrator, the person's only current one) with `on` as its last day, recounting them in the same
    transaction: from the next day they are out of the institution's titled staff. Return the person's id."""
    if on > (today or dt.date.today()):
        raise InvalidInput("An employment cannot end in the future.", "离职日期不能晚于今天", "on")
    institution = caller.own_institution(institution)

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await lock_person(tx, caller, person_id, "personId")
        current = await tx.run("people/current_employment", id=person_id)
        at = institution
        if at is None:
            if len(current) != 1:
                raise InvalidInput(
                    "The person has several current employers (or none): name the institution.",
                    "该人员有多个(或没有)在职单位,请填写单位",
                    "institutionId",
                )
            at = str(current[0]["institution"])
        check_write(caller, at, "people")
        job = next((row for row in current if row["institution"] == at), None)
        if job is None:
            raise Conflict(
                f"Person {person_id} does not work at institution {at} now.",
                f"人员 {person_id} 目前不在单位 {at} 任职",
                "institutionId",
            )
        since = job["since"].to_native() if job["since"] is not None else None
        if since is not None and on < since:
            raise InvalidInput(
                f"An employment cannot end before it began ({since}).", f"离职日期不能早于入职日期({since})", "on"
            )
        await tx.run("people/end_employment", id=person_id, institution=at, on=on)
        await refresh_people(tx, [person_id])
        return person_id, [person_id]

    return await audited(db, caller, "endEmployment", work)
