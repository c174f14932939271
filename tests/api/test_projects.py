"""registerProject: participants and running institutions; refusals write nothing."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from tests.builders import count_nodes, institution, person
from tests.conftest import graphql

REGISTER_PROJECT = """mutation($input: RegisterProjectInput!) { registerProject(input: $input) {
  __typename
  ... on ProjectRegistered { project { id name kind kindLabel { zh } year fields { code }
        institutions { lead institution { id name } } participants { role person { id name } } } }
  ... on UserError { message messageZh field } ... on NotFoundError { entity key } } }"""


def two_institutions(cypher) -> None:
    institution(cypher, "i-cd", "承德钒钛研究院", "130802", "INSTITUTE")
    institution(cypher, "i-bj", "北京材料大学", "110000", "UNIVERSITY")
    person(cypher, "p1", "王强", "wang qiang", "i-cd")
    person(cypher, "p2", "张伟", "zhang wei", "i-bj")


def valid_input(**changes: Any) -> dict[str, Any]:
    return {
        "id": "CD-2023-017",
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
    assert (project["id"], project["kindLabel"]["zh"], project["fields"]) == (
        "CD-2023-017",
        "揭榜挂帅",
        [{"code": "vanadium-titanium"}],
    )
    assert [(i["lead"], i["institution"]["id"]) for i in project["institutions"]] == [(True, "i-cd"), (False, "i-bj")]
    assert [(p["role"], p["person"]["name"]) for p in project["participants"]] == [
        ("LEADER", "王强"),
        ("MEMBER", "张伟"),
    ]
    assert cypher("""MATCH (:Person {id: 'p2'})-[:WORKED_ON]->(j:Project)<-[:RAN]-(:Institution {id: 'i-bj'})
                     RETURN j.id AS id""") == [{"id": "CD-2023-017"}]
    fetched = graphql(client, "query($id: ID!) { project(id: $id) { name } }", {"id": "CD-2023-017"})
    assert fetched["data"]["project"] == {"name": "钒钛磁铁矿综合利用"}


def test_bad_input_and_unknown_references_are_typed_errors_that_write_nothing(client: TestClient, cypher) -> None:
    two_institutions(cypher)
    graphql(client, REGISTER_PROJECT, {"input": valid_input()})
    before = count_nodes(cypher)
    for changes, typename, field in (
        ({}, "ConflictError", "id"),
        ({"id": "X-1", "participants": [{"personId": "nobody"}]}, "NotFoundError", "participants"),
        ({"id": "X-1", "institutionId": "nowhere"}, "NotFoundError", "institutionId"),
        ({"id": "X-1", "fields": ["no-such-field"]}, "NotFoundError", "fields"),
        ({"id": "X-1", "year": 1800}, "InvalidInputError", "year"),
        ({"id": "X-1", "name": "  "}, "InvalidInputError", "name"),
        ({"id": "X-1", "partnerInstitutionIds": ["i-cd"]}, "InvalidInputError", "partnerInstitutionIds"),
        ({"id": "X-1", "participants": [{"personId": "p1"}, {"personId": "p1"}]}, "InvalidInputError", "participants"),
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
