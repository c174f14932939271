"""Turn validated records into the rows `graph.bulk` upserts, resolving references to graph ids.

References (institutions by credit code or name, people by identity hash or name) are resolved
against the database in chunks while the file is validated, and cached: a reference that matches
nothing, or several things, is an error of its row before anything is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import orjson

from graph import bulk
from graph.access import OPERATOR, Caller, access, check_write
from graph.database import Database
from graph.errors import NotAllowed
from graph.names import initials, pinyin_of
from loaders.errors import RowError
from loaders.records import (
    CertificationRecord,
    IndicatorRecord,
    InstitutionRecord,
    InstitutionRef,
    PersonRecord,
    PersonRef,
    PlatformRecord,
    ProjectRecord,
    Record,
    TeamRecord,
    VisitRecord,
)


def stable_id(prefix: str, *parts: str | None) -> str:
    """A deterministic id from natural keys, so that a re-run creates the very same nodes."""
    digest = hashlib.sha256("\x1f".join(part or "" for part in parts).encode()).hexdigest()[:24]
    return f"{prefix}-{digest}"


def _fingerprint(row: dict[str, Any]) -> str:
    """A digest of the row's content (compact JSON with sorted keys; dates as YYYY-MM-DD).

    orjson, not the json module: much quicker, in the process that validation keeps busiest. A row whose
    content is unchanged but whose stored fingerprint was computed another way counts as updated once, and
    writes the same values.
    """
    return hashlib.sha256(orjson.dumps(row, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _institution_key(ref: InstitutionRef, region: str | None) -> tuple[str | None, str | None, str | None]:
    return (ref.credit_code, None if ref.credit_code else ref.name, None if ref.credit_code else region)


@dataclass
class References:
    """Resolved references of one import, and the prefix of the ids it gives the nodes it creates.

    `id_prefix` is empty for ordinary loads; the demo's is `DEMO-` (loaders/demo.py), so that its
    people and institutions can never take the id of anyone else's. `caller` is who loads: the operator
    at the command line writes every institution's rows; an institution key uploading through the API
    (server/uploads) only rows of its own institution (`check_scope`)."""

    id_prefix: str = ""
    caller: Caller = OPERATOR
    institutions: dict[tuple[str | None, str | None, str | None], list[str]] = field(default_factory=dict)
    people: dict[tuple[str | None, str | None, str | None], list[str]] = field(default_factory=dict)

    def institution(self, ref: InstitutionRef, region: str | None) -> str:
        [found] = self.institutions[_institution_key(ref, region)]
        return found

    def person(self, ref: PersonRef, institution: str | None) -> str:
        [found] = self.people[(ref.id_hash, None if ref.id_hash else ref.name, None if ref.id_hash else institution)]
        return found


def _institution_refs(record: Record) -> list[tuple[str, InstitutionRef, str | None]]:
    """(column, reference, region to look within) of every institution a record names."""
    if isinstance(record, InstitutionRecord):
        return [("name", InstitutionRef(record.name, record.credit_code), record.region)]
    if isinstance(record, PersonRecord):
        return [("institution", record.institution, record.region)]
    if isinstance(record, TeamRecord):
        return [("institution", record.institution, None)]
    if isinstance(record, VisitRecord):
        return [("host_institution", record.host, None)]
    if isinstance(record, ProjectRecord):
        partners: list[tuple[str, InstitutionRef, str | None]] = [("partners", ref, None) for ref in record.partners]
        return [("institution", record.institution, None), *partners]
    if isinstance(record, PlatformRecord | CertificationRecord):
        return [("institution", record.institution, None)]
    return []


def _own_key(record: Record) -> tuple[str, str] | None:
    """The record kind and key whose stored institution a row would change (`bulk/owners`), if any."""
    if isinstance(record, PersonRecord):
        return "people", record.id_hash
    if isinstance(record, TeamRecord):
        return "teams", record.team_id
    if isinstance(record, PlatformRecord):
        return "platforms", record.platform_id
    if isinstance(record, VisitRecord):
        return "visits", record.visit_id
    return None


async def check_scope(
    db: Database,
    records: list[tuple[int, Record]],
    references: References,
    refuse: Callable[[int, str, str, str], None],
    refused: Collection[int],
) -> None:
    """Refuse the rows `references.caller` may not write (graph/access.py `check_write`): a row naming
    another institution as its own (a person's employer, a team's, platform's or project's institution, a
    visit's host), or changing a record kept by another institution (a person employed elsewhere, a team,
    platform or visit of another institution). Nothing to check for a caller who writes everything."""
    caller = references.caller
    if access(caller, ()).write:
        return
    checked: list[tuple[int, Record]] = []
    for line, record in records:
        if line in refused:
            continue
        refs = _institution_refs(record)
        if not refs:
            continue
        column, ref, region = refs[0]
        try:
            check_write(caller, references.institution(ref, region), _WHAT[type(record)])
        except NotAllowed as error:
            label = ref.credit_code or ref.name
            refuse(line, column, f"{error.message} This row is about {label}.", f"{error.message_zh};本行属于“{label}”")
            continue
        checked.append((line, record))
    keys: dict[str, set[str]] = {"people": set(), "teams": set(), "platforms": set(), "visits": set()}
    for _, record in checked:
        own = _own_key(record)
        if own is not None:
            keys[own[0]].add(own[1])
    owners = await bulk.record_owners(db, {kind: sorted(values) for kind, values in keys.items()})
    for line, record in checked:
        own = _own_key(record)
        if own is None:
            continue
        held_by = owners.get(own)
        if held_by and not access(caller, held_by).write:
            column, en, zh = _KEPT_ELSEWHERE[own[0]]
            refuse(line, column, en, zh)


#: What `check_write` names, by record.
_WHAT: dict[type, str] = {
    PersonRecord: "people",
    TeamRecord: "teams",
    PlatformRecord: "platforms",
    VisitRecord: "visits",
    ProjectRecord: "projects",
    InstitutionRecord: "institutions",
}
#: Column, English and Chinese reason of a row about a record kept by another institution, by kind.
_KEPT_ELSEWHERE = {
    "people": (
        "id_number",
        "this person works at another institution: a move is made by the new institution with updatePerson "
        "once the old one has ended the employment, or by the bureau",
        "该人员在其他单位任职:调动须原单位结束聘用后由新单位修改,或由主管部门办理",
    ),
    "teams": ("team_id", "this team id belongs to a team of another institution", "该团队编号已属于其他单位的团队"),
    "platforms": (
        "platform_id",
        "this platform id belongs to a platform of another institution",
        "该平台编号已属于其他单位的平台",
    ),
    "visits": (
        "visit_id",
        "this visit id belongs to a visit hosted by another institution",
        "该来访编号已属于其他单位接待的来访",
    ),
}


def _person_refs(record: Record) -> list[tuple[str, PersonRef, InstitutionRef]]:
    if isinstance(record, TeamRecord):
        return [("leader", record.leader, record.institution)] + [
            ("members", m, record.institution) for m in record.members
        ]
    if isinstance(record, ProjectRecord):
        return [("participants", p, record.institution) for p in record.participants]
    return []


async def resolve_chunk(
    db: Database,
    records: list[tuple[int, Record]],
    references: References,
    headers: dict[str, str],
    known: set[str] | None = None,
) -> dict[int, list[RowError]]:
    """Resolve the references of these (line, record) pairs; errors by line for those that do not resolve.

    `known`, when given, receives the identity hashes of these people records that are in the graph already.
    """
    errors: dict[int, list[RowError]] = {}

    def refuse(line: int, column: str, en: str, zh: str) -> None:
        errors.setdefault(line, []).append(RowError(line, headers.get(column, column), en, zh))

    wanted = {_institution_key(ref, region) for _, record in records for _, ref, region in _institution_refs(record)}
    missing = [key for key in wanted if key not in references.institutions]
    if missing:
        refs = [
            {"key": str(i), "creditCode": key[0], "name": key[1], "region": key[2]} for i, key in enumerate(missing)
        ]
        found = await bulk.resolve_institutions(db, refs)
        for i, key in enumerate(missing):
            references.institutions[key] = found.get(str(i), [])
    for line, record in records:
        for column, ref, region in _institution_refs(record):
            ids = references.institutions[_institution_key(ref, region)]
            label = ref.credit_code or ref.name
            if not ids and not isinstance(record, InstitutionRecord):
                refuse(
                    line,
                    column,
                    f"no registered institution {label} (load institutions first)",
                    f"未找到单位“{label}”(请先导入单位)",
                )
            elif len(ids) > 1:
                refuse(
                    line,
                    column,
                    f"{len(ids)} institutions are named {label}: give the credit code",
                    f"有{len(ids)}个单位名为“{label}”,请填写统一社会信用代码",
                )

    await check_scope(db, records, references, refuse, errors)

    people_wanted: dict[tuple[str | None, str | None, str | None], dict[str, Any]] = {}
    for line, record in records:
        if line in errors:
            continue
        for _, person, at in _person_refs(record):
            institution = references.institution(at, None)
            key = (person.id_hash, None if person.id_hash else person.name, None if person.id_hash else institution)
            if key not in references.people:
                people_wanted[key] = {"idHash": person.id_hash, "name": person.name, "institution": institution}
    if people_wanted:
        keys = list(people_wanted)
        found = await bulk.resolve_people(db, [{"key": str(i), **people_wanted[key]} for i, key in enumerate(keys)])
        for i, key in enumerate(keys):
            references.people[key] = found.get(str(i), [])
    for line, record in records:
        if line in errors:
            continue
        for column, person, at in _person_refs(record):
            institution = references.institution(at, None)
            ids = references.people[
                (person.id_hash, None if person.id_hash else person.name, None if person.id_hash else institution)
            ]
            if not ids:
                refuse(
                    line,
                    column,
                    f"no registered person {person.name} (load people first)",
                    f"未找到人员“{person.name}”(请先导入人员)",
                )
            elif len(ids) > 1:
                refuse(
                    line,
                    column,
                    f"{len(ids)} people named {person.name} work there: give the identity number",
                    f"该单位有{len(ids)}名“{person.name}”,请填写身份证号",
                )

    certificates = {
        record.title.certificate_no: (line, record.id_hash)
        for line, record in records
        if isinstance(record, PersonRecord)
    }
    if certificates:
        holders = await bulk.title_holders(db, list(certificates))
        for number, holder in holders.items():
            line, id_hash = certificates[number]
            if holder != id_hash:
                refuse(
                    line,
                    "certificate_no",
                    f"certificate {number} is recorded for another person",
                    f"证书编号{number}已登记在其他人员名下",
                )
        if known is not None:
            # Holders are people in the graph; only the others are looked for (none, re-running a file).
            known.update(holder for holder in holders.values() if holder is not None)
            others = {id_hash for _, id_hash in certificates.values()} - known
            if others:
                known.update(await bulk.known_people(db, list(others)))
    return errors


def to_row(record: Record, references: References) -> tuple[str, dict[str, Any]]:
    """The graph.bulk kind and row of a validated record whose references resolved."""
    if isinstance(record, InstitutionRecord):
        existing = references.institutions.get(
            _institution_key(InstitutionRef(record.name, record.credit_code), record.region)
        )
        row: dict[str, Any] = {
            "id": existing[0]
            if existing
            else stable_id(f"{references.id_prefix}inst", record.credit_code or f"{record.region}|{record.name}"),
            "props": _without_none(
                {
                    "name": record.name,
                    "creditCode": record.credit_code,
                    "type": record.type,
                    "highTech": record.high_tech,
                    "techSme": record.tech_sme,
                }
            ),
            "region": record.region,
            "fields": list(record.fields),
        }
        kind = "institutions"
    elif isinstance(record, PersonRecord):
        title = record.title
        pinyin = record.pinyin or pinyin_of(record.name)
        row = {
            "idHash": record.id_hash,
            "personId": stable_id(f"{references.id_prefix}person", record.id_hash),
            "person": _without_none(
                {
                    "name": record.name,
                    "pinyin": pinyin,
                    # Derived again with the search document; kept in the row for its fingerprint.
                    "pinyinInitials": initials(pinyin),
                    "gender": str(record.gender),
                    "birthYear": record.birth_year,
                    "email": record.email,
                    "phone": record.phone,
                    "consentToContact": record.consent,
                }
            ),
            "title": _without_none(
                {
                    "certificateNo": title.certificate_no,
                    "series": title.series,
                    "level": title.level,
                    "name": title.name,
                    "grantedOn": title.granted_on,
                    "directed": title.directed,
                }
            ),
            "institution": references.institution(record.institution, record.region),
            "fields": list(record.fields),
        }
        kind = "people"
    elif isinstance(record, TeamRecord):
        institution = references.institution(record.institution, None)
        row = {
            "id": record.team_id,
            "props": _without_none(
                {
                    "name": record.name,
                    "status": record.status.value,
                    "origin": str(record.origin),
                    "level": str(record.level) if record.level else None,
                    "recognizedOn": record.recognized_on,
                }
            ),
            "institution": institution,
            "fields": list(record.fields),
            "leader": references.person(record.leader, institution),
            "members": [references.person(member, institution) for member in record.members],
        }
        kind = "teams"
    elif isinstance(record, VisitRecord):
        row = {
            "id": record.visit_id,
            "expertHash": record.expert_hash,
            "expertIdHash": record.expert_id_hash,
            "expertId": stable_id(f"{references.id_prefix}person", record.expert_hash),
            "expert": _without_none(
                {
                    "name": record.expert_name,
                    "pinyin": record.expert_name.lower(),
                    "nationality": record.nationality,
                    "highEnd": record.high_end,
                    "gender": str(record.gender) if record.gender else None,
                }
            ),
            "props": _without_none(
                {
                    "arrivedOn": record.arrived_on,
                    "departedOn": record.departed_on,
                    "program": record.program,
                    "purpose": record.purpose,
                }
            ),
            "host": references.institution(record.host, None),
            "fields": list(record.fields),
        }
        kind = "visits"
    elif isinstance(record, ProjectRecord):
        lead = references.institution(record.institution, None)
        row = {
            "id": record.project_id,
            "props": {"name": record.name, "kind": str(record.kind), "year": record.year},
            "institutions": [lead] + [references.institution(ref, None) for ref in record.partners],
            "participants": [references.person(p, lead) for p in record.participants],
            "fields": list(record.fields),
        }
        kind = "projects"
    elif isinstance(record, PlatformRecord):
        row = {
            "id": record.platform_id,
            "props": _without_none(
                {
                    "name": record.name,
                    "kind": str(record.kind),
                    "level": str(record.level),
                    "establishedOn": record.established_on,
                }
            ),
            "host": references.institution(record.institution, None),
            "fields": list(record.fields),
        }
        kind = "platforms"
    elif isinstance(record, CertificationRecord):
        row = {
            "institution": references.institution(record.institution, None),
            "status": str(record.status),
            "validFrom": record.certified_on,
            "validUntil": record.valid_until,
            "certificateNo": record.certificate_no,
        }
        kind = "certifications"
    elif isinstance(record, IndicatorRecord):
        row = {
            "indicator": str(record.indicator),
            "region": record.region,
            "year": record.year,
            "amount": record.amount,
            "source": record.source,
            "reportedOn": record.reported_on,
        }
        kind = "indicators"
    else:
        raise TypeError(f"not a record: {record!r}")
    row["fingerprint"] = _fingerprint(row)
    return kind, row
