"""Platforms, foreign experts and their visits: registered, validated, listed."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.builders import count_nodes, institution, person
from tests.collaboration_builders import refresh_search
from tests.conftest import graphql

OUTCOME = "__typename ... on UserError { message messageZh field }"
REGISTER_PLATFORM = f"""mutation($input: RegisterPlatformInput!) {{ registerPlatform(input: $input) {{ {OUTCOME}
  ... on PlatformRegistered {{ platform {{ id name kind kindLabel {{ zh }} level establishedOn
    institution {{ id }} fields {{ code }} }} }} }} }}"""
REGISTER_EXPERT = f"""mutation($input: RegisterForeignExpertInput!) {{ registerForeignExpert(input: $input) {{
  {OUTCOME} ... on ForeignExpertRegistered {{ expert {{ id name foreignExpert nationality highEnd }} }} }} }}"""
RECORD_VISIT = f"""mutation($input: RecordVisitInput!) {{ recordVisit(input: $input) {{ {OUTCOME}
  ... on VisitRecorded {{ visit {{ id arrivedOn departedOn program expert {{ id }} institution {{ id }} }} }} }} }}"""


def platform_input(**changes: Any) -> dict[str, Any]:
    return {
        "name": "承德市钒钛新材料技术创新中心",
        "kind": "TECH_INNOVATION_CENTER",
        "level": "PROVINCIAL",
        "establishedOn": "2021-12-01",
        "fields": ["vanadium-titanium"],
        **changes,
    }


def test_institution_registers_a_platform_at_its_own_institution(client: TestClient, cypher, keys) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    body = graphql(client, REGISTER_PLATFORM, {"input": platform_input()}, keys("institution", "cd"))
    platform = body["data"]["registerPlatform"]["platform"]
    assert platform["institution"] == {"id": "cd"} and platform["kindLabel"] == {"zh": "技术创新中心"}
    assert (platform["level"], platform["establishedOn"], platform["fields"]) == (
        "PROVINCIAL",
        "2021-12-01",
        [{"code": "vanadium-titanium"}],
    )
    listed = graphql(client, '{ platforms(where: {level: PROVINCIAL, field: "new-materials"}) { totalCount } }')
    assert listed["data"]["platforms"]["totalCount"] == 1


@pytest.mark.parametrize(
    ("change", "typename", "field"),
    [
        ({"establishedOn": "2999-01-01"}, "InvalidInputError", "establishedOn"),
        ({"name": ""}, "InvalidInputError", "name"),
        ({"institutionId": "nowhere"}, "NotFoundError", "institutionId"),
        ({"institutionId": None}, "InvalidInputError", "institutionId"),
        ({"fields": ["nope"]}, "NotFoundError", "fields"),
    ],
)
def test_register_platform_bad_input_writes_nothing(client: TestClient, cypher, change, typename, field) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    before = count_nodes(cypher)
    body = graphql(client, REGISTER_PLATFORM, {"input": platform_input(**{"institutionId": "cd", **change})})
    outcome = body["data"]["registerPlatform"]
    assert (outcome["__typename"], outcome["field"]) == (typename, field)
    assert count_nodes(cypher) == before


def expert(client: TestClient, cypher, high_end: bool = False) -> str:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    body = graphql(
        client,
        REGISTER_EXPERT,
        {
            "input": {
                "name": "Anna Schmidt",
                "nationality": "de",
                "passport": {"number": "C01X00T47", "country": "DEU"},
                "highEnd": high_end,
                "fields": ["hawthorn"],
            }
        },
    )
    registered = body["data"]["registerForeignExpert"]["expert"]
    assert registered["foreignExpert"] and registered["nationality"] == "DE"
    return str(registered["id"])


def visit(client: TestClient, expert_id: str, arrived: str, departed: str | None) -> dict[str, Any]:
    body = graphql(
        client,
        RECORD_VISIT,
        {
            "input": {
                "expertId": expert_id,
                "arrivedOn": arrived,
                "departedOn": departed,
                "program": "京津冀协同发展引智计划",
                "institutionId": "cd",
            }
        },
    )
    return body["data"]["recordVisit"]


def test_visits_are_recorded_and_counted_in_person_visits(client: TestClient, cypher) -> None:
    expert_id = expert(client, cypher, high_end=True)
    first = visit(client, expert_id, "2024-03-01", "2024-03-10")
    assert first["visit"]["expert"] == {"id": expert_id} and first["visit"]["institution"] == {"id": "cd"}
    assert visit(client, expert_id, "2024-05-01", None)["__typename"] == "VisitRecorded"
    query = """query($where: VisitsWhere) { visits(where: $where, direction: ASC) {
      totalCount nodes { arrivedOn departedOn } } }"""
    listed = graphql(client, query, {"where": {"highEnd": True, "arrivedFrom": "2024-01-01"}})["data"]["visits"]
    assert listed == {
        "totalCount": 2,
        "nodes": [
            {"arrivedOn": "2024-03-01", "departedOn": "2024-03-10"},
            {"arrivedOn": "2024-05-01", "departedOn": None},
        ],
    }
    assert graphql(client, query, {"where": {"highEnd": False}})["data"]["visits"]["totalCount"] == 0


@pytest.mark.parametrize(
    ("arrived", "departed", "typename", "field"),
    [
        ("2024-03-10", "2024-03-09", "InvalidInputError", "departedOn"),
        ("2024-03-05", "2024-03-20", "ConflictError", "arrivedOn"),
        ("2024-02-20", "2024-03-01", "ConflictError", "arrivedOn"),
        ("2024-03-10", None, "ConflictError", "arrivedOn"),
        ("2024-02-01", None, "ConflictError", "arrivedOn"),
    ],
)
def test_visit_out_of_order_or_overlapping_another_is_refused(
    client: TestClient, cypher, arrived, departed, typename, field
) -> None:
    expert_id = expert(client, cypher)
    visit(client, expert_id, "2024-03-01", "2024-03-10")
    before = count_nodes(cypher)
    outcome = visit(client, expert_id, arrived, departed)
    assert (outcome["__typename"], outcome["field"]) == (typename, field)
    assert count_nodes(cypher) == before


def test_a_visit_needs_a_registered_foreign_expert(client: TestClient, cypher) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    cypher("CREATE (:Person {id: 'local', name: '王强', pinyin: 'wang qiang'})")
    assert visit(client, "local", "2024-03-01", None)["field"] == "expertId"
    assert visit(client, "nobody", "2024-03-01", None)["__typename"] == "NotFoundError"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nationality": "XX"}, "nationality"),
        ({"nationality": "QQ"}, "nationality"),
        ({"nationality": "CN"}, "nationality"),
        ({"passport": {"number": "C01X00T47", "country": "QQ"}}, "passport.country"),
        ({"passport": {"number": "C01X00T47", "country": "XX"}}, "passport.country"),
        ({"passport": {"number": "C0-1", "country": "DE"}}, "passport.number"),
        ({"passport": None}, "passport"),
        ({"passport": None, "idNumber": "912345678901234567"}, "idNumber"),
    ],
)
def test_a_foreign_expert_needs_an_iso_3166_country_and_an_identity_and_refused_writes_nothing(
    client: TestClient, cypher, change: dict[str, Any], field: str
) -> None:
    before = count_nodes(cypher)
    expert = {"name": "Anna Schmidt", "nationality": "DE", "passport": {"number": "C01X00T47", "country": "DE"}}
    body = graphql(client, REGISTER_EXPERT, {"input": {**expert, **change}})
    outcome = body["data"]["registerForeignExpert"]
    assert (outcome["__typename"], outcome["field"]) == ("InvalidInputError", field), outcome
    assert count_nodes(cypher) == before


def test_a_nationality_may_be_written_as_iso_alpha_3_or_a_name(client: TestClient, cypher) -> None:
    for written, number in (("DEU", "C01X00T41"), ("Germany", "C01X00T42"), ("德国", "C01X00T43")):
        body = graphql(
            client,
            REGISTER_EXPERT,
            {
                "input": {
                    "name": "Anna Schmidt",
                    "nationality": written,
                    "passport": {"number": number, "country": "DE"},
                }
            },
        )
        assert body["data"]["registerForeignExpert"]["expert"]["nationality"] == "DE", written


ASSIGN_ROLE = f"""mutation($platform: ID!, $input: PlatformRoleInput!) {{
  assignPlatformRole(platformId: $platform, input: $input) {{ {OUTCOME}
    ... on PlatformRoleAssigned {{ platform {{ id }} personId role }} }} }}"""
SUGGEST = """query($personId: ID) { collaborators(personId: $personId) {
  person { id } scoreParts { closeness } reasons { kind en steps { kind id relation } } } }"""


def test_a_platform_role_assigned_through_the_api_counts_in_collaborator_suggestions(
    client: TestClient, cypher, keys
) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    institution(cypher, "bj", "北京材料大学", "110000", "UNIVERSITY")
    person(cypher, "s", "王强", "wang qiang", "cd", ("vanadium-titanium",))
    person(cypher, "b", "张伟", "zhang wei", "bj", ("blockchain",))
    own = keys("institution", "cd")
    created = graphql(client, REGISTER_PLATFORM, {"input": platform_input()}, own)
    platform = created["data"]["registerPlatform"]["platform"]["id"]

    def assign(person_id: str, key: str | None = own, **more: Any) -> dict[str, Any]:
        variables = {"platform": platform, "input": {"personId": person_id, "role": "RESEARCHER", **more}}
        return graphql(client, ASSIGN_ROLE, variables, key)["data"]["assignPlatformRole"]

    assert assign("s", role="DIRECTOR") == {
        "__typename": "PlatformRoleAssigned",
        "platform": {"id": platform},
        "personId": "s",
        "role": "DIRECTOR",
    }
    beijing = keys("institution", "bj")
    before = count_nodes(cypher)
    refused = [
        (assign("b"), "InvalidInputError", "personId"),  # works in Beijing, not invited
        (assign("s"), "ConflictError", "personId"),  # holds a role there already
        (assign("nobody", invited=True), "NotFoundError", "personId"),
        (assign("b", invited=True, since="2020-01-01"), "InvalidInputError", "since"),  # before it was established
        (assign("b", key=beijing, invited=True), "NotFoundError", "platformId"),
    ]
    for outcome, typename, field in refused:
        assert (outcome["__typename"], outcome["field"]) == (typename, field), outcome
    assert count_nodes(cypher) == before
    assert assign("b", invited=True, since="2022-03-01")["__typename"] == "PlatformRoleAssigned"
    assert cypher(
        "MATCH (:Person {id: 'b'})-[r:ROLE_AT]->(:Platform) RETURN r.role AS role, toString(r.since) AS since"
    ) == [{"role": "researcher", "since": "2022-03-01"}]
    refresh_search(cypher)
    found = graphql(client, SUGGEST, {"personId": "s"})["data"]["collaborators"]
    [b] = [suggestion for suggestion in found if suggestion["person"]["id"] == "b"]
    assert b["scoreParts"]["closeness"] > 0
    path = next(reason for reason in b["reasons"] if reason["kind"] == "PATH")
    assert path["en"] == "both hold roles at platform 承德市钒钛新材料技术创新中心"
    assert [(step["kind"], step["relation"]) for step in path["steps"]] == [
        ("PERSON", "ROLE_AT"),
        ("PLATFORM", "ROLE_AT"),
        ("PERSON", None),
    ]
