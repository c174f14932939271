"""A county's progress: against its own goal where an admin set one, else as its share of the city."""

from __future__ import annotations

import csv
import io

import pytest
from starlette.testclient import TestClient

from tests.builders import count_nodes
from tests.conftest import graphql
from tests.stats.test_exports_and_plans import PLAN, city

SET_REGION_GOAL = """mutation($plan: String!, $code: String!, $region: String!, $goal: Float) {
  setRegionGoal(plan: $plan, code: $code, region: $region, goal: $goal) {
    __typename ... on RegionGoalSet { target { code goal } region goal }
    ... on UserError { message messageZh field } ... on NotFoundError { entity key } } }"""
PROGRESS = """query($region: String!) { progress(asOf: "2023-01-01", region: $region) {
  target { code goal } region value goal goalSource ratio remaining onTrack cityValue cityShare } }"""
SHUANGQIAO, FENGNING, BEIJING = "130802", "130826", "110000"


def progress(client: TestClient, region: str) -> dict[str, dict]:
    rows = graphql(client, PROGRESS, {"region": region})["data"]["progress"]
    return {row["target"]["code"]: row for row in rows}


def set_goal(client: TestClient, region: str, goal: float | None, code: str = "titled-staff", key=True) -> dict:
    variables = {"plan": PLAN, "code": code, "region": region, "goal": goal}
    return graphql(client, SET_REGION_GOAL, variables, key=key)["data"]["setRegionGoal"]


def test_the_city_is_measured_against_the_plans_goal(client: TestClient, cypher, rebuild) -> None:
    city(cypher, rebuild)
    titled = progress(client, "130800")["titled-staff"]
    assert titled["goal"] == titled["target"]["goal"] == 190000 and titled["goalSource"] == "PLAN"
    assert titled["value"] == 3 and titled["ratio"] == pytest.approx(3 / 190000)
    assert titled["cityValue"] is None and titled["cityShare"] is None


def test_a_county_without_a_goal_shows_its_share_of_the_city_not_the_citys_goal(
    client: TestClient, cypher, rebuild
) -> None:
    city(cypher, rebuild)
    titled = progress(client, FENGNING)["titled-staff"]
    assert titled["value"] == 2 and titled["region"] == FENGNING
    assert titled["goal"] is None and titled["goalSource"] is None
    assert titled["ratio"] is None and titled["remaining"] is None and titled["onTrack"] is None
    assert titled["cityValue"] == 3 and titled["cityShare"] == pytest.approx(2 / 3)
    assert titled["target"]["goal"] == 190000  # the plan's goal is still there, for what it is


def test_a_county_with_its_own_goal_is_measured_against_it_until_it_is_removed(
    client: TestClient, cypher, rebuild
) -> None:
    city(cypher, rebuild)
    done = set_goal(client, FENGNING, 4)
    assert done == {"__typename": "RegionGoalSet", "target": {"code": "titled-staff", "goal": 190000.0},
                    "region": FENGNING, "goal": 4.0}  # fmt: skip
    titled = progress(client, FENGNING)["titled-staff"]
    assert titled["goal"] == 4 and titled["goalSource"] == "REGION"
    assert titled["ratio"] == 0.5 and titled["remaining"] == 2 and titled["cityShare"] == pytest.approx(2 / 3)
    assert progress(client, SHUANGQIAO)["titled-staff"]["goal"] is None  # only that county's goal
    assert progress(client, "130800")["titled-staff"]["goal"] == 190000
    assert set_goal(client, FENGNING, 8)["goal"] == 8.0  # replaced, not added
    assert cypher("MATCH (g:RegionGoal) RETURN count(g) AS n")[0]["n"] == 1
    assert progress(client, FENGNING)["titled-staff"]["ratio"] == 0.25
    entry = cypher("MATCH (a:AuditEntry {operation: 'setRegionGoal'}) RETURN a.nodeIds AS ids LIMIT 1")
    assert entry and entry[0]["ids"] == [f"{PLAN}/titled-staff/{FENGNING}"]

    assert set_goal(client, FENGNING, None) == {
        "__typename": "RegionGoalSet", "target": {"code": "titled-staff", "goal": 190000.0}, "region": FENGNING,
        "goal": None,
    }  # fmt: skip
    assert progress(client, FENGNING)["titled-staff"]["goal"] is None
    assert cypher("MATCH (g:RegionGoal) RETURN count(g) AS n")[0]["n"] == 0


@pytest.mark.parametrize(
    ("region", "goal", "code", "error", "field"),
    [
        (FENGNING, 0, "titled-staff", "InvalidInputError", "goal"),
        (FENGNING, -3, "titled-staff", "InvalidInputError", "goal"),
        (FENGNING, 5, "no-such-target", "NotFoundError", "code"),
        ("139999", 5, "titled-staff", "NotFoundError", "region"),
        ("130800", 5, "titled-staff", "InvalidInputError", "region"),
        (BEIJING, 5, "titled-staff", "InvalidInputError", "region"),
    ],
)
def test_a_region_goal_refuses_bad_goals_unknown_targets_and_regions_outside_the_city(
    region: str, goal: float, code: str, error: str, field: str, client: TestClient, cypher
) -> None:
    before = count_nodes(cypher)
    refused = set_goal(client, region, goal, code)
    assert refused["__typename"] == error and refused["field"] == field, refused
    assert refused["message"] and refused["messageZh"]
    assert count_nodes(cypher) == before


@pytest.mark.parametrize("role", ["analyst", "recruiter", "institution", None])
def test_only_admins_set_region_goals(role: str | None, client: TestClient, cypher, keys) -> None:
    from tests.builders import institution

    institution(cypher, "i1", "承德医学院", SHUANGQIAO, "UNIVERSITY")
    key = keys(role, "i1" if role == "institution" else None) if role else None
    before = count_nodes(cypher)
    assert set_goal(client, FENGNING, 5, key=key)["__typename"] == "NotAllowedError"
    assert count_nodes(cypher) == before


def test_a_countys_export_gives_its_own_goal_and_its_share_of_the_city(client: TestClient, cypher, rebuild) -> None:
    city(cypher, rebuild)
    set_goal(client, FENGNING, 4)
    response = client.get("/export/progress.csv", params={"asOf": "2023-01-01", "region": FENGNING})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    assert header[1] == "本地区目标值" and "全市数值" in header and "占全市比例" in header
    titled = next(row for row in rows if row[0] == "拥有专业技术职称人员")
    assert titled[1] == "4.0" and titled[4] == "2" and titled[5] == "50.0%"
    assert titled[header.index("全市数值")] == "3" and titled[header.index("占全市比例")] == "66.7%"
    teams = next(row for row in rows if row[0] == "引进和培育创新创业团队")
    assert teams[1] == "" and teams[5] == ""  # no county goal: no ratio against the city's
