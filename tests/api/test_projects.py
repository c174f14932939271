"""registerProject: participants and running institutions; refusals write nothing."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.testclient import TestClient

from tests.builders import count_nodes, institution, person
from tests.conftest import graphql

REGISTER_PROJECT = """mutation($input: RegisterProjectInput!) { registerProject(input: $input) {
  __typename
  ... on ProjectRegistered { project { id number name kind kindLabel { zh } year fields { code }
        institutions { lead institution { id name } } participants { role person { id name } } } }
  ... on UserError { message messageZh field } ... on NotFoundError { entity key } } }"""


def two_institutions(cypher) -> None:
    institution(cypher, "i-cd", "承德钒钛研究院", "130802", "INSTITUTE")
    institution(cypher, "i-bj", "北京材料大学", "110000", "UNIVERSITY")
    person(cypher, "p1", "王强", "wang qiang", "i-cd")
    person(cypher, "p2", "张伟", "zhang wei", "i-bj")


def valid_input(**changes: Any) -> dict[str, Any]:
    return {
        "number": "CD-2023-017",
        "name": "钒钛磁铁矿综合利用",
        "kind": "CHALLENGE",
        "year": 2023,
        "institutionId": "i-cd",
        "partnerInstitutionIds": ["i-bj"],
        "fields": ["vanadium-titanium"],
        "participants": [{"personId": "p1", "role": "LEADER"}, {"personId": "p2"}],
        **changes,
    }


def test_a_project_is_registered_with_its_institutions_participants_and_fields(client: TestClient, cypher) -> None:
    two_institutions(cypher)
    result = graphql(client, REGISTER_PROJECT, {"input": valid_input()})["data"]["registerProject"]
    assert result["__typename"] == "ProjectRegistered"
    project = result["project"]
    assert (project["number"], project["kindLabel"]["zh"], project["fields"]) == (
        "CD-2023-017",
        "揭榜挂帅",
        [{"code": "vanadium-titanium"}],
    )
    assert str(uuid.UUID(project["id"])) == project["id"]  # generated, never the caller's
    assert [(i["lead"], i["institution"]["id"]) for i in project["institutions"]] == [(True, "i-cd"), (False, "i-bj")]
    assert [(p["role"], p["person"]["name"]) for p in project["participants"]] == [
        ("LEADER", "王强"),
        ("MEMBER", "张伟"),
    ]
    assert cypher("""MATCH (:Person {id: 'p2'})-[:WORKED_ON]->(j:Project)<-[:RAN]-(:Institution {id: 'i-bj'})
                     RETURN j.number AS number""") == [{"number": "CD-2023-017"}]
    fetched = graphql(client, "query($id: ID!) { project(id: $id) { name } }", {"id": project["id"]})
    assert fetched["data"]["project"] == {"name": "钒钛磁铁矿综合利用"}


def test_bad_input_and_unknown_references_are_typed_errors_that_write_nothing(client: TestClient, cypher) -> None:
    two_institutions(cypher)
    graphql(client, REGISTER_PROJECT, {"input": valid_input()})
    before = count_nodes(cypher)
    for changes, typename, field in (
        ({}, "ConflictError", "number"),
        ({"number": "X-1", "participants": [{"personId": "nobody"}]}, "NotFoundError", "participants"),
        ({"number": "X-1", "institutionId": "nowhere"}, "NotFoundError", "institutionId"),
        ({"number": "X-1", "fields": ["no-such-field"]}, "NotFoundError", "fields"),
        ({"number": "X-1", "year": 1800}, "InvalidInputError", "year"),
        ({"number": "X-1", "name": "  "}, "InvalidInputError", "name"),
        ({"number": "X-1", "partnerInstitutionIds": ["i-cd"]}, "InvalidInputError", "partnerInstitutionIds"),
        (
            {"number": "X-1", "participants": [{"personId": "p1"}, {"personId": "p1"}]},
            "InvalidInputError",
            "participants",
        ),
    ):
        body = graphql(client, REGISTER_PROJECT, {"input": valid_input(**changes)})
        result = body["data"]["registerProject"]
        assert (result["__typename"], result["field"]) == (typename, field), result
    assert count_nodes(cypher) == before


def test_an_institution_key_registers_only_projects_its_institution_leads(client: TestClient, cypher, keys) -> None:
    two_institutions(cypher)
    for key in (keys("institution", "i-bj"), keys("recruiter"), keys("analyst")):
        refused = graphql(client, REGISTER_PROJECT, {"input": valid_input()}, key=key)["data"]["registerProject"]
        assert refused["__typename"] == "NotAllowedError", refused
    assert cypher("MATCH (j:Project) RETURN count(j) AS n") == [{"n": 0}]
    registered = graphql(client, REGISTER_PROJECT, {"input": valid_input()}, key=keys("institution", "i-cd"))
    assert registered["data"]["registerProject"]["__typename"] == "ProjectRegistered"


def test_a_project_number_is_unique_among_the_lead_institutions_projects_only(client: TestClient, cypher, keys) -> None:
    two_institutions(cypher)
    person(cypher, "p3", "李娜", "li na", "i-bj")
    own = graphql(client, REGISTER_PROJECT, {"input": valid_input()}, key=keys("institution", "i-cd"))
    assert own["data"]["registerProject"]["__typename"] == "ProjectRegistered"
    # Beijing's key learns nothing of Chengde's numbers: the same number is simply its own project's.
    elsewhere = valid_input(institutionId="i-bj", partnerInstitutionIds=[], participants=[{"personId": "p3"}])
    beijing = keys("institution", "i-bj")
    registered = graphql(client, REGISTER_PROJECT, {"input": elsewhere}, key=beijing)["data"]["registerProject"]
    assert registered["__typename"] == "ProjectRegistered" and registered["project"]["number"] == "CD-2023-017"
    again = graphql(client, REGISTER_PROJECT, {"input": elsewhere}, key=beijing)["data"]["registerProject"]
    assert (again["__typename"], again["field"]) == ("ConflictError", "number")


def test_a_project_its_institution_did_not_run_does_not_exist_for_an_institution_key(
    client: TestClient, cypher, keys
) -> None:
    two_institutions(cypher)
    institution(cypher, "i-tj", "天津某公司", "120000")
    project_id = graphql(client, REGISTER_PROJECT, {"input": valid_input()})["data"]["registerProject"]["project"]["id"]
    query = "query($id: ID!) { project(id: $id) { name } }"
    for key, seen in (
        (keys("institution", "i-cd"), True),
        (keys("institution", "i-bj"), True),
        (keys("institution", "i-tj"), False),
    ):
        for asked in (project_id, "P20230001"):
            body = graphql(client, query, {"id": asked}, key=key)
            assert body["data"]["project"] == ({"name": "钒钛磁铁矿综合利用"} if seen and asked == project_id else None)
