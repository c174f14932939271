"""Every String (and ID) the API takes, checked against its rule (graph/text.py) before any resolver runs.

RULES names the rule of each argument and input field by its schema coordinate; `TextRulesExtension`,
put on every root field by server/schema.py, walks a field's arguments (input objects and lists
included) and checks each string. A mutation answers a broken rule with an InvalidInputError naming
the field (`name`, `members[1].role`); a query with a request error. tests/api/test_text_rules.py
walks the schema: a String argument or input field without a rule here fails it.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.types.base import has_object_definition
from strawberry.types.field import StrawberryField

from graph import text as t
from graph.errors import InvalidInput
from server.common.errors import RequestError, user_error

#: Ids of the records a field refers to.
_ID = t.IDENTIFIER
_PERSON = {
    "name": t.PERSON_NAME,
    "idNumber": t.ID_NUMBER,
    "email": t.EMAIL,
    "phone": t.PHONE,
    "institutionId": _ID,
    "role": t.JOB_ROLE,
    "fields": t.CODE,
    "keywords": t.KEYWORD,
}


def _of(type_name: str, fields: dict[str, t.TextRule]) -> dict[str, t.TextRule]:
    return {f"{type_name}.{field}": rule for field, rule in fields.items()}


def _arguments(field: str, arguments: dict[str, t.TextRule]) -> dict[str, t.TextRule]:
    return {f"{field}({name}:)": rule for name, rule in arguments.items()}


#: The lists paged forwards and backwards (server/common/connection.py `listed`).
_LISTS = ("people", "institutions", "teams", "platforms", "visits", "auditTrail", "identityReferrals")

RULES: dict[str, t.TextRule] = {
    # Inputs of mutations.
    **_of("RegisterPersonInput", _PERSON),
    # A country may be written as its name, in English or Chinese (graph/countries.py).
    **_of("RegisterForeignExpertInput", {**_PERSON, "nationality": t.NAME}),
    # A passport number is checked by graph/identity.py, which drops the blanks people type in it.
    **_of("PassportInput", {"number": t.NAME, "country": t.NAME}),
    **_of("UpdateForeignExpertInput", {"nationality": t.NAME}),
    **_of("EndEmploymentInput", {"personId": _ID, "institutionId": _ID}),
    **_of("WithdrawRecordInput", {"id": _ID, "reason": t.FREE_TEXT}),
    **_of(
        "UpdateInstitutionInput",
        {"name": t.INSTITUTION_NAME, "regionCode": t.CODE, "creditCode": _ID, "fields": t.CODE},
    ),
    **_of("UpdatePlatformInput", {"name": t.NAME, "fields": t.CODE}),
    **_of("UpdateVisitInput", {"program": t.NAME, "purpose": t.FREE_TEXT}),
    **_of("UpdateProjectInput", {"name": t.PROJECT_NAME, "fields": t.CODE}),
    **_of("UpdatePersonInput", {key: rule for key, rule in _PERSON.items() if key != "idNumber"}),
    **_of(
        "RegisterInstitutionInput",
        {"name": t.INSTITUTION_NAME, "regionCode": t.CODE, "creditCode": _ID, "fields": t.CODE},
    ),
    **_of("GrantTitleInput", {"personId": _ID, "certificateNo": _ID, "name": t.NAME, "regionCode": t.CODE}),
    **_of("RegisterTeamInput", {"name": t.NAME, "fields": t.CODE, "institutionId": _ID}),
    **_of("TeamMemberInput", {"personId": _ID}),
    **_of("PlatformRoleInput", {"personId": _ID}),
    **_of("RegisterPlatformInput", {"name": t.NAME, "fields": t.CODE, "institutionId": _ID}),
    **_of(
        "RegisterProjectInput",
        {"name": t.PROJECT_NAME, "institutionId": _ID, "number": _ID, "partnerInstitutionIds": _ID, "fields": t.CODE},
    ),
    **_of("ProjectParticipantInput", {"personId": _ID}),
    **_of("RecordVisitInput", {"expertId": _ID, "program": t.NAME, "purpose": t.FREE_TEXT, "institutionId": _ID}),
    **_of("AddPlanInput", {"code": t.CODE, "name": t.NAME, "nameEn": t.NAME}),
    **_of("RecordCertificationInput", {"institutionId": _ID, "certificateNo": _ID}),
    **_of("ReportIndicatorFigureInput", {"region": t.CODE, "source": t.NAME}),
    **_of(
        "TargetInput",
        {
            "code": t.CODE,
            "name": t.NAME,
            "nameEn": t.NAME,
            "unit": t.UNIT,
            "unitEn": t.UNIT,
            "counts": t.FREE_TEXT,
            "source": t.FREE_TEXT,
        },
    ),
    # Arguments of mutations.
    **_arguments("Mutation.updatePerson", {"id": _ID}),
    **{
        f"Mutation.{field}(id:)": _ID
        for field in ("updateInstitution", "updatePlatform", "updateVisit", "updateForeignExpert", "updateProject")
    },
    **_arguments("Mutation.revokeTitle", {"certificateNo": _ID, "reason": t.FREE_TEXT}),
    **_arguments("Mutation.reviewTeam", {"id": _ID, "comment": t.FREE_TEXT}),
    **_arguments("Mutation.recognizeTeam", {"id": _ID}),
    **_arguments("Mutation.resubmitTeam", {"id": _ID}),
    **_arguments("Mutation.addTeamMember", {"teamId": _ID}),
    **_arguments("Mutation.assignPlatformRole", {"platformId": _ID}),
    **_arguments("Mutation.removeTeamMember", {"teamId": _ID, "personId": _ID}),
    **_arguments("Mutation.setTargetGoal", {"plan": t.CODE, "code": t.CODE}),
    **_arguments("Mutation.setRegionGoal", {"plan": t.CODE, "code": t.CODE, "region": t.CODE}),
    # Filters of lists.
    **_of(
        "PeopleWhere",
        {
            "region": t.CODE,
            "regionIn": t.CODE,
            "institutionId": _ID,
            "institutionIdIn": _ID,
            "field": t.CODE,
            "fieldIn": t.CODE,
            "name": t.NAME_FILTER,
            # A country may be written as its name (graph/countries.py).
            "nationality": t.NAME,
            "nationalityIn": t.NAME,
        },
    ),
    **_of(
        "InstitutionsWhere",
        {"region": t.CODE, "regionIn": t.CODE, "field": t.CODE, "fieldIn": t.CODE, "name": t.NAME_FILTER},
    ),
    **_of(
        "TeamsWhere",
        {
            "institutionId": _ID,
            "institutionIdIn": _ID,
            "field": t.CODE,
            "fieldIn": t.CODE,
            "name": t.NAME_FILTER,
            "memberId": _ID,
            "memberIdIn": _ID,
        },
    ),
    **_of(
        "PlatformsWhere",
        {"institutionId": _ID, "institutionIdIn": _ID, "field": t.CODE, "fieldIn": t.CODE, "name": t.NAME_FILTER},
    ),
    **_of(
        "VisitsWhere",
        {
            "expertId": _ID,
            "expertIdIn": _ID,
            "institutionId": _ID,
            "institutionIdIn": _ID,
            "program": t.NAME_FILTER,
            "nationality": t.NAME,
            "nationalityIn": t.NAME,
        },
    ),
    **_of(
        "AuditWhere",
        {
            "operation": t.CODE,
            "operationIn": t.CODE,
            "keyId": _ID,
            "keyIdIn": _ID,
            "nodeId": _ID,
            "role": t.CODE,
            "roleIn": t.CODE,
        },
    ),
    # Arguments of queries.
    **{f"Query.{field}(id:)": _ID for field in ("person", "institution", "team", "platform", "visit", "project")},
    **{f"Query.{field}(after:)": t.CURSOR for field in (*_LISTS, "searchExperts")},
    **{f"Query.{field}(before:)": t.CURSOR for field in _LISTS},
    **_arguments("Query.regions", {"under": t.CODE}),
    **_arguments("Query.region", {"code": t.CODE}),
    **_arguments("Query.fields", {"under": t.CODE}),
    **_arguments("Query.field", {"code": t.CODE}),
    **_arguments("Query.progress", {"region": t.CODE, "plan": t.CODE}),
    **_arguments("Query.talentStats", {"region": t.CODE}),
    **_arguments("Query.searchExperts", {"query": t.SEARCH_QUERY, "fields": t.CODE, "regions": t.CODE}),
    **_arguments(
        "Query.collaborators",
        {"personId": _ID, "teamId": _ID, "institutionId": _ID, "field": t.CODE, "regions": t.CODE},
    ),
    **_arguments("Query.institutionsNeeding", {"personId": _ID, "field": t.CODE, "regions": t.CODE}),
}

#: For a coordinate RULES lacks (the schema test fails on one): a short single line.
FALLBACK = t.CELL


def rule_for(coordinate: str) -> t.TextRule:
    """The rule of an argument (`Query.people(after:)`) or input field (`PeopleWhere.name`)."""
    return RULES.get(coordinate, FALLBACK)


def first_problem(info: strawberry.Info, field: StrawberryField, arguments: dict[str, Any]) -> InvalidInput | None:
    """The first string among a field's arguments that breaks its rule, as InvalidInput naming it; or None."""
    names = info.schema.config.name_converter
    owner = f"{_parent(info)}.{names.get_graphql_name(field)}"
    for argument in field.arguments:
        name = names.get_graphql_name(argument)
        value = arguments.get(argument.python_name)
        try:
            # An input object's fields are named as in the input ("name", "targets[0].code"), as domain errors are.
            _check(value, f"{owner}({name}:)", "" if has_object_definition(value) else name, names)
        except InvalidInput as problem:
            return problem
    return None


def _parent(info: strawberry.Info) -> str:
    """The name of the type whose field is resolved: Query or Mutation."""
    return str(info._raw_info.parent_type.name)


def _check(value: Any, coordinate: str, path: str, names: Any) -> None:
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        rule_for(coordinate).check_field(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check(item, coordinate, f"{path}[{index}]", names)
    elif has_object_definition(value):
        definition = value.__strawberry_definition__
        for input_field in definition.fields:
            name = names.get_graphql_name(input_field)
            _check(
                getattr(value, input_field.python_name, None),
                f"{definition.name}.{name}",
                f"{path}.{name}" if path else name,
                names,
            )


class TextRulesExtension(FieldExtension):
    """Checks a field's string arguments before its resolver: a typed error for a mutation, else a request error."""

    field: StrawberryField

    def apply(self, field: StrawberryField) -> None:
        self.field = field

    def _refusal(self, info: strawberry.Info, arguments: dict[str, Any]) -> Any:
        problem = first_problem(info, self.field, arguments)
        if problem is None:
            return None
        if _parent(info) == "Mutation":
            return user_error(problem)
        raise RequestError(problem)

    def resolve(self, next_: Callable[..., Any], source: Any, info: strawberry.Info, **kwargs: Any) -> Any:
        refusal = self._refusal(info, kwargs)
        return refusal if refusal is not None else next_(source, info, **kwargs)

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: strawberry.Info, **kwargs: Any
    ) -> Any:
        refusal = self._refusal(info, kwargs)
        return refusal if refusal is not None else await next_(source, info, **kwargs)


def check_every_argument(root: type) -> None:
    """Put TextRulesExtension on every field of a root type that takes arguments (once)."""
    for field in root.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        if field.arguments and not any(isinstance(e, TextRulesExtension) for e in field.extensions):
            field.extensions.append(TextRulesExtension())
