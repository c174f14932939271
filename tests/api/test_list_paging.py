"""List paging with writes between pages, an institution key's scope under OR and not, typed errors of
impossible filters and pages, and what the new arguments cost."""

from __future__ import annotations

import random
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.api.test_list_filters import CASES, SEED, World, walk
from tests.builders import api_key
from tests.conftest import post_graphql

PEOPLE = next(case for case in CASES if case.field == "people")


def insert_person(cypher: Any, person_id: str, pinyin: str) -> None:
    cypher(
        "CREATE (:Person {id: $id, name: '新人', pinyin: $pinyin, consentToContact: false})",
        id=person_id,
        pinyin=pinyin,
    )


@pytest.mark.parametrize("backward", [False, True], ids=["forwards", "backwards"])
def test_pages_stay_stable_when_people_are_inserted_between_them(
    client: TestClient, cypher: Any, world: World, backward: bool
) -> None:
    """Each person present from the start is seen exactly once, in order, whatever is inserted meanwhile."""
    rng = random.Random(f"{SEED}-inserts-{backward}")
    query = (
        "query($first: Int, $after: String, $last: Int, $before: String) { people(orderBy: [{by: PINYIN}, "
        "{by: BIRTH_YEAR, direction: DESC}], first: $first, after: $after, last: $last, before: $before) "
        "{ edges { node { id pinyin } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"
    )
    before_inserts = {p["id"] for p in world.people}
    seen: list[tuple[str, str]] = []
    cursor = None
    for page_number in range(100):
        paging = {"last": 5, "before": cursor} if backward else {"first": 5, "after": cursor}
        body = post_graphql(client, query, paging).json()
        page = body["data"]["people"]
        found = [(edge["node"]["pinyin"], edge["node"]["id"]) for edge in page["edges"]]
        seen = found + seen if backward else seen + found
        # Somebody sorting before, after and at the cursor's own pinyin arrives between every two pages.
        anchor = found[0][0] if found else "m"
        for n, pinyin in enumerate(["a", anchor, "zzz", rng.choice(["li", "wang", "zhou"]) + " x"]):
            insert_person(cypher, f"new-{page_number}-{n}", pinyin)
        info = page["pageInfo"]
        if not (info["hasPreviousPage"] if backward else info["hasNextPage"]):
            break
        cursor = info["startCursor"] if backward else info["endCursor"]
    ids = [person_id for _, person_id in seen]
    assert len(ids) == len(set(ids)), "a person was listed twice"
    assert before_inserts <= set(ids), "a person present from the start was skipped"
    assert [pinyin for pinyin, _ in seen] == sorted(pinyin for pinyin, _ in seen)


def scoped_cases() -> list[tuple[str, str, str]]:
    """(list, its field of institution, a filter trying to reach other institutions' records)."""
    escape = '{OR: [{institutionId: "fi1"}, {not: {institutionId: "fi0"}}, {institutionIdIn: ["fi2", "fi3"]}]}'
    return [
        ("people", "PeopleWhere", escape),
        ("teams", "TeamsWhere", escape),
        ("platforms", "PlatformsWhere", escape),
        ("visits", "VisitsWhere", escape),
        ("institutions", "InstitutionsWhere", '{OR: [{region: "110000"}, {not: {region: "110000"}}]}'),
    ]


@pytest.mark.parametrize(("field", "where_type", "where"), scoped_cases(), ids=[c[0] for c in scoped_cases()])
def test_an_or_or_a_not_does_not_take_an_institution_key_beyond_its_records(
    client: TestClient, cypher: Any, world: World, field: str, where_type: str, where: str
) -> None:
    key = api_key(cypher, "institution", "fi0")
    owned = {
        "people": {p["id"] for p in world.people if p["employer"] == "fi0"},
        "teams": {t["id"] for t in world.teams if t["institution"] == "fi0"},
        "platforms": {pl["id"] for pl in world.platforms if pl["institution"] == "fi0"},
        "visits": {v["id"] for v in world.visits if v["institution"] == "fi0"},
        "institutions": {"fi0"},
    }[field]
    assert owned, "the seed must give fi0 records of every kind"
    for written in (where, "{not: {}}".replace("{}", where)):
        body = post_graphql(
            client, f"{{ {field}(where: {written}, first: 500) {{ totalCount nodes {{ id }} }} }}", key=key
        )
        answer = body.json()["data"][field]
        ids = {node["id"] for node in answer["nodes"]}
        assert ids <= owned, (written, ids - owned)
        assert answer["totalCount"] == len(ids)
    # Between them, the filter and its negation list every one of its records (the scope is not the filter).
    both = set()
    for written in (where, "{not: {}}".replace("{}", where)):
        nodes = post_graphql(client, f"{{ {field}(where: {written}, first: 500) {{ nodes {{ id }} }} }}", key=key)
        both |= {node["id"] for node in nodes.json()["data"][field]["nodes"]}
    assert both == owned


def error_of(client: TestClient, document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    body = post_graphql(client, document, variables).json()
    assert body.get("data") is None or body["data"].get("people") is None, body
    [error] = body["errors"]
    return error


PEOPLE_QUERY = (
    "query($where: PeopleWhere, $order: [PeopleOrder!], $first: Int, $after: String, $last: Int, $before: String)"
    " { people(where: $where, orderBy: $order, first: $first, after: $after, last: $last, before: $before)"
    " { nodes { id } pageInfo { endCursor } } }"
)


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"first": 2, "last": 2}, "last"),
        ({"last": 2, "after": "x"}, "after"),
        ({"first": 2, "before": "x"}, "before"),
        ({"last": 100_000}, "last"),
        ({"where": {"birthYear": {"gte": 1990, "lte": 1980}}}, "where.birthYear"),
        ({"where": {"OR": [{}, {"birthYear": {"gte": 1990, "lte": 1980}}]}}, "where.OR[1].birthYear"),
        ({"where": {"titleLevelRange": {"gte": "SENIOR", "lte": "INTERMEDIATE"}}}, "where.titleLevelRange"),
        ({"where": {"not": {"nationality": "Atlantis"}}}, "where.not.nationality"),
        ({"where": {"nationalityIn": ["DE", "Atlantis"]}}, "where.nationalityIn"),
        ({"where": {"OR": []}}, "where.OR"),
        ({"where": {"OR": [{"regionIn": [f"r{n}"]} for n in range(65)]}}, "where"),
        (
            {"where": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {}}}}}}}}}}},
            "where.not.not.not.not.not.not.not.not.not",
        ),
        ({"order": [{"by": "NAME"}, {"by": "NAME", "direction": "DESC"}]}, "orderBy"),
    ],
    ids=lambda value: str(value)[:60],
)
def test_an_impossible_filter_or_page_is_a_typed_error_naming_its_argument(
    client: TestClient, variables: dict[str, Any], field: str
) -> None:
    error = error_of(client, PEOPLE_QUERY, variables)
    assert error["extensions"]["code"] == "InvalidInput", error
    assert error["extensions"]["field"] == field, error


def test_a_cursor_of_another_order_is_refused_naming_the_argument(client: TestClient, world: World) -> None:
    body = post_graphql(client, PEOPLE_QUERY, {"first": 2}).json()
    cursor = body["data"]["people"]["pageInfo"]["endCursor"]
    two_keys = [{"by": "NAME"}, {"by": "BIRTH_YEAR"}]
    for paging, argument in (({"after": cursor}, "after"), ({"before": cursor, "last": 2}, "before")):
        error = error_of(client, PEOPLE_QUERY, {"order": two_keys, **paging})
        assert error["extensions"]["field"] == argument, error


def test_an_unknown_code_of_a_closed_vocabulary_is_refused_naming_it(client: TestClient) -> None:
    body = post_graphql(client, PEOPLE_QUERY, {"where": {"titleLevelIn": ["SENIOR", "GRAND"]}}).json()
    assert "titleLevelIn" in body["errors"][0]["message"] and "GRAND" in body["errors"][0]["message"]


def test_last_is_costed_as_first_is(client: TestClient) -> None:
    person = "id name pinyin email phone titles { level series } fields { field { code name } }"
    for argument in ("first", "last"):
        pages = " ".join(f"p{n}: people({argument}: 500) {{ edges {{ node {{ {person} }} }} }}" for n in range(6))
        response = post_graphql(client, "{ " + pages + " }")
        assert response.status_code == 400, argument
        assert "would cost 57,006" in response.json()["errors"][0]["message"], argument


def test_the_last_page_comes_back_in_list_order(client: TestClient, world: World) -> None:
    ordered = sorted(world.people, key=lambda p: (p["pinyin"], p["id"]))
    listed = walk(client, PEOPLE, {"order": [{"by": "PINYIN"}]}, 7, backward=True)[0]
    assert listed == [p["id"] for p in ordered]
