"""The Project type: who ran it, who worked on it, its fields."""

from __future__ import annotations

from typing import Any

import strawberry

from server.common.enums import Label, ProjectKind, ProjectParticipantRole, label_of
from server.fields.types import Field, field_from
from server.institutions.types import Institution, institution_from
from server.people.types import Person, person_from


@strawberry.type(description="An institution that ran a project, as lead (承担单位) or partner (合作单位).")
class ProjectInstitution:
    lead: bool
    institution_id: strawberry.Private[str]

    @strawberry.field
    async def institution(self, info: strawberry.Info) -> Institution:
        return institution_from(await info.context.institutions.load(self.institution_id))


@strawberry.type(description="A person who worked on a project.")
class ProjectParticipant:
    role: ProjectParticipantRole
    person_id: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: strawberry.Info) -> Person:
        return person_from(await info.context.people.load(self.person_id), info.context.caller)


@strawberry.type(description="A science and technology project (科技项目).")
class Project:
    id: strawberry.ID = strawberry.field(description="Generated for a project registered through the API.")
    number: str | None = strawberry.field(
        description="The project number (项目编号) given at registration; a loaded project's id is its number."
    )
    name: str
    kind: ProjectKind
    year: int
    institutions: list[ProjectInstitution]
    participants: list[ProjectParticipant]
    fields: list[Field]

    @strawberry.field(description="The kind's name in Chinese and English.")
    def kind_label(self) -> Label:
        return label_of(self.kind)


def project_from(row: dict[str, Any]) -> Project:
    """A Project from projects/by_ids."""
    return Project(
        id=strawberry.ID(row["id"]),
        number=row.get("number"),
        name=row["name"],
        kind=ProjectKind[row["kind"]],
        year=int(row["year"]),
        institutions=[
            ProjectInstitution(lead=bool(ran["lead"]), institution_id=ran["id"]) for ran in row["institutions"]
        ],
        participants=[
            ProjectParticipant(role=ProjectParticipantRole(worked["role"]), person_id=worked["id"])
            for worked in row["participants"]
        ],
        fields=[field_from(field) for field in row["fields"]],
    )
