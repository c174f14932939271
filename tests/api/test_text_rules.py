"""Every string the API takes is held to its rule: a typed error naming the field, and nothing stored.

The cases are made from the schema itself: for every String or ID argument and input field, a request
with only that value broken (one character too long, or holding NUL, BEL or a right-to-left override),
every other argument given its smallest valid shape.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)
from graphql.pyutils import Undefined
from starlette.testclient import TestClient

from graph.settings import Settings
from server.common.text_inputs import rule_for
from server.schema import schema
from tests.builders import count_nodes, institution, person
from tests.conftest import post_graphql


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The suite's settings without rate limits: these tests send a few hundred requests a second on purpose."""
    return settings.model_copy(update={"rate_limit_address": "", "rate_limit_key": ""})


BROKEN = {"NUL": "a\x00b", "BEL": "a\x07b", "right-to-left override": "a\u202eb"}
SCALARS = {"String": "x", "ID": "x", "Int": 1, "Float": 1.0, "Boolean": False, "Date": "2020-01-01", "BigInt": 1}


def smallest(type_: GraphQLInputType) -> Any:
    """The smallest valid value of a type: required fields only, lists empty."""
    if isinstance(type_, GraphQLNonNull):
        return smallest(type_.of_type)
    if isinstance(type_, GraphQLList):
        return []
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: smallest(field.type)
            for name, field in type_.fields.items()
            if isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
        }
    assert isinstance(type_, GraphQLScalarType)
    return SCALARS[type_.name]


def text_paths(
    type_: GraphQLInputType, coordinate: str, within: frozenset[str] = frozenset()
) -> Iterator[tuple[list[Any], str]]:
    """Every place a string goes in a value of `type_`: (steps from the value, the rule's coordinate).

    A filter holding filters of its own type (`PeopleWhere.OR`) has the same coordinates inside: walked once."""
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(inner, GraphQLList):
        for steps, where in text_paths(inner.of_type, coordinate, within):
            yield [0, *steps], where
    elif isinstance(inner, GraphQLInputObjectType) and inner.name not in within:
        for name, field in inner.fields.items():
            for steps, where in text_paths(field.type, f"{inner.name}.{name}", within | {inner.name}):
                yield [name, *steps], where
    elif isinstance(inner, GraphQLScalarType) and inner.name in ("String", "ID"):
        yield [], coordinate


def with_value(value: Any, type_: GraphQLInputType, steps: list[Any], text: str) -> Any:
    """`value` (of `type_`) with the string at `steps` set to `text`, the containers on the way made."""
    if not steps:
        return text
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    step, rest = steps[0], steps[1:]
    if isinstance(inner, GraphQLList):
        item = smallest(inner.of_type) if not isinstance(get_named_type(inner.of_type), GraphQLScalarType) else None
        return [with_value(item, inner.of_type, rest, text)]
    assert isinstance(inner, GraphQLInputObjectType)
    value = dict(value or smallest(inner))
    value[step] = with_value(value.get(step), inner.fields[step].type, rest, text)
    return value


def field_name(argument: str, type_: GraphQLInputType, steps: list[Any]) -> str:
    """The name the error gives: an input object's fields by their own names, list items by index."""
    named = get_named_type(type_)
    path = "" if isinstance(named, GraphQLInputObjectType) else argument
    for step in steps:
        path += f"[{step}]" if isinstance(step, int) else (f".{step}" if path else step)
    return path


def cases(root: str) -> Iterator[tuple[str, str, GraphQLField, list[Any], str]]:
    """(field name, argument, field, steps to the string within the argument, its rule's coordinate) for every
    string a field of the root type `root` takes."""
    type_ = schema._schema.get_type(root)
    assert type_ is not None
    for name, field in type_.fields.items():  # type: ignore[attr-defined]
        assert isinstance(field, GraphQLField)
        for argument, definition in field.args.items():
            for steps, coordinate in text_paths(definition.type, f"{root}.{name}({argument}:)"):
                yield name, argument, field, steps, coordinate


def request(root: str, name: str, field: GraphQLField, argument: str, steps: list[Any], text: str) -> tuple[str, dict]:
    """A document calling `name` with every required argument, `argument` holding `text` at `steps`."""
    variables: dict[str, Any] = {}
    for other, definition in field.args.items():
        if other == argument:
            variables[other] = with_value(smallest(definition.type), definition.type, steps, text)
        elif isinstance(definition.type, GraphQLNonNull) and definition.default_value is Undefined:
            variables[other] = smallest(definition.type)
    declared = ", ".join(f"${a}: {field.args[a].type}" for a in variables)
    passed = ", ".join(f"{a}: ${a}" for a in variables)
    selection = "{ __typename ... on UserError { field message } }"
    if root == "Query":
        selection = "{ __typename }"
    operation = "mutation" if root == "Mutation" else "query"
    return f"{operation}({declared}) {{ {name}({passed}) {selection} }}", variables


MUTATION_CASES = list(cases("Mutation"))
QUERY_CASES = list(cases("Query"))


def test_the_cases_cover_what_the_issue_found_stored() -> None:
    covered = {coordinate for *_, coordinate in MUTATION_CASES}
    for coordinate in (
        "RegisterPersonInput.role",
        "RegisterPersonInput.email",
        "RegisterPersonInput.phone",
        "GrantTitleInput.name",
        "Mutation.revokeTitle(reason:)",
        "TargetInput.name",
        "RegisterPersonInput.name",
    ):
        assert coordinate in covered
    assert len(MUTATION_CASES) > 60 and len(QUERY_CASES) > 40


def test_every_string_of_every_mutation_refuses_a_value_too_long_or_holding_controls(
    client: TestClient, cypher, keys
) -> None:
    institution(cypher, "i1", "承德医学院", "130802", "UNIVERSITY")
    person(cypher, "p1", "甲", "jia", "i1", titles=(("X1", "HIGHER_EDUCATION", "SENIOR", "2018-01-01"),))
    before = count_nodes(cypher)
    tried = 0
    for name, argument, field, steps, coordinate in MUTATION_CASES:
        rule = rule_for(coordinate)
        for label, text in {"too long": "x" * (rule.max_length + 1), **BROKEN}.items():
            document, variables = request("Mutation", name, field, argument, steps, text)
            response = post_graphql(client, document, variables)
            assert response.status_code == 200, (name, coordinate, label, response.text)
            answer = response.json()["data"][name]
            expected = field_name(argument, field.args[argument].type, steps)
            assert (answer["__typename"], answer["field"]) == ("InvalidInputError", expected), (coordinate, label)
            tried += 1
    assert tried == 4 * len(MUTATION_CASES)
    assert count_nodes(cypher) == before


def test_every_string_argument_of_every_query_refuses_a_value_too_long_or_holding_controls(
    client: TestClient, keys
) -> None:
    for name, argument, field, steps, coordinate in QUERY_CASES:
        rule = rule_for(coordinate)
        for label, text in {"too long": "x" * (rule.max_length + 1), **BROKEN}.items():
            document, variables = request("Query", name, field, argument, steps, text)
            for key in (True, None):  # an administrator, and an anonymous caller
                response = post_graphql(client, document, variables, key=key)
                body = response.json()
                assert response.status_code in (200, 400) and body.get("errors"), (coordinate, label, body)
                [error] = body["errors"]
                expected = field_name(argument, field.args[argument].type, steps)
                assert error["extensions"]["field"] == expected, (coordinate, label, error)
                assert error["extensions"]["code"] == "InvalidInput" and error["message"] != "Unexpected error."


def test_a_search_query_of_300000_characters_is_refused_before_it_reaches_the_database(client: TestClient) -> None:
    document = "query($q: String) { searchExperts(query: $q) { totalCount } }"
    body = post_graphql(client, document, {"q": "承德" * 150_000}, key=None).json()
    assert (
        body["errors"][0]["extensions"]["field"] == "query" and "at most 100 characters" in body["errors"][0]["message"]
    )


@pytest.mark.parametrize(
    ("document", "variables", "path"),
    [
        (
            "mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { __typename ... on UserError { field } } }",
            {"i": {"name": "张伟", "role": "x" * 1_000_000}},
            ["registerPerson"],
        ),
        (
            'mutation($r: String) { revokeTitle(certificateNo: "X1", reason: $r) { __typename ... on UserError { field } } }',
            {"r": "理由" * 500_000},
            ["revokeTitle"],
        ),
    ],
)
def test_a_megabyte_value_is_refused_before_the_resolver(
    document: str, variables: dict, path: list[str], settings
) -> None:
    from server.auth import UNCHECKED
    from server.context import Context

    # No database at all: the rule refuses the value before anything would reach one.
    context = Context(db=None, settings=settings, id_salt="x", caller=UNCHECKED)  # type: ignore[arg-type]
    result = asyncio.run(schema.execute(document, variable_values=variables, context_value=context))
    assert result.errors is None and result.data is not None
    assert result.data[path[0]]["__typename"] == "InvalidInputError"
