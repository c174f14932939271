"""Rules that span records hold under truly concurrent requests to the real server and Neo4j.

Each test sends the same (or clashing) mutations at once from several threads, released together by a
barrier, over and over; exactly one may pass each rule, and the counts read afterwards agree.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from tests.builders import institution, person
from tests.conftest import bearer

#: Trials per test: before the rules were enforced in the transaction, nearly every trial broke one.
TRIALS = 8
OUTCOME = "__typename ... on UserError { message field }"
REGISTER_TEAM = f"mutation($input: RegisterTeamInput!) {{ registerTeam(input: $input) {{ {OUTCOME} }} }}"
RECORD_VISIT = f"mutation($input: RecordVisitInput!) {{ recordVisit(input: $input) {{ {OUTCOME} }} }}"
ADD_MEMBER = (
    "mutation($team: ID!, $member: TeamMemberInput!) "
    f"{{ addTeamMember(teamId: $team, member: $member) {{ {OUTCOME} }} }}"
)
REVIEW = (
    f"mutation($id: ID!, $decision: ReviewDecision!) {{ reviewTeam(id: $id, decision: $decision) {{ {OUTCOME} }} }}"
)

#: A request of a race: the key it carries, its document and variables.
Request = tuple[str, str, dict[str, Any]]


def race(url: str, requests: list[Request]) -> list[dict[str, Any]]:
    """Send `requests` at once, one thread and connection each, released together; their outcomes in order."""
    barrier = threading.Barrier(len(requests))

    def send(request: Request) -> dict[str, Any]:
        key, document, variables = request
        with httpx.Client(base_url=url, headers=bearer(key), timeout=120) as http:
            # Connect and have the key cached first, so that the requests themselves start together.
            assert http.post("/graphql", json={"query": "{ titleLevels { code } }"}).status_code == 200
            barrier.wait(timeout=120)
            response = http.post("/graphql", json={"query": document, "variables": variables})
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        [outcome] = body["data"].values()
        return outcome

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(send, requests))


def kinds(outcomes: list[dict[str, Any]]) -> Counter[str]:
    return Counter(outcome["__typename"] for outcome in outcomes)


def read(url: str, key: str, document: str, **variables: Any) -> dict[str, Any]:
    body = httpx.post(
        f"{url}/graphql", json={"query": document, "variables": variables}, headers=bearer(key), timeout=60
    ).json()
    assert "errors" not in body, body
    return body["data"]


def team_input(name: str, leader: str, **changes: Any) -> dict[str, Any]:
    return {
        "name": name,
        "fields": ["vanadium-titanium"],
        "origin": "CULTIVATED",
        "leader": {"personId": leader},
        "institutionId": "cd",
        **changes,
    }


def trials(check: Callable[[int], None]) -> None:
    for trial in range(TRIALS):
        check(trial)


def test_concurrent_registrations_with_one_leader_register_one_team(served: str, cypher, keys) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    key = keys("institution", "cd")

    def trial(n: int) -> None:
        person(cypher, f"lead-{n}", "王强", "wang qiang", "cd")
        outcomes = race(
            served, [(key, REGISTER_TEAM, {"input": team_input(f"团队{n}-{k}", f"lead-{n}")}) for k in range(4)]
        )
        assert kinds(outcomes) == {"TeamRegistered": 1, "ConflictError": 3}, (n, outcomes)
        assert {outcome.get("field") for outcome in outcomes} == {None, "leader"}

    trials(trial)
    led = cypher("MATCH (p:Person)-[:MEMBER_OF {role: 'leader'}]->(t:Team) RETURN p.id AS leader, count(t) AS teams")
    assert sorted(row["teams"] for row in led) == [1] * TRIALS
    assert read(served, key, "{ teams { totalCount } }")["teams"]["totalCount"] == TRIALS


def test_identical_concurrent_visits_are_recorded_and_counted_once(served: str, cypher, keys) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    key = keys("institution", "cd")

    def trial(n: int) -> None:
        cypher("CREATE (:Person:ForeignExpert {id: $id, name: 'Anna Schmidt', highEnd: false})", id=f"fe-{n}")
        visit = {"expertId": f"fe-{n}", "arrivedOn": "2022-05-01", "departedOn": "2022-05-09", "institutionId": "cd"}
        outcomes = race(served, [(key, RECORD_VISIT, {"input": visit})] * 4)
        assert kinds(outcomes) == {"VisitRecorded": 1, "ConflictError": 3}, (n, outcomes)

    trials(trial)
    assert read(served, key, "{ visits { totalCount } }")["visits"]["totalCount"] == TRIALS
    progress = read(served, key, '{ progress(asOf: "2023-12-31") { target { code } value } }')["progress"]
    counted = {row["target"]["code"]: row["value"] for row in progress}
    assert counted["foreign-expert-visits"] == TRIALS


def test_concurrent_additions_of_one_person_add_them_to_a_team_once(served: str, cypher, keys) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    key = keys("institution", "cd")
    person(cypher, "lead", "王强", "wang qiang", "cd")
    team = read(
        served,
        key,
        "mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { ... on TeamRegistered { team { id } } } }",
        input=team_input("团队", "lead"),
    )["registerTeam"]["team"]["id"]

    def trial(n: int) -> None:
        person(cypher, f"m-{n}", "李娜", "li na", "cd")
        outcomes = race(served, [(key, ADD_MEMBER, {"team": team, "member": {"personId": f"m-{n}"}})] * 4)
        assert kinds(outcomes) == {"TeamMemberAdded": 1, "ConflictError": 3}, (n, outcomes)

    trials(trial)
    [row] = cypher("MATCH (:Person)-[m:MEMBER_OF]->(:Team {id: $id}) RETURN count(m) AS n", id=team)
    assert row["n"] == TRIALS + 1


def test_concurrent_reviews_of_one_team_decide_it_once(served: str, cypher, keys) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    admin = keys("admin")

    def trial(n: int) -> None:
        person(cypher, f"lead-{n}", "王强", "wang qiang", "cd")
        team = read(
            served,
            admin,
            "mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { ... on TeamRegistered { team { id } } } }",
            input=team_input(f"团队{n}", f"lead-{n}"),
        )["registerTeam"]["team"]["id"]
        reviews = [(admin, REVIEW, {"id": team, "decision": decision}) for decision in ("APPROVE", "REJECT")]
        outcomes = race(served, reviews * 2)
        assert kinds(outcomes) == {"TeamReviewed": 1, "ConflictError": 3}, (n, outcomes)
        [entry] = cypher(
            "MATCH (a:AuditEntry {operation: 'reviewTeam'}) WHERE $id IN a.nodeIds RETURN a.id AS id", id=team
        )
        assert entry

    trials(trial)
