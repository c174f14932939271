"""Every target measured: certifications valid on the day, projects per year, amounts and growth from figures.

Each test builds data with a known answer through the API's mutations and checks progress against an
independent recount (tests/stats/target_recount.py) at two as-of dates, certificates expiring between them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.builders import count_nodes, institution
from tests.conftest import graphql, post_graphql
from tests.stats.target_recount import certified, figure, projects_of_year, read_raw

CITY, SHUANGQIAO, FENGNING, LONGHUA, BEIJING, HEBEI = "130800", "130802", "130826", "130825", "110000", "130000"
COUNTIES = (SHUANGQIAO, FENGNING, LONGHUA)
AS_OF = (dt.date(2023, 4, 15), dt.date(2024, 3, 15))

PROGRESS = """query($asOf: Date!, $region: String!) { progress(asOf: $asOf, region: $region) {
  target { code goal kind } region kind value valueYear rate goal goalSource ratio remaining projection onTrack
  reason { en }
  cityValue byYear { year asOf value goal rate } } }"""
CERTIFY = """mutation($input: RecordCertificationInput!) { recordCertification(input: $input) {
  __typename ... on CertificationRecorded { certification { institutionId status certifiedOn validUntil } }
  ... on UserError { message messageZh field } ... on NotFoundError { entity key } } }"""
REPORT = """mutation($input: ReportIndicatorFigureInput!) { reportIndicatorFigure(input: $input) {
  __typename ... on IndicatorFigureReported { figure { year amount reportedOn } history { amount reportedOn } }
  ... on UserError { message messageZh field } } }"""

#: (institution, status, certifiedOn, validUntil or None for the status's term)
CERTIFICATES = (
    ("c-1", "HIGH_TECH", "2020-06-01", None),  # to 2023-05-31, renewed from 2023-06-01
    ("c-1", "HIGH_TECH", "2023-06-01", None),
    ("c-2", "HIGH_TECH", "2021-03-01", None),  # to 2024-02-29: expires between the two days
    ("c-3", "HIGH_TECH", "2022-01-10", "2022-12-31"),  # revoked early: given its own end
    ("c-4", "HIGH_TECH", "2022-05-01", None),  # in Beijing: outside the city
    ("c-2", "TECH_SME", "2022-04-01", None),  # to 2023-03-31: expired on the first day
    ("c-2", "TECH_SME", "2023-04-01", None),  # to 2024-03-31
    ("c-3", "TECH_SME", "2023-02-01", None),  # to 2024-01-31
    ("c-5", "TECH_SME", "2023-12-01", None),
    ("c-1", "PROVINCIAL_LEADER", "2022-09-01", None),
    ("c-5", "PROVINCIAL_LEADER", "2023-05-01", "2023-12-31"),
)

#: (indicator, region, year, amount, source, reportedOn)
FIGURES = (
    ("TECH_CONTRACT_VALUE", CITY, 2021, 1_200_000_000, "市科技局", "2022-03-01"),
    ("TECH_CONTRACT_VALUE", CITY, 2022, 1_800_000_000, "市科技局", "2023-03-01"),
    ("TECH_CONTRACT_VALUE", CITY, 2022, 2_100_000_000, "市科技局(更正)", "2023-06-15"),  # a correction
    ("TECH_CONTRACT_VALUE", CITY, 2023, 2_600_000_000, "市科技局", "2024-03-01"),  # above a 32-bit Int
    ("TECH_CONTRACT_VALUE", FENGNING, 2022, 300_000_000, "丰宁县科技局", "2023-03-01"),
    ("RD_EXPENDITURE", CITY, 2020, 1_000_000_000, "市统计局", "2021-04-01"),
    ("RD_EXPENDITURE", CITY, 2021, 1_120_000_000, "市统计局", "2022-04-01"),
    ("RD_EXPENDITURE", CITY, 2022, 1_250_000_000, "市统计局", "2023-04-01"),
    ("RD_EXPENDITURE", CITY, 2023, 1_300_000_000, "市统计局", "2024-03-10"),
    ("RD_INTENSITY", CITY, 2021, 120, "市统计局", "2022-05-01"),
    ("RD_INTENSITY", HEBEI, 2021, 175, "省统计局", "2022-05-01"),
    ("RD_INTENSITY", CITY, 2022, 140, "市统计局", "2023-05-01"),
    ("RD_INTENSITY", CITY, 2023, 160, "市统计局", "2024-03-01"),
    ("RD_INTENSITY", HEBEI, 2023, 155, "省统计局", "2024-03-01"),
)


def world(client: TestClient, cypher) -> dict[str, list[dict[str, Any]]]:
    institution(cypher, "c-1", "承德钒钛科技", SHUANGQIAO)
    institution(cypher, "c-2", "丰宁食用菌公司", FENGNING)
    institution(cypher, "c-3", "隆化中药材公司", LONGHUA)
    institution(cypher, "c-4", "北京合作企业", BEIJING)
    institution(cypher, "c-5", "丰宁新能源", FENGNING)
    for who, status, on, until in CERTIFICATES:
        done = certify(client, {"institutionId": who, "status": status, "certifiedOn": on, "validUntil": until})
        assert done["__typename"] == "CertificationRecorded", done
    for indicator, region, year, amount, source, on in FIGURES:
        done = report(client, indicator, region, year, str(amount), source, on)
        assert done["__typename"] == "IndicatorFigureReported", done
    # Projects by year, one of 2022 withdrawn in 2023 and one of 2021 run in Beijing.
    for pid, who, year, withdrawn in (
        ("pr-1", "c-1", 2021, None),
        ("pr-2", "c-2", 2021, None),
        ("pr-3", "c-4", 2021, None),
        ("pr-4", "c-1", 2022, None),
        ("pr-5", "c-2", 2022, "2023-06-01"),
        ("pr-6", "c-3", 2022, None),
        ("pr-7", "c-2", 2023, None),
        ("pr-8", "c-2", 2024, None),
    ):
        cypher(
            """MATCH (i:Institution {id: $who})
               CREATE (i)-[:RAN {lead: true}]->(:Project {id: $id, name: $id, kind: 'MUNICIPAL', year: $year,
                                                          withdrawnOn: CASE WHEN $withdrawn IS NULL THEN null
                                                                            ELSE date($withdrawn) END})""",
            who=who,
            id=pid,
            year=year,
            withdrawn=withdrawn,
        )
    return read_raw(cypher)


def certify(client: TestClient, values: dict[str, Any], key: Any = True) -> dict[str, Any]:
    return graphql(client, CERTIFY, {"input": values}, key=key)["data"]["recordCertification"]


def report(client: TestClient, indicator, region, year, amount, source, on, key: Any = True) -> dict[str, Any]:
    variables = {"indicator": indicator, "region": region, "year": year, "amount": amount, "source": source,
                 "reportedOn": on}  # fmt: skip
    return graphql(client, REPORT, {"input": variables}, key=key)["data"]["reportIndicatorFigure"]


def progress(client: TestClient, as_of: dt.date, region: str = CITY) -> dict[str, dict[str, Any]]:
    rows = graphql(client, PROGRESS, {"asOf": as_of.isoformat(), "region": region})["data"]["progress"]
    return {row["target"]["code"]: row for row in rows}


def year_ends(as_of: dt.date) -> list[dt.date]:
    return [min(dt.date(year, 12, 31), as_of) for year in range(2021, as_of.year + 1)]


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("high-tech-enterprises", "HIGH_TECH"),
        ("tech-smes", "TECH_SME"),
        ("provincial-leader-enterprises", "PROVINCIAL_LEADER"),
    ],
)
def test_certified_institutions_are_counted_while_their_certificate_is_valid_in_the_city_and_each_county(
    client: TestClient, cypher, code: str, status: str
) -> None:
    raw = world(client, cypher)
    for as_of in AS_OF:
        found = progress(client, as_of)[code]
        value = certified(raw, status, CITY, as_of)
        assert found["kind"] == found["target"]["kind"] == "CERTIFIED"
        assert found["value"] == value, (as_of, found)
        assert [y["value"] for y in found["byYear"]] == [certified(raw, status, CITY, day) for day in year_ends(as_of)]
        baseline = certified(raw, status, CITY, dt.date(2020, 12, 31))
        elapsed = (as_of - dt.date(2021, 1, 1)).days + 1
        assert found["projection"] == pytest.approx(baseline + (value - baseline) * 1826 / elapsed)
        assert found["remaining"] == max(found["target"]["goal"] - value, 0)
        for county in COUNTIES:
            there = progress(client, as_of, county)[code]
            assert there["value"] == certified(raw, status, county, as_of), (as_of, county)
            assert there["cityValue"] == value
    # The answers themselves, so that the recount cannot agree with a wrong reading of the data.
    high_tech = [progress(client, day)["high-tech-enterprises"]["value"] for day in AS_OF]
    assert high_tech == [2, 1]  # c-1 and c-2; then c-2's certificate ran out on 2024-02-29
    assert [progress(client, day)["tech-smes"]["value"] for day in AS_OF] == [2, 2]  # c-2, c-3; c-2, c-5


def test_the_status_term_sets_the_validity_when_none_is_given(client: TestClient, cypher) -> None:
    institution(cypher, "c-9", "承德测试", SHUANGQIAO)
    ends = {
        status: certify(client, {"institutionId": "c-9", "status": status, "certifiedOn": "2020-02-29"})
        for status in ("HIGH_TECH", "TECH_SME")
    }
    assert ends["HIGH_TECH"]["certification"]["validUntil"] == "2023-02-28"
    assert ends["TECH_SME"]["certification"]["validUntil"] == "2021-02-28"


def test_projects_per_year_give_each_years_count_against_the_yearly_goal(client: TestClient, cypher) -> None:
    raw = world(client, cypher)
    for as_of in AS_OF:
        for region in (CITY, *COUNTIES):
            found = progress(client, as_of, region)["innovation-projects-per-year"]
            assert found["kind"] == "PER_YEAR" and found["valueYear"] == as_of.year
            assert found["value"] == projects_of_year(raw, as_of.year, region, as_of)
            assert [y["value"] for y in found["byYear"]] == [
                projects_of_year(raw, year, region, as_of) for year in range(2021, as_of.year + 1)
            ], (as_of, region)
        city = progress(client, as_of)["innovation-projects-per-year"]
        assert all(y["goal"] == 60 for y in city["byYear"])
        assert city["onTrack"] is False  # no year reached 60
    first = progress(client, AS_OF[0])["innovation-projects-per-year"]
    assert [y["value"] for y in first["byYear"]] == [2, 3, 1]  # pr-5 still counts until it is withdrawn
    assert first["projection"] == pytest.approx(1 * 365 / 105)
    second = progress(client, AS_OF[1])["innovation-projects-per-year"]
    assert [y["value"] for y in second["byYear"]] == [2, 2, 1, 1]


def test_technology_contract_value_is_the_latest_years_figure_as_known_on_the_day_corrections_included(
    client: TestClient, cypher
) -> None:
    raw = world(client, cypher)
    for as_of in AS_OF:
        found = progress(client, as_of)["technology-contract-value"]
        known = {year: figure(raw, "TECH_CONTRACT_VALUE", CITY, year, as_of) for year in range(2021, as_of.year + 1)}
        latest = max(year for year, amount in known.items() if amount is not None)
        assert found["kind"] == "AMOUNT" and found["valueYear"] == latest
        assert found["value"] == known[latest]
        assert [y["value"] for y in found["byYear"]] == list(known.values())
        assert found["ratio"] == pytest.approx(known[latest] / 3_000_000_000)
    first, second = (progress(client, day)["technology-contract-value"] for day in AS_OF)
    assert first["value"] == 1_800_000_000  # the correction of 2023-06-15 was not yet reported
    assert second["value"] == 2_600_000_000 and second["byYear"][1]["value"] == 2_100_000_000
    # A line through 2021's 1.2 and 2023's 2.6 billion, carried to 2025: 4.0 billion.
    assert second["projection"] == pytest.approx(4_000_000_000) and second["onTrack"] is True
    fengning = progress(client, AS_OF[1], FENGNING)["technology-contract-value"]
    assert fengning["value"] == 300_000_000 and fengning["valueYear"] == 2022
    assert fengning["cityValue"] == 2_100_000_000
    shuangqiao = progress(client, AS_OF[1], SHUANGQIAO)["technology-contract-value"]
    assert shuangqiao["value"] is None and "city-wide only" in shuangqiao["reason"]["en"]


def test_rd_growth_is_the_average_annual_growth_from_the_base_year(client: TestClient, cypher) -> None:
    raw = world(client, cypher)
    for as_of in AS_OF:
        found = progress(client, as_of)["rd-expenditure-growth"]
        base = figure(raw, "RD_EXPENDITURE", CITY, 2020, as_of)
        years = {year: figure(raw, "RD_EXPENDITURE", CITY, year, as_of) for year in range(2021, as_of.year + 1)}
        latest = max(year for year, amount in years.items() if amount is not None)
        rate = ((years[latest] / base) ** (1 / (latest - 2020)) - 1) * 100
        assert found["kind"] == "GROWTH_RATE" and found["value"] == years[latest] and found["valueYear"] == latest
        assert found["rate"] == pytest.approx(rate) and found["ratio"] == pytest.approx(rate / 10)
        assert found["onTrack"] is (rate >= 10)
        assert [y["value"] for y in found["byYear"]] == list(years.values())
    first, second = (progress(client, day)["rd-expenditure-growth"] for day in AS_OF)
    assert first["rate"] == pytest.approx((1.25**0.5 - 1) * 100) and first["onTrack"] is True
    assert second["rate"] == pytest.approx((1.3 ** (1 / 3) - 1) * 100) and second["onTrack"] is False
    assert second["byYear"][0]["rate"] == pytest.approx(12.0)


def test_rd_intensity_is_measured_against_the_provinces_figure_of_the_same_year(client: TestClient, cypher) -> None:
    raw = world(client, cypher)
    for as_of in AS_OF:
        found = progress(client, as_of)["rd-intensity-provincial-average"]
        years = {year: figure(raw, "RD_INTENSITY", CITY, year, as_of) for year in range(2021, as_of.year + 1)}
        latest = max(year for year, amount in years.items() if amount is not None)
        province = figure(raw, "RD_INTENSITY", HEBEI, latest, as_of)
        assert found["kind"] == "REACH_PROVINCE" and found["value"] == years[latest] and found["valueYear"] == latest
        assert found["goal"] == province and found["goalSource"] == ("PROVINCE" if province else None)
        assert found["onTrack"] is (None if province is None else years[latest] >= province)
        assert [y["value"] for y in found["byYear"]] == list(years.values())
    first, second = (progress(client, day)["rd-intensity-provincial-average"] for day in AS_OF)
    assert (first["value"], first["goal"], first["onTrack"]) == (120, 175, False)
    assert (second["value"], second["goal"], second["onTrack"]) == (160, 155, True)
    assert progress(client, AS_OF[1], FENGNING)["rd-intensity-provincial-average"]["value"] is None


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"certifiedOn": "2999-01-01"}, "certifiedOn"),
        ({"certifiedOn": "2023-01-01", "validUntil": "2022-12-31"}, "validUntil"),
        ({"institutionId": "no-such"}, "institutionId"),
    ],
)
def test_a_bad_certification_is_a_typed_error_naming_the_field_and_writes_nothing(
    client: TestClient, cypher, values: dict[str, Any], field: str
) -> None:
    institution(cypher, "c-9", "承德测试", SHUANGQIAO)
    before = count_nodes(cypher)
    done = certify(client, {"institutionId": "c-9", "status": "HIGH_TECH", "certifiedOn": "2022-01-01", **values})
    assert done["__typename"] in {"InvalidInputError", "NotFoundError"} and done["field"] == field, done
    assert done["message"] and done["messageZh"]
    assert count_nodes(cypher) == before


@pytest.mark.parametrize(
    ("changes", "error", "field"),
    [
        ({"amount": "-1"}, "InvalidInputError", "amount"),
        ({"region": BEIJING}, "InvalidInputError", "region"),
        ({"region": HEBEI}, "InvalidInputError", "region"),  # only R&D intensity is compared with the province
        ({"indicator": "RD_INTENSITY", "region": BEIJING}, "InvalidInputError", "region"),
        ({"region": "999999"}, "NotFoundError", "region"),
        ({"reportedOn": "2999-01-01"}, "InvalidInputError", "reportedOn"),
        ({"year": 2030}, "InvalidInputError", "year"),
        ({"amount": "7"}, "ConflictError", "reportedOn"),  # another figure for the same report day
    ],
)
def test_a_bad_figure_is_a_typed_error_naming_the_field_and_writes_nothing(
    client: TestClient, cypher, changes: dict[str, Any], error: str, field: str
) -> None:
    first = report(client, "RD_EXPENDITURE", CITY, 2022, "5", "市统计局", "2023-04-01")
    assert first["__typename"] == "IndicatorFigureReported"
    before = count_nodes(cypher)
    values = {"indicator": "RD_EXPENDITURE", "region": CITY, "year": 2022, "amount": "5", "source": "市统计局",
              "reportedOn": "2023-04-01", **changes}  # fmt: skip
    done = graphql(client, REPORT, {"input": values})["data"]["reportIndicatorFigure"]
    assert done["__typename"] == error and done["field"] == field, done
    assert count_nodes(cypher) == before


def test_reporting_the_same_figure_or_certificate_again_changes_nothing(client: TestClient, cypher) -> None:
    institution(cypher, "c-9", "承德测试", SHUANGQIAO)
    certify(client, {"institutionId": "c-9", "status": "TECH_SME", "certifiedOn": "2022-01-01"})
    report(client, "RD_EXPENDITURE", CITY, 2022, "5", "市统计局", "2023-04-01")
    before = count_nodes(cypher)
    again = certify(client, {"institutionId": "c-9", "status": "TECH_SME", "certifiedOn": "2022-01-01"})
    assert again["__typename"] == "CertificationRecorded"
    done = report(client, "RD_EXPENDITURE", CITY, 2022, "5", "市统计局", "2023-04-01")
    assert done["__typename"] == "IndicatorFigureReported" and len(done["history"]) == 1
    counts = count_nodes(cypher)
    assert {k: v for k, v in counts.items() if k != "AuditEntry"} == {
        k: v for k, v in before.items() if k != "AuditEntry"
    }


def test_a_correction_supersedes_the_figure_and_keeps_it_as_history(client: TestClient, cypher) -> None:
    report(client, "TECH_CONTRACT_VALUE", CITY, 2022, "1800000000", "市科技局", "2023-03-01")
    done = report(client, "TECH_CONTRACT_VALUE", CITY, 2022, "2100000000", "市科技局(更正)", "2023-06-15")
    assert done["figure"] == {"year": 2022, "amount": 2_100_000_000, "reportedOn": "2023-06-15"}
    assert [h["amount"] for h in done["history"]] == [1_800_000_000, 2_100_000_000]


def test_amounts_beyond_a_32_bit_int_travel_exactly(client: TestClient, cypher) -> None:
    amount = 9_007_199_254_740_991  # the largest every JSON client reads exactly
    done = report(client, "TECH_CONTRACT_VALUE", CITY, 2022, str(amount), "市科技局", "2023-03-01")
    assert done["figure"]["amount"] == amount
    stored = cypher("MATCH (f:IndicatorFigure) RETURN f.amount AS amount")
    assert stored == [{"amount": amount}]
    assert progress(client, dt.date(2023, 4, 1))["technology-contract-value"]["value"] == amount
    too_big = {"indicator": "RD_EXPENDITURE", "region": CITY, "year": 2022, "amount": str(amount + 1), "source": "x",
               "reportedOn": "2023-01-01"}  # fmt: skip
    body = post_graphql(client, REPORT, {"input": too_big}).json()
    assert "BigInt" in body["errors"][0]["message"] and body.get("data") is None
    assert cypher("MATCH (f:IndicatorFigure) RETURN count(f) AS n") == [{"n": 1}]


ADD_PLAN = """mutation($input: AddPlanInput!) { addPlan(input: $input) {
  __typename ... on PlanAdded { plan { code targets { code kind goal unit } } } ... on UserError { message field } } }"""


def test_a_new_plan_takes_targets_of_every_kind(client: TestClient) -> None:
    code = f"next-plan-{uuid.uuid4().hex[:8]}"
    targets = [
        {"code": c, "name": c, "nameEn": c, "goal": goal, "unit": unit, "unitEn": unit}
        for c, goal, unit in (
            ("titled-staff", 200000, "人"),
            ("innovation-projects-per-year", 80, "项/年"),
            ("technology-contract-value", 5_000_000_000, "元"),
            ("rd-expenditure-growth", 12, "%"),
            ("tech-smes", 3000, "家"),
        )
    ]
    # Far in the future: plans are reference data, kept between tests, and no other test's day falls in it.
    variables = {"input": {"code": code, "name": "下一规划", "startsOn": "2091-01-01", "deadline": "2095-12-31",
                           "targets": targets}}  # fmt: skip
    done = graphql(client, ADD_PLAN, variables)["data"]["addPlan"]
    assert done["__typename"] == "PlanAdded", done
    assert [(t["code"], t["kind"]) for t in done["plan"]["targets"]] == [
        ("titled-staff", "RUNNING_TOTAL"),
        ("innovation-projects-per-year", "PER_YEAR"),
        ("technology-contract-value", "AMOUNT"),
        ("rd-expenditure-growth", "GROWTH_RATE"),
        ("tech-smes", "CERTIFIED"),
    ]
    unknown = {**variables["input"], "code": f"{code}-x", "targets": [{**targets[0], "code": "young-talent"}]}
    refused = graphql(client, ADD_PLAN, {"input": unknown})["data"]["addPlan"]
    assert refused["__typename"] == "InvalidInputError" and refused["field"] == "targets[0].code"
