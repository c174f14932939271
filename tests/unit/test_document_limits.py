"""The linear depth and alias rules give strawberry's answers on ordinary documents; the cache is bounded by bytes."""

from __future__ import annotations

import pytest
from graphql import get_introspection_query, parse, specified_rules, validate
from strawberry.extensions.max_aliases import create_validator as strawberry_aliases
from strawberry.extensions.query_depth_limiter import create_validator as strawberry_depth

from server.documents import BYTES_PER_CHAR, Checked, DocumentCache, Limits, limits_rule
from server.schema import schema

pytestmark = pytest.mark.unit

GRAPHQL = schema._schema
NO_COST = Limits(
    max_depth=12, max_aliases=50, max_cost=10**30, max_page_size=500, max_tokens=5000, max_document_chars=10**6
)


def doubling(count: int, nested: bool) -> str:
    inner = "children { ...F%d }" if nested else "...F%d"
    fragments = ["fragment F0 on Region { a: code b: name }"]
    fragments += [f"fragment F{n} on Region {{ ...F{n - 1} {inner % (n - 1)} }}" for n in range(1, count + 1)]
    return f"{{ regions {{ ...F{count} }} }}\n" + "\n".join(fragments)


DOCUMENTS = {
    "introspection": get_introspection_query(descriptions=True),
    "regions 11 deep": "{ regions " + "{ children " * 10 + "{ code }" + " }" * 10 + " }",
    "regions 13 deep": "{ regions " + "{ children " * 12 + "{ code }" + " }" * 12 + " }",
    "regions 20 deep": "{ regions " + "{ children " * 19 + "{ code }" + " }" * 19 + " }",
    "a thousand aliases": "{ " + " ".join(f"a{n}: __typename" for n in range(1000)) + " }",
    "fifty aliases": "{ " + " ".join(f"a{n}: titleLevels {{ code }}" for n in range(50)) + " }",
    "fragments doubling flat": doubling(6, nested=False),
    "fragments doubling nested": doubling(6, nested=True),
    "fragments doubling nested past the depth": doubling(14, nested=True),
    "inline fragments": '{ searchExperts(query: "zhang") { edges { node { ... on ExpertResult { person { name '
    "... on Person { titles { level } employer { region { "
    + "parent { " * 10
    + "code"
    + " }" * 10
    + " } } } } } } } } }",
    "two operations": """query A { people { edges { node { name } } } }
        query B { teams { edges { node { members { person { employer { region { parent { parent { parent {
        parent { parent { parent { parent { code } } } } } } } } } } } } } } }""",
    "introspection inside": '{ regions { __typename children { __typename code } } __type(name: "Region") { fields { name type { ofType { name } } } } }',
    "a page of people": """query($first: Int, $after: String) { people(first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id name titles { level }
        employment { institution { name } } } } } }""",
}


def strawberry_messages(document: str) -> set[str]:
    rules = [strawberry_depth(12, None), strawberry_aliases(50)]
    return {error.message for error in validate(GRAPHQL, parse(document), rules)}


def linear_messages(document: str) -> set[str]:
    return {error.message for error in validate(GRAPHQL, parse(document), [limits_rule(NO_COST)])}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_linear_depth_and_alias_rules_answer_as_strawberrys(name: str) -> None:
    assert linear_messages(DOCUMENTS[name]) == strawberry_messages(DOCUMENTS[name])


def test_the_documents_compared_include_refusals_and_valid_documents() -> None:
    refused = {name for name in DOCUMENTS if strawberry_messages(DOCUMENTS[name])}
    assert {"regions 13 deep", "regions 20 deep", "a thousand aliases", "fragments doubling flat"} <= refused
    assert {"introspection", "regions 11 deep", "fifty aliases", "a page of people"}.isdisjoint(refused)
    for name in ("introspection", "a page of people", "inline fragments", "two operations"):
        assert not [error for error in validate(GRAPHQL, parse(DOCUMENTS[name]), specified_rules)], name


def test_the_cache_keeps_recent_documents_within_its_bytes() -> None:
    cache = DocumentCache(budget_bytes=BYTES_PER_CHAR * 1_000)
    outcome = Checked(None, ())
    for n in range(200):
        cache.put(f"{{ a{n:03} }}", outcome)
    assert cache.used <= cache.budget
    assert cache.get("{ a199 }") is outcome and cache.get("{ a000 }") is None
    assert len(cache) == 1_000 // len("{ a000 }")


def test_the_cache_never_keeps_a_document_heavier_than_an_eighth_of_it() -> None:
    cache = DocumentCache(budget_bytes=BYTES_PER_CHAR * 1_000)
    cache.put("{ small }", Checked(None, ()))
    cache.put("#" + "x" * 200 + "\n{ large }", Checked(None, ()))
    assert len(cache) == 1 and cache.get("{ small }") is not None
