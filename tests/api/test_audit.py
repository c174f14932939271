"""The audit trail: who, what and when for every change, written with the change, read by administrators only."""

from __future__ import annotations

import datetime as dt

from starlette.testclient import TestClient

from server.schema import schema
from tests.builders import institution, person
from tests.conftest import graphql

REGISTER_TEAM = """mutation($input: RegisterTeamInput!) { registerTeam(input: $input) {
  __typename ... on TeamRegistered { team { id } } ... on UserError { message } } }"""
AUDIT = """query($where: AuditWhere) { auditTrail(where: $where) { totalCount
  nodes { at keyId role operation nodeIds } } }"""


def team_input(leader: str) -> dict:
    return {"name": "山楂深加工团队", "fields": ["hawthorn"], "origin": "CULTIVATED", "leader": {"personId": leader}}


def test_a_change_records_the_key_role_operation_nodes_and_time(client: TestClient, cypher, keys) -> None:
    institution(cypher, "cd", "承德山楂研究所", "130802", "INSTITUTE")
    person(cypher, "lead", "王强", "wang qiang", "cd")
    key = keys("institution", "cd")
    key_id = cypher("MATCH (k:ApiKey {role: 'institution'}) RETURN k.id AS id")[0]["id"]
    before = dt.datetime.now(dt.UTC)
    team_id = graphql(client, REGISTER_TEAM, {"input": team_input("lead")}, key)["data"]["registerTeam"]["team"]["id"]
    trail = graphql(client, AUDIT, {"where": {"nodeId": team_id}})["data"]["auditTrail"]
    assert trail["totalCount"] == 1
    [entry] = trail["nodes"]
    assert (entry["keyId"], entry["role"], entry["operation"], entry["nodeIds"]) == (
        key_id,
        "institution",
        "registerTeam",
        [team_id],
    )
    assert before <= dt.datetime.fromisoformat(entry["at"]) <= dt.datetime.now(dt.UTC)


def test_a_failed_change_leaves_no_audit_entry(client: TestClient, cypher) -> None:
    institution(cypher, "cd", "承德山楂研究所", "130802", "INSTITUTE")
    failed = graphql(client, REGISTER_TEAM, {"input": {**team_input("nobody"), "institutionId": "cd"}})
    assert failed["data"]["registerTeam"]["__typename"] == "NotFoundError"
    assert cypher("MATCH (a:AuditEntry) RETURN count(a) AS n")[0]["n"] == 0


def test_the_trail_is_newest_first_and_filters_by_operation(client: TestClient, cypher) -> None:
    for n in range(3):
        graphql(
            client,
            """mutation($name: String!) { registerInstitution(input: {name: $name, type: OTHER,
                           regionCode: "130802"}) { __typename } }""",
            {"name": f"单位{n}"},
        )
    trail = graphql(client, AUDIT, {"where": {"operation": "registerInstitution"}})["data"]["auditTrail"]
    stamps = [entry["at"] for entry in trail["nodes"]]
    assert trail["totalCount"] == 3 and stamps == sorted(stamps, reverse=True)
    assert graphql(client, AUDIT, {"where": {"operation": "registerTeam"}})["data"]["auditTrail"]["totalCount"] == 0


def test_no_mutation_can_touch_the_audit_trail() -> None:
    mutation = schema._schema.mutation_type
    assert mutation is not None
    assert not [name for name in mutation.fields if "audit" in name.lower()]
    assert not [name for name, field in mutation.fields.items() if "AuditEntry" in str(field.type)]
