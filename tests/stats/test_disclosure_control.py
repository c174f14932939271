"""Anonymous statistics suppress small counts and whatever would give them back; analysts see exact figures.

The city: 双桥区 with 12 senior and 3 intermediate titled staff, 丰宁 with 10 senior, 8 intermediate and 1
junior, 围场 with 2 senior. The attack takes every figure an anonymous caller is given for this city
(talentStats by region and level, by region, by level, in total; each county's own total; the
progress of the titled-staff target per county) and, for each suppressed cell, bounds it by linear
programming over every combination of county and level.
"""

from __future__ import annotations

import csv
import io
import itertools
from typing import Any

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from tests.attack import bounds
from tests.builders import institution, person
from tests.conftest import bearer, graphql, post_graphql

K = 5
AS_OF = "2024-06-30"
COUNTIES = {"130802": "双桥区", "130826": "丰宁满族自治县", "130828": "围场满族蒙古族自治县"}
LEVELS = ("SENIOR", "DEPUTY_SENIOR", "INTERMEDIATE", "ASSISTANT", "JUNIOR")
CITY = {
    ("130802", "SENIOR"): 12,
    ("130802", "INTERMEDIATE"): 3,
    ("130826", "SENIOR"): 10,
    ("130826", "INTERMEDIATE"): 8,
    ("130826", "JUNIOR"): 1,
    ("130828", "SENIOR"): 2,
}
STATS = """query($asOf: Date, $region: String!, $groupBy: [StatsDimension!]) {
  talentStats(asOf: $asOf, region: $region, groupBy: $groupBy) {
    total threshold rows { keys count } suppressed { threshold people } } }"""
PROGRESS = """query($asOf: Date, $region: String!) { progress(asOf: $asOf, region: $region) {
  target { code } value suppressed ratio remaining projection onTrack reason { zh en }
  byYear { year value suppressed } } }"""


def build_city(cypher: Any, rebuild: Any) -> None:
    for code in COUNTIES:
        institution(cypher, f"i{code}", f"{COUNTIES[code]}医院", code, "HOSPITAL")
    number = itertools.count()
    for (county, level), people in CITY.items():
        for _ in range(people):
            n = next(number)
            person(
                cypher,
                f"p{n}",
                f"人员{n}",
                f"renyuan{n}",
                f"i{county}",
                titles=((f"C{n}", "HEALTH", level, "2018-03-01"),),
            )
    rebuild()


def stats(client: TestClient, key: str | None | bool, group_by: list[str], region: str = "130800") -> dict[str, Any]:
    variables = {"asOf": AS_OF, "region": region, "groupBy": group_by}
    return graphql(client, STATS, variables, key=key)["data"]["talentStats"]


def everything_anonymous_sees(client: TestClient) -> list[tuple[set[tuple[str, str]], int]]:
    """Every published figure, as (the county × level cells it counts, people)."""
    cells = list(itertools.product(COUNTIES, LEVELS))
    figures: list[tuple[set[tuple[str, str]], int]] = []
    for group_by in (["REGION", "TITLE_LEVEL"], ["REGION"], ["TITLE_LEVEL"], []):
        answer = stats(client, None, group_by)
        listed: set[tuple[str, str]] = set()
        for row in answer["rows"]:
            keys = dict(zip(group_by, row["keys"], strict=True))
            inside = {c for c in cells if keys.get("REGION", c[0]) == c[0] and keys.get("TITLE_LEVEL", c[1]) == c[1]}
            figures.append((inside, row["count"]))
            listed |= inside
        if answer["total"] is not None:
            figures.append((set(cells), answer["total"]))
        if answer["suppressed"] and answer["suppressed"]["people"] is not None:
            figures.append((set(cells) - listed, answer["suppressed"]["people"]))
    for county in COUNTIES:
        own = stats(client, None, [], county)
        titled = graphql(client, PROGRESS, {"asOf": AS_OF, "region": county}, key=None)["data"]["progress"][0]
        for value in (own["total"], titled["value"]):
            if value is not None:
                figures.append(({c for c in cells if c[0] == county}, value))
    return figures


def test_no_figure_an_anonymous_caller_gets_gives_back_a_count_below_the_threshold(
    client: TestClient, cypher, rebuild
) -> None:
    build_city(cypher, rebuild)
    answer = stats(client, None, ["REGION", "TITLE_LEVEL"])
    published = {tuple(row["keys"]): row["count"] for row in answer["rows"]}
    assert answer["threshold"] == K and all(count >= K for count in published.values())
    assert answer["total"] == 36 and answer["suppressed"] == {"threshold": K, "people": 36 - sum(published.values())}
    suppressed = set(CITY) - set(published)
    assert {("130802", "INTERMEDIATE"), ("130826", "JUNIOR"), ("130828", "SENIOR")} <= suppressed
    assert len(suppressed) >= 4  # and at least one more that would have given one of them back

    figures = everything_anonymous_sees(client)
    assert all(people == 0 or people >= K for _, people in figures), figures
    unknown = [cell for cell in itertools.product(COUNTIES, LEVELS) if cell not in published]
    known = [(cells - set(published), people - sum(published.get(c, 0) for c in cells)) for cells, people in figures]
    for cell in suppressed:
        low, high = bounds(unknown, known, cell)
        assert high - low > 0.5, (cell, CITY[cell], low, high)  # never pinned to one value
    # From the answer alone (its cells, its total, the people left out) no cell is bounded below the threshold.
    alone = [(set(unknown), answer["total"] - sum(published.values()))]
    for cell in suppressed:
        assert bounds(unknown, alone, cell)[1] >= K


def test_analysts_and_administrators_get_exact_figures(client: TestClient, cypher, rebuild, keys) -> None:
    build_city(cypher, rebuild)
    for key in (keys("analyst"), True):
        answer = stats(client, key, ["REGION", "TITLE_LEVEL"])
        assert {tuple(row["keys"]): row["count"] for row in answer["rows"]} == CITY
        assert (answer["total"], answer["threshold"], answer["suppressed"]) == (36, None, None)
        small = graphql(client, PROGRESS, {"asOf": AS_OF, "region": "130828"}, key=key)["data"]["progress"][0]
        assert (small["value"], small["suppressed"]) == (2, False)


def test_a_county_of_two_titled_people_shows_anonymous_callers_no_number(client: TestClient, cypher, rebuild) -> None:
    build_city(cypher, rebuild)
    assert stats(client, None, [], "130828")["total"] is None
    titled = graphql(client, PROGRESS, {"asOf": AS_OF, "region": "130828"}, key=None)["data"]["progress"][0]
    assert titled["target"]["code"] == "titled-staff" and titled["suppressed"]
    assert (titled["value"], titled["ratio"], titled["remaining"], titled["projection"], titled["onTrack"]) == (
        None,
    ) * 5
    assert [year["value"] for year in titled["byYear"]] == [None, None, None, None]
    assert "5" in titled["reason"]["en"] and "不予公布" in titled["reason"]["zh"]


def test_exports_suppress_what_the_queries_do_and_mark_it(client: TestClient, cypher, rebuild) -> None:
    build_city(cypher, rebuild)
    params = {"asOf": AS_OF, "groupBy": "REGION,TITLE_LEVEL"}
    answer = stats(client, None, ["REGION", "TITLE_LEVEL"])
    response = client.get("/export/stats.csv", params=params, headers=bearer(None))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    counts = [int(row[2]) for row in rows[1:] if row[2].isdigit()]
    assert counts == [row["count"] for row in answer["rows"]] + [answer["suppressed"]["people"], 36]
    assert ["其他(已隐藏)", "", str(answer["suppressed"]["people"])] in rows and ["合计", "", "36"] in rows
    assert "少于5人" in rows[-1][0]
    sheet = load_workbook(
        io.BytesIO(client.get("/export/stats.xlsx", params=params, headers=bearer(None)).content)
    ).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True) if isinstance(row[2], int)] == counts
    exact = list(csv.reader(io.StringIO(client.get("/export/stats.csv", params=params).content.decode("utf-8-sig"))))
    assert len(exact) == 1 + len(CITY) + 1 and "已隐藏" not in str(exact)

    small = client.get("/export/progress.xlsx", params={"asOf": AS_OF, "region": "130828"}, headers=bearer(None))
    sheet = load_workbook(io.BytesIO(small.content)).active
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True))
    titled = dict(zip(header, next(sheet.iter_rows(min_row=2, max_row=2, values_only=True)), strict=True))
    # The county has no goal of its own: ratio and what remains are blank, not hidden.
    # The city's value may be shown, but not the county's share of it, which would give the count back.
    assert (titled["当前值"], titled["到期预计"], titled["占全市比例"], titled["全市数值"]) == ("已隐藏",) * 3 + (36,)
    assert (titled["完成率"], titled["尚差"]) == (None, None) and "不予公布" in titled["说明"]
    assert "已隐藏" in str(list(sheet.iter_rows(min_row=sheet.max_row, values_only=True)))


def test_an_export_refuses_a_bad_key_as_the_api_does(client: TestClient) -> None:
    response = client.get("/export/stats.csv", headers={"authorization": "Bearer tg_not_a_key"})
    assert response.status_code == 401 and "WWW-Authenticate" in response.headers


def test_anonymous_groupings_finer_than_three_dimensions_are_refused_naming_groupBy(
    client: TestClient, cypher, rebuild, keys
) -> None:
    build_city(cypher, rebuild)
    eight = ["REGION", "TITLE_LEVEL", "TITLE_SERIES", "GRANT_YEAR", "FIELD", "INSTITUTION_TYPE", "GENDER", "AGE_BAND"]
    body = post_graphql(client, STATS, {"asOf": AS_OF, "region": "130800", "groupBy": eight}, key=None).json()
    assert (
        body["errors"][0]["extensions"]["field"] == "groupBy" and "at most 3 dimensions" in body["errors"][0]["message"]
    )
    response = client.get("/export/stats.csv", params={"groupBy": ",".join(eight)}, headers=bearer(None))
    assert response.status_code == 400 and response.json()["field"] == "groupBy"
    assert stats(client, keys("analyst"), eight)["total"] == 36


@pytest.mark.parametrize("threshold", [3, 11])
def test_every_role_can_be_suppressed_and_the_threshold_is_a_setting(
    threshold: int, settings, neo4j_connection, cypher, rebuild, keys
) -> None:
    from server.app import create_app

    build_city(cypher, rebuild)
    strict = settings.model_copy(update={"stats_suppress_all": True, "stats_threshold": threshold})
    with TestClient(create_app(strict, neo4j_connection), headers=bearer(keys("admin"))) as admin:
        answer = stats(admin, True, ["REGION", "TITLE_LEVEL"])
    assert answer["threshold"] == threshold
    assert all(row["count"] >= threshold for row in answer["rows"])
    assert {tuple(row["keys"]) for row in answer["rows"]} < set(CITY)
