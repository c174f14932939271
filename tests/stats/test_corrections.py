"""Withdrawn records and ended employments: out of counts and lists from their day, still in earlier figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.builders import count_nodes, institution, person
from tests.conftest import graphql
from tests.stats.recount import read_raw, recount

WITHDRAW = """mutation($input: WithdrawRecordInput!) { withdrawRecord(input: $input) {
  __typename ... on RecordWithdrawn { kind id on } ... on UserError { message field } } }"""
END = """mutation($input: EndEmploymentInput!) { endEmployment(input: $input) {
  __typename ... on EmploymentEnded { person { id } } ... on UserError { message field } } }"""
PROGRESS = """query($asOf: Date!) { progress(asOf: $asOf) { target { code } value } }"""
TITLED = """query($asOf: Date!) { talentStats(asOf: $asOf) { total } }"""
CITY = "130800"
DAY = "2024-01-01"
BEFORE = "2023-12-31"
TODAY = dt.date.today().isoformat()

#: Each kind of record that counts toward a target: how to make one at institution `cd`, the target, and the
#: list (with its totalCount) it is in.
RECORDS: dict[str, tuple[str, str, str]] = {
    "VISIT": (
        """CREATE (:Person:ForeignExpert {id: 'fe', name: 'Anna Schmidt', pinyin: 'anna schmidt', nationality: 'DE',
                   highEnd: false, consentToContact: false})-[:MADE]->(:Visit {id: 'r1', arrivedOn: date('2022-03-01'),
                   departedOn: date('2022-03-09')})-[:HOSTED_BY]->(i)""",
        "foreign-expert-visits",
        "{ visits(first: 10) { totalCount nodes { id } } }",
    ),
    "PLATFORM": (
        """CREATE (:Platform {id: 'r1', name: '钒钛重点实验室', kind: 'KEY_LAB', level: 'PROVINCIAL',
                             establishedOn: date('2021-06-01')})-[:HOSTED_BY]->(i)""",
        "provincial-platforms",
        "{ platforms(first: 10) { totalCount nodes { id } } }",
    ),
    "TEAM": (
        """CREATE (:Team {id: 'r1', name: '钒钛团队', status: 'recognized', origin: 'CULTIVATED',
                         recognizedOn: date('2022-05-01')})-[:BASED_AT]->(i)""",
        "innovation-teams",
        "{ teams(first: 10) { totalCount nodes { id } } }",
    ),
    "PROJECT": (
        "CREATE (i)-[:RAN {role: 'lead'}]->(:Project {id: 'r1', name: '钒钛提取', kind: 'MUNICIPAL', year: 2022})",
        "innovation-projects",
        "",
    ),
}


def value(client: TestClient, code: str, as_of: str) -> int:
    rows = graphql(client, PROGRESS, {"asOf": as_of})["data"]["progress"]
    [row] = [row for row in rows if row["target"]["code"] == code]
    return int(row["value"])


def withdraw(
    client: TestClient, kind: str, record: str, on: str | None = DAY, key: str | bool = True
) -> dict[str, Any]:
    variables = {"input": {"kind": kind, "id": record, "on": on, "reason": "entered by mistake"}}
    return graphql(client, WITHDRAW, variables, key)["data"]["withdrawRecord"]


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_a_withdrawn_record_leaves_counts_and_lists_from_its_day_and_stays_in_earlier_figures(
    client: TestClient, cypher, keys, kind: str
) -> None:
    make, target, listing = RECORDS[kind]
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    cypher(f"MATCH (i:Institution {{id: 'cd'}}) {make}")
    assert value(client, target, BEFORE) == value(client, target, TODAY) == 1
    if listing:
        assert graphql(client, listing)["data"][listing.split("(")[0][2:]]["totalCount"] == 1
    done = withdraw(client, kind, "r1", key=keys("institution", "cd"))
    assert done == {"__typename": "RecordWithdrawn", "kind": kind, "id": "r1", "on": DAY}
    assert value(client, target, BEFORE) == 1
    assert value(client, target, DAY) == value(client, target, TODAY) == 0
    if listing:
        assert graphql(client, listing)["data"][listing.split("(")[0][2:]] == {"totalCount": 0, "nodes": []}
    [kept] = cypher(
        "MATCH (n {id: 'r1'}) RETURN n.withdrawnOn AS on, n.withdrawnRole AS role, n.withdrawnReason AS reason, "
        "n.withdrawnAt IS NOT NULL AS at"
    )
    assert kept == {"on": dt.date.fromisoformat(DAY), "role": "institution", "reason": "entered by mistake", "at": True}
    [audit] = cypher("MATCH (a:AuditEntry {operation: 'withdrawRecord'}) RETURN a.nodeIds AS ids")
    assert audit["ids"] == ["r1"]


def titled_staff(client: TestClient, cypher, day: str) -> int:
    """Titled staff in the city as of `day`, checked against the independent recount."""
    total = int(graphql(client, TITLED, {"asOf": day})["data"]["talentStats"]["total"])
    assert total == sum(recount(read_raw(cypher), dt.date.fromisoformat(day), CITY, []).values()), day
    return total


def two_titled_people(cypher, rebuild) -> None:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    for id, name, certificate in (("p1", "王强", "C-1"), ("p2", "李娜", "C-2")):
        person(
            cypher,
            id,
            name,
            name,
            "cd",
            ("vanadium-titanium",),
            ((certificate, "ENGINEERING", "SENIOR", "2019-03-01"),),
        )
    rebuild()


def test_a_withdrawn_person_leaves_titled_staff_and_lists_from_the_day_and_stays_in_earlier_figures(
    client: TestClient, cypher, rebuild
) -> None:
    two_titled_people(cypher, rebuild)
    assert titled_staff(client, cypher, BEFORE) == titled_staff(client, cypher, TODAY) == 2
    assert withdraw(client, "PERSON", "p1")["__typename"] == "RecordWithdrawn"
    assert titled_staff(client, cypher, BEFORE) == 2
    assert titled_staff(client, cypher, DAY) == titled_staff(client, cypher, TODAY) == 1
    people = graphql(client, '{ people(where: {institutionId: "cd"}) { totalCount nodes { id } } }')["data"]["people"]
    assert people == {"totalCount": 1, "nodes": [{"id": "p2"}]}
    # The cubes were recounted in the withdrawal's own transaction: a rebuild from the graph finds the same.
    rebuild()
    assert titled_staff(client, cypher, DAY) == 1 and titled_staff(client, cypher, BEFORE) == 2


def test_an_ended_employment_moves_the_person_out_of_the_institutions_titled_staff_from_the_next_day(
    client: TestClient, cypher, keys, rebuild
) -> None:
    two_titled_people(cypher, rebuild)
    ended = graphql(client, END, {"input": {"personId": "p1", "on": "2024-06-30"}}, keys("institution", "cd"))
    assert ended["data"]["endEmployment"] == {"__typename": "EmploymentEnded", "person": {"id": "p1"}}
    assert titled_staff(client, cypher, "2024-06-30") == 2
    assert titled_staff(client, cypher, "2024-07-01") == titled_staff(client, cypher, TODAY) == 1
    staff = graphql(client, '{ people(where: {institutionId: "cd"}) { nodes { id } } }')["data"]["people"]["nodes"]
    assert staff == [{"id": "p2"}]
    [job] = cypher("MATCH (:Person {id: 'p1'})-[w:WORKS_AT]->() RETURN w.until AS until")
    assert job["until"] == dt.date(2024, 6, 30)


@pytest.mark.parametrize(
    ("variables", "typename", "field"),
    [
        ({"personId": "p1", "on": "2014-12-31"}, "InvalidInputError", "on"),
        ({"personId": "p1", "on": "2999-01-01"}, "InvalidInputError", "on"),
        ({"personId": "p1", "on": "2024-06-30", "institutionId": "ls"}, "ConflictError", "institutionId"),
        ({"personId": "nobody", "on": "2024-06-30"}, "NotFoundError", "personId"),
    ],
)
def test_an_employment_cannot_end_before_it_began_in_the_future_or_where_the_person_does_not_work(
    client: TestClient, cypher, rebuild, variables: dict[str, Any], typename: str, field: str
) -> None:
    two_titled_people(cypher, rebuild)
    institution(cypher, "ls", "隆化县医院", "130825", "HOSPITAL")
    before = count_nodes(cypher)
    outcome = graphql(client, END, {"input": variables})["data"]["endEmployment"]
    assert (outcome["__typename"], outcome["field"]) == (typename, field), outcome
    assert count_nodes(cypher) == before


def test_a_record_is_withdrawn_once_from_a_day_not_in_the_future(client: TestClient, cypher, rebuild) -> None:
    two_titled_people(cypher, rebuild)
    for on, field in (("2999-01-01", "on"), ("1949-12-31", "on")):
        before = count_nodes(cypher)
        outcome = withdraw(client, "PERSON", "p1", on)
        assert (outcome["__typename"], outcome["field"]) == ("InvalidInputError", field)
        assert count_nodes(cypher) == before
    assert withdraw(client, "PERSON", "p1", None) == {
        "__typename": "RecordWithdrawn",
        "kind": "PERSON",
        "id": "p1",
        "on": TODAY,
    }
    before = count_nodes(cypher)
    again = withdraw(client, "PERSON", "p1")
    assert (again["__typename"], again["field"]) == ("ConflictError", "id")
    assert count_nodes(cypher) == before


UPDATE_INSTITUTION = """mutation($id: ID!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, input: $input) {
  __typename ... on InstitutionUpdated { institution { name region { code } } } ... on UserError { message field } } }"""


def staff_in(client: TestClient, cypher, region: str, day: str) -> int:
    """Titled staff in `region` as of `day`, checked against the independent recount."""
    total = int(
        graphql(
            client,
            "query($d: Date!, $r: String!) { talentStats(asOf: $d, region: $r) { total } }",
            {"d": day, "r": region},
        )["data"]["talentStats"]["total"]
    )
    assert total == sum(recount(read_raw(cypher), dt.date.fromisoformat(day), region, []).values()), (region, day)
    return total


def test_an_institution_moved_to_another_county_takes_its_staffs_statistics_with_it_at_once(
    client: TestClient, cypher, keys, rebuild
) -> None:
    two_titled_people(cypher, rebuild)
    assert (staff_in(client, cypher, "130802", TODAY), staff_in(client, cypher, "130803", TODAY)) == (2, 0)
    moved = graphql(
        client,
        UPDATE_INSTITUTION,
        {"id": "cd", "input": {"name": "承德钒钛新材料研究院", "regionCode": "130803", "type": "ENTERPRISE"}},
        keys("institution", "cd"),
    )["data"]["updateInstitution"]
    assert moved == {
        "__typename": "InstitutionUpdated",
        "institution": {"name": "承德钒钛新材料研究院", "region": {"code": "130803"}},
    }
    for day in (BEFORE, TODAY):
        assert (staff_in(client, cypher, "130802", day), staff_in(client, cypher, "130803", day)) == (0, 2)
    by_type = graphql(client, "{ talentStats(groupBy: [INSTITUTION_TYPE]) { rows { keys count } } }")
    assert by_type["data"]["talentStats"]["rows"] == [{"keys": ["ENTERPRISE"], "count": 2}]
    # The new name is searched at once: the current staff's search documents were rebuilt.
    found = graphql(client, '{ searchExperts(query: "新材料研究院") { totalCount } }')["data"]["searchExperts"]
    assert found["totalCount"] == 2


@pytest.mark.parametrize(
    ("changes", "typename", "field"),
    [
        ({"regionCode": "999999"}, "NotFoundError", "regionCode"),
        ({"creditCode": "91130802MA0CXXXXX1"}, "InvalidInputError", "creditCode"),
        ({"creditCode": "911308285301569851"}, "ConflictError", "creditCode"),
        ({"name": " "}, "InvalidInputError", "name"),
    ],
)
def test_an_institution_correction_that_breaks_a_rule_changes_nothing(
    client: TestClient, cypher, rebuild, changes: dict[str, Any], typename: str, field: str
) -> None:
    two_titled_people(cypher, rebuild)
    cypher("CREATE (:Institution {id: 'xr', name: '承德鑫瑞环保科技有限公司', creditCode: '911308285301569851'})")
    before = count_nodes(cypher)
    outcome = graphql(client, UPDATE_INSTITUTION, {"id": "cd", "input": changes})["data"]["updateInstitution"]
    assert (outcome["__typename"], outcome["field"]) == (typename, field), outcome
    assert count_nodes(cypher) == before
