"""Identity numbers already registered: an institution learns only about its own staff, the bureau everything."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from starlette.testclient import TestClient

from graph.identity import make_id_number
from tests.api.test_concurrency import TRIALS, kinds, race
from tests.builders import institution
from tests.conftest import graphql

REGISTER_PERSON = """mutation($input: RegisterPersonInput!) { registerPerson(input: $input) {
  __typename ... on PersonRegistered { person { id name gender birthYear employer { id } } }
  ... on UserError { message messageZh field } } }"""
REGISTER_EXPERT = """mutation($input: RegisterForeignExpertInput!) { registerForeignExpert(input: $input) {
  __typename ... on ForeignExpertRegistered { expert { id name gender birthYear employer { id } } }
  ... on UserError { message messageZh field } } }"""
REFERRALS = """{ identityReferrals { totalCount nodes { role keyId institution { id }
  registered { id employer { id } } holder { id employer { id } } } } }"""


def number(sequence: int) -> str:
    return make_id_number("130802", dt.date(1979, 4, 2), sequence)


def two_institutions(cypher) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    institution(cypher, "ls", "隆化县医院", "130825", "HOSPITAL")


def register(client: TestClient, key: str | bool, id_number: str, at: str, name: str = "刘洋") -> dict[str, Any]:
    body = graphql(client, REGISTER_PERSON, {"input": {"name": name, "idNumber": id_number, "institutionId": at}}, key)
    return body["data"]["registerPerson"]


def without_ids(outcome: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    """An outcome with the person ids it names replaced, to compare two registrations' answers."""
    text = json.dumps(outcome, ensure_ascii=False)
    for n, person_id in enumerate(ids):
        text = text.replace(person_id, f"<person {n}>")
    return json.loads(text)


def test_an_institution_is_answered_alike_whether_a_number_is_new_or_held_at_another_institution(
    client: TestClient, cypher, keys
) -> None:
    two_institutions(cypher)
    held = register(client, True, number(11), "ls", "张伟")["person"]["id"]
    cd = keys("institution", "cd")
    answers = []
    for id_number in (number(13), number(11)):  # nobody holds 13; 11 is Longhua's 张伟
        first = register(client, cd, id_number, "cd")
        again = register(client, cd, id_number, "cd")
        assert first["__typename"] == "PersonRegistered", first
        assert again["__typename"] == "ConflictError" and again["field"] == "idNumber", again
        answers.append(without_ids({"first": first, "again": again}, [first["person"]["id"]]))
    assert answers[0] == answers[1]
    assert held not in repr(answers)
    # The second registration is referred to the bureau: registered without the number, the match kept apart.
    referral = graphql(client, REFERRALS)["data"]["identityReferrals"]
    assert referral["totalCount"] == 1
    [node] = referral["nodes"]
    assert node["role"] == "institution" and node["institution"] == {"id": "cd"}
    assert node["holder"] == {"id": held, "employer": {"id": "ls"}}
    assert node["registered"]["employer"] == {"id": "cd"}
    hashes = cypher("MATCH (p:Person) RETURN p.id AS id, p.idHash IS NOT NULL AS hashed")
    assert Counter(row["hashed"] for row in hashes) == {True: 2, False: 1}
    assert {row["id"] for row in hashes if not row["hashed"]} == {node["registered"]["id"]}


def test_a_foreign_expert_with_a_number_held_elsewhere_is_referred_too(client: TestClient, cypher, keys) -> None:
    two_institutions(cypher)
    register(client, True, number(21), "ls")
    body = graphql(
        client,
        REGISTER_EXPERT,
        {"input": {"name": "Kenji Sato", "nationality": "JP", "idNumber": number(21), "institutionId": "cd"}},
        keys("institution", "cd"),
    )
    assert body["data"]["registerForeignExpert"]["__typename"] == "ForeignExpertRegistered"
    assert graphql(client, REFERRALS)["data"]["identityReferrals"]["totalCount"] == 1


def test_administrators_and_the_holders_institution_get_the_precise_conflict(client: TestClient, cypher, keys) -> None:
    two_institutions(cypher)
    held = register(client, True, number(31), "ls")["person"]["id"]
    for key, at in ((True, "cd"), (True, "ls"), (keys("institution", "ls"), "ls")):
        outcome = register(client, key, number(31), at)
        assert (outcome["__typename"], outcome["field"]) == ("ConflictError", "idNumber"), outcome
        assert held in outcome["message"] and held in outcome["messageZh"]
    assert graphql(client, REFERRALS)["data"]["identityReferrals"]["totalCount"] == 0
    assert cypher("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 1}]


def test_only_administrators_read_the_referrals(client: TestClient, cypher, keys) -> None:
    for role, institution_id in (("analyst", None), ("recruiter", None), ("institution", "cd")):
        body = client.post(
            "/graphql",
            json={"query": REFERRALS},
            headers={"authorization": f"Bearer {keys(role, institution_id)}"},
        ).json()
        assert body["errors"][0]["extensions"]["code"] == "NotAllowed", (role, body)


def test_concurrent_registrations_of_one_new_number_by_two_institutions_tell_neither_of_the_other(
    served: str, cypher, keys
) -> None:
    two_institutions(cypher)
    key_cd, key_ls = keys("institution", "cd"), keys("institution", "ls")
    for trial in range(TRIALS):
        id_number = number(100 + trial)
        outcomes = race(
            served,
            [
                (key, REGISTER_PERSON, {"input": {"name": f"刘洋{trial}", "idNumber": id_number, "institutionId": at}})
                for key, at in ((key_cd, "cd"), (key_ls, "ls"))
            ],
        )
        assert kinds(outcomes) == {"PersonRegistered": 2}, (trial, outcomes)
    # One of each pair holds the number, the other is referred to the bureau.
    people = cypher(
        "MATCH (p:Person) RETURN p.idHash IS NOT NULL AS hashed, EXISTS { (:IdentityReferral)-[:REGISTERED]->(p) } AS referred"
    )
    assert Counter((row["hashed"], row["referred"]) for row in people) == {(True, False): TRIALS, (False, True): TRIALS}


def test_concurrent_registrations_of_one_number_by_one_institution_register_one_person(
    served: str, cypher, keys
) -> None:
    two_institutions(cypher)
    key = keys("institution", "cd")
    for trial in range(TRIALS):
        request = (
            key,
            REGISTER_PERSON,
            {"input": {"name": "刘洋", "idNumber": number(200 + trial), "institutionId": "cd"}},
        )
        outcomes = race(served, [request] * 4)
        assert kinds(outcomes) == {"PersonRegistered": 1, "ConflictError": 3}, (trial, outcomes)
        [registered] = [outcome["person"]["id"] for outcome in outcomes if outcome["__typename"] == "PersonRegistered"]
        assert all(registered in outcome["message"] for outcome in outcomes if outcome["__typename"] == "ConflictError")
    assert cypher("MATCH (p:Person) RETURN count(p) AS n") == [{"n": TRIALS}]
    assert cypher("MATCH (r:IdentityReferral) RETURN count(r) AS n") == [{"n": 0}]
