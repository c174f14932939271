"""A withdrawn record is out of the rules, suggestions and corrections that read the graph, not only out of lists."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from tests.api.test_collaborators import COLLABORATORS, chengde_and_beijing, ids
from tests.api.test_teams import REGISTER, run, staff, team_input
from tests.builders import count_nodes, person
from tests.collaboration_builders import platform, project, refresh_search
from tests.conftest import graphql

WITHDRAW = """mutation($input: WithdrawRecordInput!) { withdrawRecord(input: $input) {
  __typename ... on RecordWithdrawn { kind id on } ... on UserError { message field } } }"""
UPDATE_PERSON = """mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) {
  __typename ... on UserError { message field } } }"""


def withdraw(client: TestClient, kind: str, id: str, key: str | bool = True) -> dict[str, Any]:
    return graphql(client, WITHDRAW, {"input": {"kind": kind, "id": id}}, key)["data"]["withdrawRecord"]


def suggested(client: TestClient, **variables: Any) -> list[dict[str, Any]]:
    return graphql(client, COLLABORATORS, variables)["data"]["collaborators"]


def test_a_withdrawn_person_is_suggested_to_nobody(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "friend", "李娜", "li na", "i-small", ("vanadium-titanium",))
    project(cypher, "j", "钒钛提取", "i-cd", ("s", "friend"))
    refresh_search(cypher)
    assert "friend" in ids(suggested(client, personId="s"))
    assert withdraw(client, "PERSON", "friend")["__typename"] == "RecordWithdrawn"
    assert "friend" not in ids(suggested(client, personId="s"))
    assert "friend" not in ids(suggested(client, personId="s", field="vanadium-titanium"))


def test_a_withdrawn_project_or_platform_is_no_longer_a_reason(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "friend", "李娜", "li na", "i-small")
    person(cypher, "mate", "赵敏", "zhao min", "i-small")
    project(cypher, "j", "钒钛提取", "i-cd", ("s", "friend"))
    platform(cypher, "x", "钒钛重点实验室", "i-cd", ("s", "mate"))
    refresh_search(cypher)
    assert {"friend", "mate"} <= set(ids(suggested(client, personId="s")))
    assert withdraw(client, "PROJECT", "j")["__typename"] == "RecordWithdrawn"
    assert withdraw(client, "PLATFORM", "x")["__typename"] == "RecordWithdrawn"
    found = suggested(client, personId="s")
    assert not {"friend", "mate"} & set(ids(found)), found
    steps = [step["id"] for s in found for reason in s["reasons"] for step in reason["steps"]]
    assert "j" not in steps and "x" not in steps


def test_the_leader_of_a_withdrawn_team_may_lead_a_new_one(client: TestClient, cypher, keys) -> None:
    staff(cypher)
    own = keys("institution", "cd")
    first = run(client, REGISTER, "registerTeam", own, input=team_input())
    assert first["__typename"] == "TeamRegistered"
    again = run(client, REGISTER, "registerTeam", own, input=team_input(name="钒钛第二团队"))
    assert (again["__typename"], again["field"]) == ("ConflictError", "leader")
    assert withdraw(client, "TEAM", first["team"]["id"], own)["__typename"] == "RecordWithdrawn"
    assert run(client, REGISTER, "registerTeam", own, input=team_input(name="钒钛第二团队"))["__typename"] == (
        "TeamRegistered"
    )


def test_a_withdrawn_person_cannot_be_corrected_and_nothing_changes(client: TestClient, cypher, keys) -> None:
    staff(cypher)
    own = keys("institution", "cd")
    assert withdraw(client, "PERSON", "core", own)["__typename"] == "RecordWithdrawn"
    before = count_nodes(cypher)
    refused = graphql(client, UPDATE_PERSON, {"id": "core", "input": {"email": "li@example.cn"}}, own)
    outcome = refused["data"]["updatePerson"]
    assert (outcome["__typename"], outcome["field"]) == ("ConflictError", "id"), outcome
    assert count_nodes(cypher) == before
    assert cypher("MATCH (p:Person {id: 'core'}) RETURN p.email AS email") == [{"email": None}]
