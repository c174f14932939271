"""Every mutation: valid input writes, bad input returns a typed error and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from starlette.testclient import TestClient

from graph.identity import make_credit_code, make_id_number
from tests.builders import count_nodes, institution, person
from tests.conftest import graphql

REGISTER_INSTITUTION = """mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) {
  __typename ... on InstitutionRegistered { institution { id name creditCode region { code } fields { code } } }
  ... on UserError { message messageZh field } ... on NotFoundError { entity key } } }"""
REGISTER_PERSON = """mutation($input: RegisterPersonInput!) { registerPerson(input: $input) {
  __typename ... on PersonRegistered { person { id name pinyin gender birthYear employer { id } fields { field { code } } } }
  ... on UserError { message messageZh field } } }"""
UPDATE_PERSON = """mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) {
  __typename ... on PersonUpdated { person { id name email employment { institution { id } since until current } fields { field { code } } } }
  ... on UserError { message messageZh field } } }"""
GRANT_TITLE = """mutation($input: GrantTitleInput!) { grantTitle(input: $input) {
  __typename ... on TitleGranted { certificateNo person { titles { certificateNo name } } }
  ... on UserError { message messageZh field } } }"""
REVOKE_TITLE = """mutation($no: String!, $on: Date, $reason: String) { revokeTitle(certificateNo: $no, revokedOn: $on, reason: $reason) {
  __typename ... on TitleRevoked { person { titles(includeRevoked: true) { certificateNo revokedOn active } } }
  ... on UserError { message messageZh field } } }"""


def valid_credit_code() -> str:
    return make_credit_code("130800", 1234567)


def valid_id_number(birth: str = "19800101") -> str:
    return make_id_number("130802", dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:])), 123)


def result(body: dict, name: str) -> dict:
    return body["data"][name]


def test_register_institution_then_a_duplicate_credit_code_conflicts(client: TestClient, cypher) -> None:
    code = valid_credit_code()
    created = result(
        graphql(
            client,
            REGISTER_INSTITUTION,
            {
                "input": {
                    "name": "承德钒钛科技有限公司",
                    "type": "ENTERPRISE",
                    "regionCode": "130881",
                    "creditCode": code,
                    "fields": ["vanadium-titanium"],
                }
            },
        ),
        "registerInstitution",
    )
    assert created["__typename"] == "InstitutionRegistered"
    assert created["institution"]["region"] == {"code": "130881"}
    before = count_nodes(cypher)
    duplicate = result(
        graphql(
            client,
            REGISTER_INSTITUTION,
            {"input": {"name": "另一家", "type": "ENTERPRISE", "regionCode": "130881", "creditCode": code}},
        ),
        "registerInstitution",
    )
    assert duplicate["__typename"] == "ConflictError" and duplicate["field"] == "creditCode"
    assert count_nodes(cypher) == before


@pytest.mark.parametrize(
    ("change", "typename", "field"),
    [
        ({"regionCode": "999999"}, "NotFoundError", "regionCode"),
        ({"fields": ["no-such-field"]}, "NotFoundError", "fields"),
        ({"creditCode": "91130800MA0A1B2C30"}, "InvalidInputError", "creditCode"),
        ({"name": "  "}, "InvalidInputError", "name"),
    ],
)
def test_register_institution_bad_input_writes_nothing(client: TestClient, cypher, change, typename, field) -> None:
    before = count_nodes(cypher)
    body = graphql(
        client, REGISTER_INSTITUTION, {"input": {"name": "某单位", "type": "OTHER", "regionCode": "130802", **change}}
    )
    assert result(body, "registerInstitution")["__typename"] == typename
    assert result(body, "registerInstitution")["field"] == field
    assert count_nodes(cypher) == before


def test_register_person_hashes_the_identity_number_and_never_stores_it(client: TestClient, cypher) -> None:
    institution(cypher, "i1", "承德医学院", "130802", "UNIVERSITY")
    number = valid_id_number("19750615")
    body = graphql(
        client,
        REGISTER_PERSON,
        {"input": {"name": "刘洋", "idNumber": number, "institutionId": "i1", "fields": ["hawthorn"]}},
    )
    registered = result(body, "registerPerson")
    assert registered["__typename"] == "PersonRegistered"
    assert registered["person"]["pinyin"] == "liu yang"
    assert registered["person"]["birthYear"] == 1975 and registered["person"]["gender"] == "MALE"
    stored = cypher("MATCH (p:Person) RETURN properties(p) AS props")[0]["props"]
    assert number not in str(stored) and len(stored["idHash"]) == 64
    again = result(graphql(client, REGISTER_PERSON, {"input": {"name": "刘洋", "idNumber": number}}), "registerPerson")
    assert again["__typename"] == "ConflictError" and again["field"] == "idNumber"


@pytest.mark.parametrize(
    ("change", "typename", "field"),
    [
        ({"birthYear": 1850}, "InvalidInputError", "birthYear"),
        ({"birthYear": 2030}, "InvalidInputError", "birthYear"),
        ({"idNumber": "130802198001011234"}, "InvalidInputError", "idNumber"),
        ({"idNumber": valid_id_number("19800101"), "birthYear": 1990}, "InvalidInputError", "idNumber"),
        ({"email": "not-an-email"}, "InvalidInputError", "email"),
        ({"institutionId": "no-such-institution"}, "NotFoundError", "institutionId"),
        ({"fields": ["hawthorn", "nope"]}, "NotFoundError", "fields"),
        ({"role": "engineer"}, "InvalidInputError", "institutionId"),
        ({"name": ""}, "InvalidInputError", "name"),
    ],
)
def test_register_person_bad_input_writes_nothing(client: TestClient, cypher, change, typename, field) -> None:
    institution(cypher, "i1", "承德医学院", "130802", "UNIVERSITY")
    before = count_nodes(cypher)
    body = graphql(client, REGISTER_PERSON, {"input": {"name": "刘洋", **change}})
    assert (result(body, "registerPerson")["__typename"], result(body, "registerPerson")["field"]) == (typename, field)
    assert count_nodes(cypher) == before


def test_update_person_moves_employer_and_replaces_fields(client: TestClient, cypher) -> None:
    institution(cypher, "bj", "北京某院", "110000", "INSTITUTE")
    institution(cypher, "cd", "承德某院", "130821", "INSTITUTE")
    person(cypher, "p1", "孙丽", "sun li", "bj", ("hawthorn",))
    body = graphql(
        client,
        UPDATE_PERSON,
        {
            "id": "p1",
            "input": {"institutionId": "cd", "since": "2023-03-01", "fields": ["potato"], "email": "sun@example.cn"},
        },
    )
    updated = result(body, "updatePerson")["person"]
    assert updated["email"] == "sun@example.cn"
    assert updated["employment"] == [
        {"institution": {"id": "cd"}, "since": "2023-03-01", "until": None, "current": True},
        {"institution": {"id": "bj"}, "since": "2015-01-01", "until": "2023-02-28", "current": False},
    ]
    assert updated["fields"] == [{"field": {"code": "potato"}}]


@pytest.mark.parametrize(
    ("person_id", "change", "typename", "field"),
    [
        ("nobody", {"name": "X"}, "NotFoundError", "id"),
        ("p1", {"institutionId": "nowhere"}, "NotFoundError", "institutionId"),
        ("p1", {"fields": ["nope"]}, "NotFoundError", "fields"),
        ("p1", {"birthYear": 1800}, "InvalidInputError", "birthYear"),
        ("p1", {"phone": "call me"}, "InvalidInputError", "phone"),
        ("p1", {"since": "2024-01-01"}, "InvalidInputError", "institutionId"),
    ],
)
def test_update_person_bad_input_writes_nothing(client: TestClient, cypher, person_id, change, typename, field) -> None:
    institution(cypher, "bj", "北京某院", "110000", "INSTITUTE")
    person(cypher, "p1", "孙丽", "sun li", "bj", ("hawthorn",))
    before = count_nodes(cypher)
    body = graphql(client, UPDATE_PERSON, {"id": person_id, "input": change})
    assert (result(body, "updatePerson")["__typename"], result(body, "updatePerson")["field"]) == (typename, field)
    assert count_nodes(cypher) == before


def test_grant_title_then_duplicate_certificate_conflicts(client: TestClient, cypher) -> None:
    person(cypher, "p1", "孙丽", "sun li")
    title = {
        "personId": "p1",
        "certificateNo": "HB-2023-0001",
        "series": "ENGINEERING",
        "level": "SENIOR",
        "grantedOn": "2023-05-01",
        "regionCode": "130800",
    }
    granted = result(graphql(client, GRANT_TITLE, {"input": title}), "grantTitle")
    assert granted["person"]["titles"] == [{"certificateNo": "HB-2023-0001", "name": "工程正高级"}]
    assert cypher("MATCH (:Title)-[:GRANTED_IN]->(r:Region) RETURN r.code AS code") == [{"code": "130800"}]
    before = count_nodes(cypher)
    duplicate = result(graphql(client, GRANT_TITLE, {"input": title}), "grantTitle")
    assert duplicate["__typename"] == "ConflictError"
    assert count_nodes(cypher) == before


@pytest.mark.parametrize(
    ("change", "typename", "field"),
    [
        ({"personId": "nobody"}, "NotFoundError", "personId"),
        ({"certificateNo": "x"}, "InvalidInputError", "certificateNo"),
        ({"grantedOn": "2999-01-01"}, "InvalidInputError", "grantedOn"),
        ({"grantedOn": "1900-01-01"}, "InvalidInputError", "grantedOn"),
        ({"regionCode": "000000"}, "NotFoundError", "regionCode"),
    ],
)
def test_grant_title_bad_input_writes_nothing(client: TestClient, cypher, change, typename, field) -> None:
    person(cypher, "p1", "孙丽", "sun li")
    before = count_nodes(cypher)
    title = {
        "personId": "p1",
        "certificateNo": "HB-1",
        "series": "HEALTH",
        "level": "JUNIOR",
        "grantedOn": "2022-01-01",
        **change,
    }
    body = graphql(client, GRANT_TITLE, {"input": title})
    assert (result(body, "grantTitle")["__typename"], result(body, "grantTitle")["field"]) == (typename, field)
    assert count_nodes(cypher) == before


def test_revoke_title_keeps_it_on_record_but_inactive(client: TestClient, cypher) -> None:
    person(cypher, "p1", "孙丽", "sun li", titles=(("T1", "HEALTH", "SENIOR", "2020-01-01"),))
    body = graphql(client, REVOKE_TITLE, {"no": "T1", "on": "2024-01-01", "reason": "伪造材料"})
    assert result(body, "revokeTitle")["person"]["titles"] == [
        {"certificateNo": "T1", "revokedOn": "2024-01-01", "active": False}
    ]
    people = graphql(client, '{ person(id: "p1") { titles { certificateNo } highestTitle { level } } }')
    assert people["data"]["person"] == {"titles": [], "highestTitle": None}


@pytest.mark.parametrize(
    ("variables", "typename", "field"),
    [
        ({"no": "nope"}, "NotFoundError", "certificateNo"),
        ({"no": "T1", "on": "2019-01-01"}, "InvalidInputError", "revokedOn"),
        ({"no": "T1", "on": "2999-01-01"}, "InvalidInputError", "revokedOn"),
        ({"no": "T2"}, "ConflictError", "certificateNo"),
    ],
)
def test_revoke_title_bad_input_writes_nothing(client: TestClient, cypher, variables, typename, field) -> None:
    person(
        cypher,
        "p1",
        "孙丽",
        "sun li",
        titles=(("T1", "HEALTH", "SENIOR", "2020-01-01"), ("T2", "HEALTH", "JUNIOR", "2010-01-01")),
    )
    cypher("MATCH (t:Title {certificateNo: 'T2'}) SET t.revokedOn = date('2015-01-01')")
    before = count_nodes(cypher)
    body = graphql(client, REVOKE_TITLE, variables)
    assert (result(body, "revokeTitle")["__typename"], result(body, "revokeTitle")["field"]) == (typename, field)
    assert count_nodes(cypher) == before
