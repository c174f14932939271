"""collaborators and institutionsNeeding: across Beijing, Tianjin and Chengde, with reasons."""

from __future__ import annotations

import strawberry

from graph import collaborators as graph
from graph.access import Role, may_read, missing
from graph.errors import DomainError, InvalidInput, NotFound
from server.collaborators.types import Collaborator, InstitutionNeed, NeedKind, collaborator_from
from server.common.connection import page_size
from server.common.errors import RequestError
from server.fields.types import field_from
from server.people.types import person_from
from server.search.queries import check_codes

SEARCHERS = (Role.ADMIN, Role.ANALYST, Role.RECRUITER)


def _subject_key(
    person_id: strawberry.ID | None, team_id: strawberry.ID | None, institution_id: strawberry.ID | None
) -> tuple[str, str]:
    given = [
        (kind, str(key))
        for kind, key in zip(graph.SUBJECT_KINDS, (person_id, team_id, institution_id), strict=True)
        if key is not None
    ]
    if len(given) != 1:
        raise InvalidInput(
            "Give exactly one of personId, teamId and institutionId.",
            "personId、teamId、institutionId 须且只须提供一个",
            "personId",
        )
    return given[0]


@strawberry.type
class CollaboratorQueries:
    @strawberry.field(
        description="People in the given regions (default: Beijing and Tianjin for a Chengde "
        "subject, Chengde for a Beijing or Tianjin one) who could work with a "
        "person, team or institution in a field (default: the subject's), best "
        "first, each with the paths that join them. People already working with "
        "the subject (same current employer, same current team) are left out."
    )
    async def collaborators(
        self,
        info: strawberry.Info,
        person_id: strawberry.ID | None = None,
        team_id: strawberry.ID | None = None,
        institution_id: strawberry.ID | None = None,
        field: str | None = None,
        regions: list[str] | None = None,
        first: int | None = 10,
    ) -> list[Collaborator] | None:
        context = info.context
        caller = context.caller
        try:
            caller.require(*SEARCHERS, Role.INSTITUTION, action="collaborators")
            kind, key = _subject_key(person_id, team_id, institution_id)
            size = page_size(first, context.settings.max_page_size, default=10)
            await check_codes(info, [field] if field else [], regions or [])
            try:
                subject: graph.Subject | None = await graph.load_subject(context.db, kind, key)
            except NotFound:
                subject = None
            if subject is None or not may_read(caller, subject.institutions):
                # An institution key asks for its own people, teams and institution: any other subject is
                # answered exactly as one that does not exist.
                raise missing(caller, kind, key, f"{kind}Id")
            fields = [field] if field else subject.fields
            related = graph.related_fields(await context.fields(), fields)
            suggestions = await graph.suggest_collaborators(
                context.db, subject, fields, related, regions or graph.default_regions(subject), size
            )
        except DomainError as error:
            raise RequestError(error) from error
        rows = await context.people.load_many([suggestion.person_id for suggestion in suggestions])
        return [
            collaborator_from(suggestion, person_from(row, caller))
            for suggestion, row in zip(suggestions, rows, strict=True)
        ]

    @strawberry.field(
        description="The institutions, teams and platforms in the given regions (default "
        "Chengde) whose fields match a field, or an expert's fields."
    )
    async def institutions_needing(
        self,
        info: strawberry.Info,
        person_id: strawberry.ID | None = None,
        field: str | None = None,
        regions: list[str] | None = None,
        first: int | None = 20,
    ) -> list[InstitutionNeed] | None:
        context = info.context
        try:
            context.caller.require(*SEARCHERS, action="institutionsNeeding")
            size = page_size(first, context.settings.max_page_size)
            await check_codes(info, [field] if field else [], regions or [])
            fields = [field] if field else []
            if person_id is not None and not field:
                person = await context.people.load(str(person_id))
                if person is None:
                    raise NotFound("person", str(person_id), "personId")
                fields = [row["code"] for row in person["fields"]]
            if not fields:
                raise InvalidInput("Give a field, or an expert who has one.", "请提供领域,或提供有领域的专家", "field")
            field_tree, region_tree = await context.fields(), await context.regions()
            region_codes = [code for region in regions or [graph.CHENGDE] for code in region_tree.descendants(region)]
            related = graph.related_fields(field_tree, fields)
            needs = await graph.institutions_needing(context.db, fields, related, region_codes, size)
        except DomainError as error:
            raise RequestError(error) from error
        return [
            InstitutionNeed(
                kind=NeedKind(need.kind),
                id=strawberry.ID(need.id),
                name=need.name,
                field_match=need.field_match,
                institution_id=need.institution_id,
                fields=[field_from(field_tree.nodes[code]) for code in need.fields],
            )
            for need in needs
        ]
