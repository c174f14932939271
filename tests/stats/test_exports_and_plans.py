"""Exports (XLSX and CSV with Chinese headers) and the admin mutations that add plans and change goals."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from tests.builders import count_nodes, institution, person
from tests.conftest import bearer, graphql

SET_GOAL = """mutation($plan: String!, $code: String!, $goal: Float!) { setTargetGoal(plan: $plan, code: $code, goal: $goal) {
  __typename ... on TargetGoalSet { target { code goal goalSetBy } } ... on UserError { message messageZh field } } }"""
ADD_PLAN = """mutation($input: AddPlanInput!) { addPlan(input: $input) {
  __typename ... on PlanAdded { plan { code startsOn targets { code goal deadline } } }
  ... on UserError { message messageZh field } } }"""
PLAN = "chengde-2021-2025"


def city(cypher, rebuild) -> None:
    institution(cypher, "i1", "承德医学院", "130802", "UNIVERSITY")
    institution(cypher, "i2", "丰宁县医院", "130826", "HOSPITAL")
    person(cypher, "p1", "甲", "jia", "i1", titles=(("X1", "HIGHER_EDUCATION", "SENIOR", "2018-01-01"),))
    person(cypher, "p2", "乙", "yi", "i2", titles=(("X2", "HEALTH", "INTERMEDIATE", "2019-01-01"),))
    person(cypher, "p3", "丙", "bing", "i2", titles=(("X3", "HEALTH", "SENIOR", "2020-01-01"),))
    rebuild()


def test_stats_csv_has_chinese_headers_names_and_a_total_and_excel_reads_it(
    client: TestClient, cypher, rebuild
) -> None:
    city(cypher, rebuild)
    response = client.get("/export/stats.csv", params={"asOf": "2023-01-01", "groupBy": "REGION,TITLE_LEVEL"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["地区", "职称级别", "人数"],
        ["双桥区", "正高级", "1"],
        ["丰宁满族自治县", "正高级", "1"],
        ["丰宁满族自治县", "中级", "1"],
        ["合计", "", "3"],
    ]
    assert "filename*=UTF-8''" in response.headers["content-disposition"]


def test_progress_xlsx_lists_every_target_with_its_figures(client: TestClient, cypher, rebuild) -> None:
    city(cypher, rebuild)
    response = client.get("/export/progress.xlsx", params={"asOf": "2023-06-30"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("目标", "目标值", "单位", "截止日期", "当前值", "完成率")
    assert rows[0][-3:] == ("2021年末", "2022年末", "2023年末")
    titled = rows[1]
    assert titled[0] == "拥有专业技术职称人员" and titled[1] == 190000 and titled[4] == 3
    assert sheet.cell(row=2, column=6).number_format == "0.0%"
    no_data = [row for row in rows if row[0] == "参加国际联合培养的专业技术和管理人才"][0]
    assert no_data[4] is None and "未记录" in no_data[9]


def test_an_export_with_a_bad_parameter_is_a_400_naming_it(client: TestClient) -> None:
    for params, field in (
        ({"asOf": "2023-13-01"}, "asOf"),
        ({"region": "999999"}, "region"),
        ({"groupBy": "REGION,SHOE_SIZE"}, "groupBy"),
    ):
        response = client.get("/export/stats.xlsx", params=params)
        assert response.status_code == 400 and response.json()["field"] == field
    assert client.get("/export/people.csv").status_code == 404


def test_an_admin_changes_a_goal_and_reloading_reference_data_keeps_it(client: TestClient, cypher, on_db) -> None:
    from graph.migrations import load_reference_data

    changed = graphql(client, SET_GOAL, {"plan": PLAN, "code": "innovation-teams", "goal": 12})["data"]["setTargetGoal"]
    try:
        assert changed["__typename"] == "TargetGoalSet" and changed["target"]["goal"] == 12.0
        assert changed["target"]["goalSetBy"] == cypher("MATCH (k:ApiKey {role: 'admin'}) RETURN k.id AS id")[0]["id"]
        on_db(load_reference_data)
        progress = graphql(client, '{ progress(asOf: "2023-01-01") { target { code goal } } }')["data"]["progress"]
        assert {"code": "innovation-teams", "goal": 12.0} in [p["target"] for p in progress]
    finally:  # the shipped goal again, for the other tests
        on_db(lambda db: db.write("stats/set_target_goal", plan=PLAN, code="innovation-teams", goal=10.0, setBy=None))


def test_setting_a_goal_refuses_bad_goals_and_unknown_targets(client: TestClient, cypher) -> None:
    before = count_nodes(cypher)
    bad = graphql(client, SET_GOAL, {"plan": PLAN, "code": "titled-staff", "goal": -5})["data"]["setTargetGoal"]
    assert bad["__typename"] == "InvalidInputError" and bad["field"] == "goal"
    missing = graphql(client, SET_GOAL, {"plan": PLAN, "code": "no-such", "goal": 5})["data"]["setTargetGoal"]
    assert missing["__typename"] == "NotFoundError"
    assert count_nodes(cypher) == before


@pytest.mark.parametrize("role", ["analyst", "recruiter", "institution", None])
def test_only_admins_change_goals_and_every_role_reads_statistics(
    role: str | None, client: TestClient, cypher, keys
) -> None:
    institution(cypher, "i1", "承德医学院", "130802", "UNIVERSITY")
    key = keys(role, "i1" if role == "institution" else None) if role else None
    before = count_nodes(cypher)
    refused = graphql(client, SET_GOAL, {"plan": PLAN, "code": "titled-staff", "goal": 1}, key=key)["data"]
    assert refused["setTargetGoal"]["__typename"] == "NotAllowedError"
    plan = {"code": "x-plan", "name": "x", "startsOn": "2026-01-01", "deadline": "2027-01-01", "targets": []}
    assert graphql(client, ADD_PLAN, {"input": plan}, key=key)["data"]["addPlan"]["__typename"] == "NotAllowedError"
    read = graphql(client, '{ talentStats { total } progress(asOf: "2023-01-01") { value } plans { code } }', key=key)[
        "data"
    ]
    assert read["talentStats"]["total"] == 0 and read["progress"][0]["value"] == 0
    assert client.get("/export/stats.csv", headers=bearer(key)).status_code == 200
    assert count_nodes(cypher) == before


def test_an_admin_adds_the_next_plan_beside_the_old_one(client: TestClient, cypher) -> None:
    plan = {
        "code": "chengde-2026-2030",
        "name": "十五五科技强市方案",
        "startsOn": "2026-01-01",
        "deadline": "2030-12-31",
        "targets": [
            {
                "code": "titled-staff",
                "name": "专业技术人才",
                "nameEn": "Titled staff",
                "goal": 230000,
                "unit": "人",
                "unitEn": "people",
            },
            {
                "code": "innovation-teams",
                "name": "创新团队",
                "nameEn": "Teams",
                "goal": 20,
                "unit": "个",
                "unitEn": "teams",
                "deadline": "2028-12-31",
            },
        ],
    }
    try:
        added = graphql(client, ADD_PLAN, {"input": plan})["data"]["addPlan"]
        assert added["__typename"] == "PlanAdded"
        assert added["plan"]["targets"] == [
            {"code": "titled-staff", "goal": 230000.0, "deadline": "2030-12-31"},
            {"code": "innovation-teams", "goal": 20.0, "deadline": "2028-12-31"},
        ]
        plans = [p["code"] for p in graphql(client, "{ plans { code } }")["data"]["plans"]]
        assert [code for code in plans if code.startswith("chengde-")] == ["chengde-2021-2025", "chengde-2026-2030"]
        old = graphql(client, '{ progress(asOf: "2025-06-30") { target { plan } } }')["data"]["progress"]
        assert {p["target"]["plan"] for p in old} == {"chengde-2021-2025"}
        new = graphql(client, '{ progress(asOf: "2027-01-01") { target { plan code } byYear { year } } }')
        assert [p["target"]["code"] for p in new["data"]["progress"]] == ["titled-staff", "innovation-teams"]
        assert [y["year"] for y in new["data"]["progress"][0]["byYear"]] == [2026, 2027]
        again = graphql(client, ADD_PLAN, {"input": plan})["data"]["addPlan"]
        assert again["__typename"] == "ConflictError" and again["field"] == "code"
    finally:
        cypher(
            "MATCH (p:Plan {code: 'chengde-2026-2030'}) OPTIONAL MATCH (t:Target)-[:IN_PLAN]->(p) DETACH DELETE p, t"
        )


def test_a_plan_with_bad_dates_or_targets_is_refused_and_writes_nothing(client: TestClient, cypher) -> None:
    target = {"code": "titled-staff", "name": "人才", "nameEn": "Talent", "goal": 1, "unit": "人", "unitEn": "people"}
    base = {
        "code": "next-plan",
        "name": "下一个",
        "startsOn": "2026-01-01",
        "deadline": "2030-12-31",
        "targets": [target],
    }
    before = count_nodes(cypher)
    for change, field in (
        ({"deadline": "2025-01-01"}, "deadline"),
        ({"targets": []}, "targets"),
        ({"code": "Bad Code"}, "code"),
        ({"targets": [{**target, "code": "made-up"}]}, "targets[0].code"),
        ({"targets": [target, target]}, "targets[1].code"),
        ({"targets": [{**target, "goal": 0}]}, "targets[0].goal"),
        ({"targets": [{**target, "deadline": "2031-01-01"}]}, "targets[0].deadline"),
    ):
        refused = graphql(client, ADD_PLAN, {"input": {**base, **change}})["data"]["addPlan"]
        assert (refused["__typename"], refused["field"]) == ("InvalidInputError", field), change
    assert count_nodes(cypher) == before
