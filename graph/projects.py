"""Science and technology projects (科技项目): who ran them and who worked on them.

Shared projects are evidence of collaboration (graph/collaborators.py) and count as activity in
expert search. A project is `(Institution)-[:RAN {lead}]->(Project)` (the lead first, then partners),
`(Person)-[:WORKED_ON {role: LEADER|MEMBER}]->(Project)` and `(Project)-[:FOCUSES_ON]->(Field)`.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from graph.access import Caller, check_write
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import Conflict, InvalidInput, NotFound
from graph.records import lock_record
from graph.text import PROJECT_NAME
from graph.vocabulary import ProjectKind, ProjectParticipantRole, codes

EARLIEST_YEAR = 1990
MAX_PARTICIPANTS = 500
_PROJECT_NUMBER = re.compile(r"^[0-9A-Za-z\-_/.]{1,60}$")


@dataclass
class ProjectDraft:
    """A project as registered: lead institution, its project number, partners, participants (id, role), fields."""

    name: str
    kind: str
    year: int
    institution: str
    number: str | None = None
    partners: list[str] = field(default_factory=list)
    participants: list[tuple[str, str]] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


Rows = list[dict[str, Any]]


@dataclass
class ProjectChanges:
    """A project's own values, as registered or corrected; None is unchanged (in a correction)."""

    name: str | None = None
    kind: str | None = None
    year: int | None = None
    fields: list[str] | None = None


def project_values(changes: ProjectChanges, today: dt.date) -> dict[str, Any]:
    """Validate a project's name, kind and year; return those given as its properties."""
    props: dict[str, Any] = {}
    if changes.name is not None:
        name = PROJECT_NAME.check_field(" ".join(changes.name.split()), "name")
        if not name:
            raise InvalidInput("A project name is needed.", "项目名称不能为空", "name")
        props["name"] = name
    if changes.kind is not None:
        if changes.kind not in codes(ProjectKind):
            raise InvalidInput(f"Unknown project kind {changes.kind!r}.", f"未知的项目类别:{changes.kind}", "kind")
        props["kind"] = changes.kind
    if changes.year is not None:
        if not EARLIEST_YEAR <= changes.year <= today.year + 1:
            raise InvalidInput(
                f"year must be between {EARLIEST_YEAR} and {today.year + 1}.",
                f"立项年度须在{EARLIEST_YEAR}至{today.year + 1}之间",
                "year",
            )
        props["year"] = changes.year
    return props


def _check(draft: ProjectDraft, today: dt.date) -> tuple[dict[str, Any], Rows, Rows]:
    own = project_values(ProjectChanges(draft.name, draft.kind, draft.year), today)
    number = (draft.number or "").strip() or None
    if number is not None and not _PROJECT_NUMBER.match(number):
        raise InvalidInput(
            "A project number is 1 to 60 letters, digits, '-', '_', '/' or '.'.",
            "项目编号应为1至60位字母、数字或 - _ / .",
            "number",
        )
    if draft.institution in draft.partners or len(set(draft.partners)) != len(draft.partners):
        raise InvalidInput(
            "Each institution appears once: the lead is not also a partner.",
            "承担单位与合作单位不能重复",
            "partnerInstitutionIds",
        )
    people = [person for person, _ in draft.participants]
    if len(set(people)) != len(people) or len(people) > MAX_PARTICIPANTS:
        raise InvalidInput(
            f"Each participant appears once, at most {MAX_PARTICIPANTS}.",
            f"项目成员不能重复,且不超过{MAX_PARTICIPANTS}人",
            "participants",
        )
    if any(role not in codes(ProjectParticipantRole) for _, role in draft.participants):
        raise InvalidInput("A participant's role is LEADER or MEMBER.", "成员角色应为 LEADER 或 MEMBER", "participants")
    institutions = [{"id": draft.institution, "lead": True}]
    institutions += [{"id": partner, "lead": False} for partner in draft.partners]
    participants = [{"id": person, "role": role} for person, role in draft.participants]
    # The id is never the caller's: unguessable, so that trying one tells nothing of other institutions' projects.
    props = {"id": str(uuid.uuid4()), "number": number, **own}
    props = {key: value for key, value in props.items() if value is not None}
    return props, institutions, participants


async def register_project(db: Database, draft: ProjectDraft, caller: Caller, today: dt.date | None = None) -> str:
    """Validate and create a project with its institutions, participants and fields; return its id.

    An institution key registers only the projects its own institution leads. A project number is
    unique among the projects of its lead institution."""
    props, institutions, participants = _check(draft, today or dt.date.today())
    check_write(caller, draft.institution, "projects")

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        # The lead's project numbers are compared under its lock: a concurrent registration waits, then sees this one.
        await tx.run("institutions/lock", id=draft.institution)
        [row] = await tx.run(
            "projects/references",
            number=props.get("number"),
            fields=draft.fields,
            institutions=[i["id"] for i in institutions],
            people=[p["id"] for p in participants],
        )
        if row["taken"]:
            raise Conflict(
                f"Institution {draft.institution} already leads a project numbered {props['number']}.",
                f"单位 {draft.institution} 已有编号为{props['number']}的项目",
                "number",
            )
        if row["missingInstitutions"]:
            raise NotFound("institution", ", ".join(row["missingInstitutions"]), "institutionId")
        if row["missingPeople"]:
            raise NotFound("person", ", ".join(row["missingPeople"]), "participants")
        if row["missingFields"]:
            raise NotFound("field", ", ".join(row["missingFields"]), "fields")
        rows = await tx.run(
            "projects/register", props=props, institutions=institutions, participants=participants, fields=draft.fields
        )
        return str(rows[0]["id"]), [str(rows[0]["id"])]

    return await audited(db, caller, "registerProject", work)


async def projects_by_ids(db: Database, ids: list[str]) -> list[dict[str, Any] | None]:
    """Projects by id in the order asked; None where there is none."""
    found = {row["id"]: row["project"] for row in await db.read("projects/by_ids", ids=ids)}
    return [found.get(project_id) for project_id in ids]


async def update_project(
    db: Database, project: str, changes: ProjectChanges, caller: Caller, today: dt.date | None = None
) -> str:
    """Correct a project's name, kind, year or fields in one transaction; allowed to the callers who may change the
    records of an institution that ran it. Progress counts projects from the graph as it reads it. Return its id."""
    props = project_values(changes, today or dt.date.today())

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await lock_record(tx, caller, "project", project)
        if changes.fields is not None:
            [row] = await tx.run("institutions/host_references", institution=None, fields=changes.fields)
            if row["missingFields"]:
                raise NotFound("field", ", ".join(row["missingFields"]), "fields")
        await tx.run("projects/update", id=project, props=props, fields=changes.fields)
        return project, [project]

    return await audited(db, caller, "updateProject", work)
