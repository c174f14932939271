"""Types of collaborator suggestions: the person, the score and its parts, the reasons as paths."""

from __future__ import annotations

import enum

import strawberry

from graph import collaborators as graph
from server.fields.types import Field
from server.institutions.types import Institution, institution_from
from server.people.types import Person


@strawberry.enum(description="What a node on a reason's path is.")
class StepKind(enum.Enum):
    PERSON = "PERSON"
    TEAM = "TEAM"
    PLATFORM = "PLATFORM"
    PROJECT = "PROJECT"
    INSTITUTION = "INSTITUTION"
    FIELD = "FIELD"


@strawberry.enum(description="What a reason is: a path from the subject, or a fact that made the candidate rank.")
class ReasonKind(enum.Enum):
    PATH = "PATH"
    RECENCY = "RECENCY"
    PARTNER = "PARTNER"
    FIELD = "FIELD"
    TITLE = "TITLE"
    ACTIVITY = "ACTIVITY"
    FIELD_WORK = "FIELD_WORK"


@strawberry.type(description="A node on a reason's path and the relationship that leads to the next one.")
class ReasonStep:
    kind: StepKind
    id: strawberry.ID = strawberry.field(description="The node's id (a field's code).")
    name: str
    relation: str | None = strawberry.field(
        description="The relationship type (MEMBER_OF, ROLE_AT, WORKED_ON, WORKS_AT, BASED_AT, HOSTED_BY, "
        "RAN, EXPERT_IN, PART_OF) joining this node to the next, in either direction; null on the last node."
    )
    former: bool = strawberry.field(description="The relationship has ended (a former job or membership).")


@strawberry.type(
    description="Why someone is suggested, read as a sentence: a path in the graph that joins them to the "
    "subject, or a fact that made them rank (the field that matched, their title, their recent work)."
)
class Reason:
    kind: ReasonKind
    zh: str
    en: str
    weight: float = strawberry.field(
        description="A path's Adamic-Adar weight; for a fact, the score part it stands for (see docs/collaborators.md)."
    )
    steps: list[ReasonStep] = strawberry.field(
        description="A path from the subject to the candidate; for a fact, from the candidate to what it names "
        "(empty for a title)."
    )


@strawberry.type(description="The parts of a suggestion's score, each between 0 and 1 (docs/collaborators.md).")
class ScoreParts:
    field_match: float = strawberry.field(description="1 for an asked field, 0.5 for a parent or child.")
    closeness: float = strawberry.field(description="1 - exp(-adamicAdar).")
    title_level: float = strawberry.field(description="Rank of the highest title / 5.")
    activity: float = strawberry.field(description="activity / (activity + 3).")
    partnership: float = strawberry.field(
        description="w / (w + 2), w = the teams, platforms and projects of the subject's institutions on which "
        "someone of the candidate's employer has worked."
    )
    field_work: float = strawberry.field(
        description="w / (w + 1), w = the candidate's teams, platforms and projects focused on an asked field "
        "(a parent or child counting half)."
    )
    recency: float = strawberry.field(description="0.5 ** (years since the latest work shared with the subject / 3).")
    adamic_adar: float = strawberry.field(description="Sum of the weights of every path to the subject.")


@strawberry.type(description="A suggested collaborator.")
class Collaborator:
    person: Person
    score: float = strawberry.field(
        description="The weighted sum of scoreParts; the weights are in docs/collaborators.md."
    )
    score_parts: ScoreParts
    reasons: list[Reason] = strawberry.field(
        description="Up to three paths, strongest first, the most recent shared work, the employer's joint work "
        "with the subject's institution, then the facts that made the candidate rank: at least one."
    )


def collaborator_from(suggestion: graph.Suggestion, person: Person) -> Collaborator:
    """A Collaborator from a scored suggestion and its person."""
    parts = suggestion.parts
    return Collaborator(
        person=person,
        score=suggestion.score,
        score_parts=ScoreParts(
            field_match=parts.field_match,
            closeness=parts.closeness,
            title_level=parts.level,
            activity=parts.activity,
            partnership=parts.partnership,
            field_work=parts.field_work,
            recency=parts.recency,
            adamic_adar=parts.adamic_adar,
        ),
        reasons=[
            Reason(
                kind=ReasonKind(reason.kind),
                zh=reason.zh,
                en=reason.en,
                weight=reason.weight,
                steps=[
                    ReasonStep(
                        kind=StepKind(step.kind),
                        id=strawberry.ID(step.id),
                        name=step.name,
                        relation=step.relation,
                        former=step.former,
                    )
                    for step in reason.steps
                ],
            )
            for reason in suggestion.reasons
        ],
    )


@strawberry.enum(description="What needs an expert: an institution, one of its teams or platforms.")
class NeedKind(enum.Enum):
    INSTITUTION = "INSTITUTION"
    TEAM = "TEAM"
    PLATFORM = "PLATFORM"


@strawberry.type(description="An institution, team or platform whose fields an expert matches.")
class InstitutionNeed:
    kind: NeedKind
    id: strawberry.ID = strawberry.field(description="The institution's, team's or platform's id.")
    name: str
    field_match: float = strawberry.field(description="1 for an asked field, 0.5 for a parent or child.")
    fields: list[Field] = strawberry.field(description="Its fields that match.")
    institution_id: strawberry.Private[str]

    @strawberry.field(description="The institution itself, or where the team or platform is.")
    async def institution(self, info: strawberry.Info) -> Institution:
        return institution_from(await info.context.institutions.load(self.institution_id))
