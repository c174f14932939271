"""Team lifecycle: submit → approve → recognize (counted), reject → resubmit, invalid transitions refused."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.builders import count_nodes, institution, person
from tests.conftest import graphql

TEAM = (
    "team { id status statusLabel { zh } recognizedOn reviewComment institution { id } "
    "leader { id } members { person { id } role invited } fields { code } }"
)
OUTCOME = "__typename ... on UserError { message messageZh field }"
REGISTER = f"""mutation($input: RegisterTeamInput!) {{ registerTeam(input: $input) {{ {OUTCOME}
  ... on TeamRegistered {{ {TEAM} }} }} }}"""
REVIEW = f"""mutation($id: ID!, $decision: ReviewDecision!, $comment: String) {{
  reviewTeam(id: $id, decision: $decision, comment: $comment) {{ {OUTCOME} ... on TeamReviewed {{ {TEAM} }} }} }}"""
RECOGNIZE = f"""mutation($id: ID!, $on: Date) {{ recognizeTeam(id: $id, on: $on) {{ {OUTCOME}
  ... on TeamRecognized {{ {TEAM} }} }} }}"""
RESUBMIT = f"""mutation($id: ID!) {{ resubmitTeam(id: $id) {{ {OUTCOME} ... on TeamResubmitted {{ {TEAM} }} }} }}"""
ADD = f"""mutation($team: ID!, $member: TeamMemberInput!) {{ addTeamMember(teamId: $team, member: $member) {{
  {OUTCOME} ... on TeamMemberAdded {{ {TEAM} }} }} }}"""
REMOVE = f"""mutation($team: ID!, $person: ID!) {{ removeTeamMember(teamId: $team, personId: $person) {{
  {OUTCOME} ... on TeamMemberRemoved {{ {TEAM} }} }} }}"""
RECOGNIZED_COUNT = "{ teams(where: {status: RECOGNIZED}) { totalCount nodes { name recognizedOn } } }"


def staff(cypher) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    institution(cypher, "bj", "北京材料大学", "110000", "UNIVERSITY")
    person(cypher, "lead", "王强", "wang qiang", "cd")
    person(cypher, "core", "李娜", "li na", "cd")
    person(cypher, "guest", "张伟", "zhang wei", "bj")


def team_input(**changes: Any) -> dict[str, Any]:
    return {
        "name": "钒钛新材料创新团队",
        "fields": ["vanadium-titanium"],
        "origin": "INTRODUCED",
        "level": "MUNICIPAL",
        "leader": {"personId": "lead"},
        "members": [{"personId": "core", "role": "CORE"}, {"personId": "guest", "invited": True}],
        **changes,
    }


def run(client: TestClient, document: str, name: str, key: str | bool = True, **variables: Any) -> dict[str, Any]:
    return graphql(client, document, variables, key)["data"][name]


def test_submit_approve_recognize_is_counted_among_recognized_teams(client: TestClient, cypher, keys) -> None:
    staff(cypher)
    institution_key = keys("institution", "cd")
    registered = run(client, REGISTER, "registerTeam", institution_key, input=team_input())
    assert registered["__typename"] == "TeamRegistered"
    team = registered["team"]
    assert (team["status"], team["statusLabel"], team["institution"]) == ("SUBMITTED", {"zh": "已提交"}, {"id": "cd"})
    assert team["leader"] == {"id": "lead"}
    assert team["members"] == [
        {"person": {"id": "lead"}, "role": "LEADER", "invited": False},
        {"person": {"id": "core"}, "role": "CORE", "invited": False},
        {"person": {"id": "guest"}, "role": "MEMBER", "invited": True},
    ]
    approved = run(client, REVIEW, "reviewTeam", id=team["id"], decision="APPROVE", comment="材料齐全")
    assert (approved["team"]["status"], approved["team"]["reviewComment"]) == ("APPROVED", "材料齐全")
    assert graphql(client, RECOGNIZED_COUNT)["data"]["teams"]["totalCount"] == 0
    recognized = run(client, RECOGNIZE, "recognizeTeam", id=team["id"], on="2024-03-15")
    assert (recognized["team"]["status"], recognized["team"]["recognizedOn"]) == ("RECOGNIZED", "2024-03-15")
    assert graphql(client, RECOGNIZED_COUNT)["data"]["teams"] == {
        "totalCount": 1,
        "nodes": [{"name": "钒钛新材料创新团队", "recognizedOn": "2024-03-15"}],
    }
    stored = cypher(
        "MATCH (t:Team)-[:BASED_AT]->(:Institution {id: 'cd'}) RETURN t.status AS status, "
        "t.recognizedOn AS on, t.origin AS origin"
    )[0]
    assert (stored["status"], str(stored["on"]), stored["origin"]) == ("recognized", "2024-03-15", "INTRODUCED")


def test_rejected_team_can_be_changed_and_resubmitted_then_approved(client: TestClient, cypher, keys) -> None:
    staff(cypher)
    key = keys("institution", "cd")
    team_id = run(client, REGISTER, "registerTeam", key, input=team_input())["team"]["id"]
    rejected = run(client, REVIEW, "reviewTeam", id=team_id, decision="REJECT", comment="外单位成员过多")
    assert rejected["team"]["status"] == "REJECTED"
    removed = run(client, REMOVE, "removeTeamMember", key, team=team_id, person="guest")
    assert [m["person"]["id"] for m in removed["team"]["members"]] == ["lead", "core"]
    assert run(client, RESUBMIT, "resubmitTeam", key, id=team_id)["team"]["status"] == "SUBMITTED"
    assert run(client, REVIEW, "reviewTeam", id=team_id, decision="APPROVE")["team"]["status"] == "APPROVED"


@pytest.mark.parametrize(
    ("status", "document", "name", "variables"),
    [
        ("submitted", RECOGNIZE, "recognizeTeam", {"on": "2024-01-01"}),
        ("submitted", RESUBMIT, "resubmitTeam", {}),
        ("approved", REVIEW, "reviewTeam", {"decision": "REJECT"}),
        ("rejected", RECOGNIZE, "recognizeTeam", {}),
        ("rejected", REVIEW, "reviewTeam", {"decision": "APPROVE"}),
        ("recognized", REVIEW, "reviewTeam", {"decision": "APPROVE"}),
        ("recognized", RESUBMIT, "resubmitTeam", {}),
        ("recognized", RECOGNIZE, "recognizeTeam", {}),
    ],
)
def test_invalid_transition_is_a_conflict_and_changes_nothing(
    client: TestClient, cypher, status, document, name, variables
) -> None:
    staff(cypher)
    team_id = run(client, REGISTER, "registerTeam", input=team_input(institutionId="cd"))["team"]["id"]
    cypher("MATCH (t:Team {id: $id}) SET t.status = $status", id=team_id, status=status)
    before = count_nodes(cypher)
    outcome = run(client, document, name, id=team_id, **variables)
    assert outcome["__typename"] == "ConflictError" and status in outcome["message"]
    assert count_nodes(cypher) == before


def test_members_of_a_recognized_team_cannot_change(client: TestClient, cypher) -> None:
    staff(cypher)
    team_id = run(client, REGISTER, "registerTeam", input=team_input(institutionId="cd", members=[]))["team"]["id"]
    cypher("MATCH (t:Team {id: $id}) SET t.status = 'recognized'", id=team_id)
    before = count_nodes(cypher)
    added = run(client, ADD, "addTeamMember", team=team_id, member={"personId": "core"})
    assert (added["__typename"], added["field"]) == ("ConflictError", "teamId")
    assert count_nodes(cypher) == before


@pytest.mark.parametrize(
    ("change", "typename", "field"),
    [
        ({"members": [{"personId": "guest"}]}, "InvalidInputError", "members"),
        ({"leader": {"personId": "guest"}, "members": []}, "InvalidInputError", "leader"),
        ({"leader": {"personId": "nobody"}}, "NotFoundError", "leader"),
        ({"members": [{"personId": "nobody", "invited": True}]}, "NotFoundError", "members"),
        ({"members": [{"personId": "lead"}]}, "InvalidInputError", "members"),
        ({"members": [{"personId": "core", "role": "LEADER"}]}, "InvalidInputError", "members"),
        ({"fields": []}, "InvalidInputError", "fields"),
        ({"fields": ["no-such-field"]}, "NotFoundError", "fields"),
        ({"name": " "}, "InvalidInputError", "name"),
        ({"institutionId": None}, "InvalidInputError", "institutionId"),
    ],
)
def test_register_team_bad_input_writes_nothing(client: TestClient, cypher, change, typename, field) -> None:
    staff(cypher)
    before = count_nodes(cypher)
    outcome = run(client, REGISTER, "registerTeam", input=team_input(**{"institutionId": "cd", **change}))
    assert (outcome["__typename"], outcome["field"]) == (typename, field), outcome
    assert count_nodes(cypher) == before


def test_nobody_leads_two_active_teams_but_may_lead_again_after_a_rejection(client: TestClient, cypher) -> None:
    staff(cypher)
    first = run(client, REGISTER, "registerTeam", input=team_input(institutionId="cd", members=[]))["team"]["id"]
    again = run(client, REGISTER, "registerTeam", input=team_input(institutionId="cd", name="第二个团队", members=[]))
    assert (again["__typename"], again["field"]) == ("ConflictError", "leader") and first in again["message"]
    run(client, REVIEW, "reviewTeam", id=first, decision="REJECT")
    second = run(client, REGISTER, "registerTeam", input=team_input(institutionId="cd", name="第二个团队", members=[]))
    assert second["__typename"] == "TeamRegistered"
    # The rejected team cannot come back while its leader leads the new one.
    resubmitted = run(client, RESUBMIT, "resubmitTeam", id=first)
    assert (resubmitted["__typename"], resubmitted["field"]) == ("ConflictError", "leader")


def test_the_leader_cannot_be_removed_and_a_member_cannot_be_added_twice(client: TestClient, cypher) -> None:
    staff(cypher)
    team_id = run(client, REGISTER, "registerTeam", input=team_input(institutionId="cd"))["team"]["id"]
    leader = run(client, REMOVE, "removeTeamMember", team=team_id, person="lead")
    assert (leader["__typename"], leader["field"]) == ("InvalidInputError", "personId")
    twice = run(client, ADD, "addTeamMember", team=team_id, member={"personId": "core"})
    assert (twice["__typename"], twice["field"]) == ("ConflictError", "personId")
    stranger = run(client, ADD, "addTeamMember", team=team_id, member={"personId": "nobody"})
    assert stranger["__typename"] == "NotFoundError"


def test_team_lists_filter_by_status_institution_field_and_member(client: TestClient, cypher) -> None:
    staff(cypher)
    first = run(client, REGISTER, "registerTeam", input=team_input(institutionId="cd"))["team"]["id"]
    run(
        client,
        REGISTER,
        "registerTeam",
        input=team_input(
            institutionId="bj", name="北京团队", leader={"personId": "guest"}, members=[], fields=["potato"]
        ),
    )
    query = "query($where: TeamsWhere) { teams(where: $where, orderBy: {by: NAME}) { totalCount nodes { id name } } }"

    def names(where: dict[str, Any]) -> list[str]:
        return [node["name"] for node in graphql(client, query, {"where": where})["data"]["teams"]["nodes"]]

    assert names({}) == sorted(["钒钛新材料创新团队", "北京团队"])
    assert names({"institutionId": "cd"}) == ["钒钛新材料创新团队"]
    assert names({"field": "new-materials"}) == ["钒钛新材料创新团队"]
    assert names({"memberId": "guest"}) == sorted(["钒钛新材料创新团队", "北京团队"])
    assert names({"status": "APPROVED"}) == []
    assert graphql(client, "query($id: ID!) { team(id: $id) { name } }", {"id": first})["data"]["team"] == {
        "name": "钒钛新材料创新团队"
    }
