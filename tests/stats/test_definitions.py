"""The exact definitions of the targets, on small hand-built graphs with the tricky cases."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from tests.builders import institution, person
from tests.conftest import graphql

PROGRESS = """query($asOf: Date, $region: String!) { progress(asOf: $asOf, region: $region) {
  target { code goal unit deadline } value reason { zh en } ratio remaining byYear { year asOf value } projection onTrack } }"""
STATS = """query($asOf: Date, $region: String!, $groupBy: [StatsDimension!]) {
  talentStats(asOf: $asOf, region: $region, groupBy: $groupBy) { total source rows { keys count labels { zh } } } }"""
GRANT = """mutation($input: GrantTitleInput!) { grantTitle(input: $input) { __typename } }"""
REVOKE = """mutation($no: String!, $on: Date) { revokeTitle(certificateNo: $no, revokedOn: $on) { __typename } }"""
MOVE = """mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { __typename } }"""


def progress(client: TestClient, as_of: str, region: str = "130800") -> dict[str, dict[str, Any]]:
    body = graphql(client, PROGRESS, {"asOf": as_of, "region": region})
    return {row["target"]["code"]: row for row in body["data"]["progress"]}


def stats(client: TestClient, as_of: str, group_by: list[str], region: str = "130800") -> dict[str, Any]:
    return graphql(client, STATS, {"asOf": as_of, "region": region, "groupBy": group_by})["data"]["talentStats"]


def titled(client: TestClient, as_of: str, region: str = "130800") -> int:
    return progress(client, as_of, region)["titled-staff"]["value"]


def test_a_person_with_three_titles_counts_once_at_their_highest_level(client: TestClient, cypher, rebuild) -> None:
    institution(cypher, "i1", "承德医学院", "130802", "UNIVERSITY")
    person(
        cypher,
        "p1",
        "张三",
        "zhangsan",
        "i1",
        titles=(
            ("C1", "HEALTH", "INTERMEDIATE", "2010-05-01"),
            ("C2", "HEALTH", "DEPUTY_SENIOR", "2016-05-01"),
            ("C3", "HIGHER_EDUCATION", "ASSISTANT", "2005-05-01"),
        ),
    )
    rebuild()
    assert titled(client, "2022-01-01") == 1
    by_level = stats(client, "2022-01-01", ["REGION", "TITLE_LEVEL"])
    assert by_level["rows"] == [
        {"keys": ["130802", "DEPUTY_SENIOR"], "count": 1, "labels": [{"zh": "双桥区"}, {"zh": "副高级"}]}
    ]
    assert stats(client, "2016-01-01", ["TITLE_LEVEL", "GRANT_YEAR"])["rows"][0]["keys"] == ["INTERMEDIATE", "2010"]


def test_a_title_granted_after_as_of_does_not_count_yet(client: TestClient, cypher) -> None:
    institution(cypher, "i1", "兴隆县医院", "130822", "HOSPITAL")
    person(cypher, "p1", "李四", "lisi", "i1")
    assert graphql(
        client,
        GRANT,
        {
            "input": {
                "personId": "p1",
                "certificateNo": "G-001",
                "series": "HEALTH",
                "level": "SENIOR",
                "grantedOn": "2022-03-15",
            }
        },
    )
    assert titled(client, "2022-03-14") == 0
    assert titled(client, "2022-03-15") == 1
    assert stats(client, "2022-03-14", [])["total"] == 0


def test_a_revoked_title_stops_counting_on_its_revocation_day(client: TestClient, cypher) -> None:
    institution(cypher, "i1", "平泉市第一中学", "130881", "SCHOOL")
    person(cypher, "p1", "王五", "wangwu", "i1")
    graphql(
        client,
        GRANT,
        {
            "input": {
                "personId": "p1",
                "certificateNo": "R-001",
                "series": "SCHOOL_TEACHING",
                "level": "INTERMEDIATE",
                "grantedOn": "2019-09-01",
            }
        },
    )
    assert (
        graphql(client, REVOKE, {"no": "R-001", "on": "2023-06-30"})["data"]["revokeTitle"]["__typename"]
        == "TitleRevoked"
    )
    assert titled(client, "2023-06-29") == 1
    assert titled(client, "2023-06-30") == 0
    by_year = {y["year"]: y["value"] for y in progress(client, "2024-06-01")["titled-staff"]["byYear"]}
    assert by_year == {2021: 1, 2022: 1, 2023: 0, 2024: 0}


def test_a_person_who_moved_from_beijing_counts_in_chengde_from_the_move(client: TestClient, cypher) -> None:
    institution(cypher, "bj", "北京某研究院", "110000", "INSTITUTE")
    institution(cypher, "cd", "隆化县农业研究所", "130825", "INSTITUTE")
    person(cypher, "p1", "赵六", "zhaoliu", "bj")
    graphql(
        client,
        GRANT,
        {
            "input": {
                "personId": "p1",
                "certificateNo": "M-001",
                "series": "AGRICULTURE",
                "level": "SENIOR",
                "grantedOn": "2012-01-10",
            }
        },
    )
    assert titled(client, "2022-01-01") == 0 and titled(client, "2022-01-01", "110000") == 1
    moved = graphql(client, MOVE, {"id": "p1", "input": {"institutionId": "cd", "since": "2022-07-01"}})
    assert moved["data"]["updatePerson"]["__typename"] == "PersonUpdated"
    assert titled(client, "2022-06-30") == 0 and titled(client, "2022-06-30", "110000") == 1
    assert titled(client, "2022-07-01") == 1 and titled(client, "2022-07-01", "110000") == 0
    assert stats(client, "2022-07-01", ["REGION"])["rows"][0]["keys"] == ["130825"]
    assert titled(client, "2022-07-01", "130825") == 1 and titled(client, "2022-07-01", "130822") == 0
    assert titled(client, "2022-07-01", "130000") == 1


def test_staff_of_every_county_count_toward_chengde(client: TestClient, cypher, rebuild) -> None:
    for code in ("130802", "130821", "130828", "130871"):
        institution(cypher, f"i{code}", f"单位{code}", code)
        person(
            cypher,
            f"p{code}",
            "某人",
            "mouren",
            f"i{code}",
            titles=((f"T{code}", "ENGINEERING", "JUNIOR", "2020-01-01"),),
        )
    institution(cypher, "tj", "天津某公司", "120000")
    person(cypher, "ptj", "某人", "mouren", "tj", titles=(("TTJ", "ENGINEERING", "JUNIOR", "2020-01-01"),))
    person(cypher, "nojob", "某人", "mouren", None, titles=(("TNO", "ENGINEERING", "JUNIOR", "2020-01-01"),))
    rebuild()
    assert titled(client, "2021-01-01") == 4
    counties = stats(client, "2021-01-01", ["REGION"])["rows"]
    assert [row["keys"][0] for row in counties] == ["130802", "130821", "130828", "130871"]
    assert titled(client, "2019-12-31") == 0


def visit(cypher, id: str, expert: str, host: str, arrived: str) -> None:
    cypher(
        """MATCH (p:Person {id: $expert}), (i:Institution {id: $host})
              CREATE (p)-[:MADE]->(:Visit {id: $id, arrivedOn: date($arrived), departedOn: date($arrived) + duration('P10D')})
                     -[:HOSTED_BY]->(i)""",
        id=id,
        expert=expert,
        host=host,
        arrived=arrived,
    )


def test_foreign_expert_visits_count_person_visits_within_the_plan(client: TestClient, cypher) -> None:
    institution(cypher, "cd", "承德石油高等专科学校", "130802", "UNIVERSITY")
    institution(cypher, "bj", "北京某大学", "110000", "UNIVERSITY")
    cypher("""CREATE (:Person:ForeignExpert {id: 'e1', name: 'Anna', highEnd: true}),
                     (:Person:ForeignExpert {id: 'e2', name: 'Bob', highEnd: false}),
                     (:Person:ForeignExpert {id: 'e3', name: 'Carl'})""")
    visit(cypher, "v0", "e1", "cd", "2020-12-31")  # before the plan began
    visit(cypher, "v1", "e1", "cd", "2021-03-01")
    visit(cypher, "v2", "e1", "cd", "2022-05-01")
    visit(cypher, "v3", "e2", "cd", "2021-08-01")
    visit(cypher, "v4", "e3", "cd", "2023-02-01")
    visit(cypher, "v5", "e2", "bj", "2022-02-01")  # hosted outside the region
    result = progress(client, "2022-12-31")
    assert result["foreign-expert-visits"]["value"] == 3
    assert result["high-end-foreign-expert-visits"]["value"] == 2
    assert [y["value"] for y in result["foreign-expert-visits"]["byYear"]] == [2, 3]
    assert progress(client, "2023-02-01")["foreign-expert-visits"]["value"] == 4
    assert progress(client, "2022-12-31", "110000")["foreign-expert-visits"]["value"] == 1


def test_innovation_teams_count_when_recognized_and_based_in_the_region(client: TestClient, cypher) -> None:
    institution(cypher, "cd", "承德钒钛公司", "130881")
    institution(cypher, "bj", "北京公司", "110000")
    for id, status, on, base in (
        ("t1", "recognized", "2021-06-01", "cd"),
        ("t2", "recognized", "2023-01-05", "cd"),
        ("t3", "approved", None, "cd"),
        ("t4", "rejected", None, "cd"),
        ("t5", "recognized", "2021-06-01", "bj"),
    ):
        cypher(
            """MATCH (i:Institution {id: $base})
                  CREATE (:Team {id: $id, name: $id, status: $status, recognizedOn: date($on)})-[:BASED_AT]->(i)""",
            id=id,
            status=status,
            on=on,
            base=base,
        )
    assert progress(client, "2022-12-31")["innovation-teams"]["value"] == 1
    teams = progress(client, "2023-01-05")["innovation-teams"]
    assert teams["value"] == 2 and teams["ratio"] == 0.2 and teams["remaining"] == 8


def test_targets_without_data_say_so_instead_of_zero(client: TestClient) -> None:
    result = progress(client, "2023-01-01")
    for code in ("intl-joint-training", "overseas-training-sessions"):
        assert result[code]["value"] is None and result[code]["ratio"] is None
        assert result[code]["reason"]["zh"] and result[code]["reason"]["en"]
    assert result["titled-staff"]["value"] == 0 and result["titled-staff"]["reason"] is None


def test_an_unknown_region_is_an_error_naming_it(client: TestClient) -> None:
    for query in (
        '{ progress(region: "999999") { value } }',
        '{ talentStats(region: "999999") { total } }',
        '{ talentStats(region: "999999", groupBy: [GENDER, AGE_BAND]) { total } }',
    ):
        body = client.post("/graphql", json={"query": query}).json()
        assert body["errors"][0]["extensions"] == {
            "code": "NotFound",
            "messageZh": "未找到地区:999999",
            "field": "region",
        }, query
