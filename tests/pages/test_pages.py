"""The dashboard and GraphiQL on the demo, as a person opens them, with the network closed but for the server."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.pages.conftest import CHROMIUM, Demo

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is missing: `apt-get install chromium` (.ci/run installs it)"
)

AS_OF = "2025-06-30"
FIGURES = """query($asOf: Date, $region: String!) {
  progress(asOf: $asOf, region: $region) {
    target { code } kind value rate goal goalSource cityValue cityShare byYear { year value rate } }
  counties: talentStats(asOf: $asOf, region: $region, groupBy: [REGION]) { rows { keys count } }
  series: talentStats(asOf: $asOf, region: $region, groupBy: [TITLE_SERIES]) { rows { keys count } }
}"""
#: What the dashboard drew: each target's row (its bar's width) and trend chart (its bars' heights), each
#: county and series bar, as laid out on the screen.
DRAWN = """() => {
  const box = (node) => node.getBoundingClientRect();
  const targets = [...document.querySelectorAll("#targets g.target")].map((g) => ({
    code: g.dataset.code, value: g.dataset.value, goal: g.dataset.goal, goalSource: g.dataset.goalSource,
    share: g.dataset.share, text: g.textContent,
    filled: Math.max(0, ...[...g.querySelectorAll("rect:not(.track)")].map((r) => box(r).width)),
  }));
  const trends = Object.fromEntries([...document.querySelectorAll("#trend svg[data-code]")].map((chart) => [
    chart.dataset.code, { height: box(chart).height, goalLine: chart.querySelector("line.goal, .goal-off-scale") !== null,
      bars: [...chart.querySelectorAll("rect.bar")].map((r) => ({ year: r.dataset.year, value: r.dataset.value,
                                                                    height: box(r).height })) }]));
  const bars = (id) => [...document.querySelectorAll(`#${id} g[data-key]`)].map((g) => ({
    key: g.dataset.key, value: g.dataset.value,
    width: [...g.querySelectorAll("rect")].reduce((sum, r) => sum + box(r).width, 0) }));
  return { targets, trends, counties: bars("counties"), series: bars("series"),
           heading: document.getElementById("targets-heading").textContent,
           note: document.getElementById("share-note").hidden ? "" : document.getElementById("share-note").textContent };
}"""


def api(demo: Demo, query: str, variables: dict[str, Any], key: str | None = None) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {key}"} if key else {}
    body = httpx.post(f"{demo.url}/graphql", json={"query": query, "variables": variables}, headers=headers, timeout=60)
    answer = body.json()
    assert "errors" not in answer, answer
    return answer["data"]


def open_dashboard(visit: Any, demo: Demo, **params: str) -> tuple[Any, dict[str, Any]]:
    query = "&".join(f"{name}={value}" for name, value in {"asOf": AS_OF, **params}.items())
    seen = visit(f"{demo.url}/?{query}")
    seen.page.wait_for_selector('body[data-ready="true"]')
    return seen, seen.page.evaluate(DRAWN)


def test_the_dashboard_draws_a_non_empty_chart_for_every_target_with_data(demo: Demo, visit: Any) -> None:
    figures = api(demo, FIGURES, {"asOf": AS_OF, "region": "130800"})
    with_data = [p for p in figures["progress"] if p["value"]]
    assert len(with_data) >= 5, figures["progress"]  # the demo has something to show for most targets
    for lang in ("zh", "en"):
        seen, drawn = open_dashboard(visit, demo, lang=lang)
        rows = {row["code"]: row for row in drawn["targets"]}
        assert list(rows) == [p["target"]["code"] for p in figures["progress"]]
        for target in figures["progress"]:
            row, code = rows[target["target"]["code"]], target["target"]["code"]
            assert row["value"] == ("" if target["value"] is None else str(target["value"])), code
            if target["value"] is None:
                continue
            # Reaching the provincial average is measured against the province's figure of the same year.
            source = "PROVINCE" if target["kind"] == "REACH_PROVINCE" else "PLAN"
            assert row["goalSource"] == source and float(row["goal"]) == target["goal"], code
            trend = drawn["trends"][code]
            assert trend["height"] > 50 and trend["goalLine"], code
            # A growth rate's bars are each year's growth, the figure its goal is set for.
            shown = "rate" if target["kind"] == "GROWTH_RATE" else "value"
            assert [(b["year"], b["value"]) for b in trend["bars"]] == [
                (str(y["year"]), "" if y[shown] is None else str(y[shown])) for y in target["byYear"]
            ], code
            if target["value"]:
                assert row["filled"] > 0, code
                assert max(b["height"] for b in trend["bars"]) > 20, code  # readable, not flattened by the goal
        counties = {row["keys"][0]: row["count"] for row in figures["counties"]["rows"]}
        assert {bar["key"]: int(bar["value"]) for bar in drawn["counties"]} == counties and len(counties) > 3
        assert all(bar["width"] > 0 for bar in drawn["counties"] + drawn["series"])
        series = {row["keys"][0] or "": row["count"] for row in figures["series"]["rows"]}
        assert {bar["key"]: int(bar["value"]) for bar in drawn["series"]} == series and len(series) > 3
        seen.assert_stayed_on(demo.url)
        seen.screenshot(f"dashboard-{lang}")


def test_a_county_is_shown_against_its_own_goal_or_as_its_share_of_the_city(demo: Demo, visit: Any) -> None:
    county = "130802"  # 双桥区, where the demo has most of its people
    set_goal = """mutation($region: String!, $goal: Float) {
      setRegionGoal(plan: "chengde-2021-2025", code: "titled-staff", region: $region, goal: $goal) { __typename } }"""
    assert api(demo, set_goal, {"region": county, "goal": 5000}, demo.admin_key)["setRegionGoal"] == {
        "__typename": "RegionGoalSet"
    }
    try:
        figures = {p["target"]["code"]: p for p in api(demo, FIGURES, {"asOf": AS_OF, "region": county})["progress"]}
        for lang, heading, own, share in (
            ("zh", "双桥区 · 目标进展", "本地区目标", ("占全市", "全市为 0")),
            ("en", "Shuangqiao District · Progress toward targets", "own goal", ("of the city's", "none in the city")),
        ):
            seen, drawn = open_dashboard(visit, demo, region=county, lang=lang)
            assert drawn["heading"] == heading and drawn["note"]
            rows = {row["code"]: row for row in drawn["targets"]}
            titled = rows["titled-staff"]
            assert titled["goalSource"] == "REGION" and titled["goal"] == "5000"
            assert f"/ {5000:,}" in titled["text"] and own in titled["text"] and "190,000" not in titled["text"]
            for code, row in rows.items():
                if code == "titled-staff" or figures[code]["value"] is None:
                    continue
                assert row["goal"] == "" and row["goalSource"] == "", code  # never the city's goal
                assert share[0 if figures[code]["cityValue"] else 1] in row["text"], (code, row["text"])
                if figures[code]["cityShare"]:
                    assert float(row["share"]) == pytest.approx(figures[code]["cityShare"]) and row["filled"] > 0
            trend = drawn["trends"]["innovation-teams"]
            assert not trend["goalLine"]  # no county goal, so no goal line
            assert drawn["trends"]["titled-staff"]["goalLine"]
            seen.assert_stayed_on(demo.url)
            seen.screenshot(f"dashboard-county-{lang}")
    finally:
        api(demo, set_goal, {"region": county, "goal": None}, demo.admin_key)


EDITOR_TEXT = """(selector) => [...document.querySelectorAll(selector)].map((node) => node.CodeMirror.getValue())"""


def test_graphiql_loads_offline_with_the_demo_key_and_runs_its_prefilled_query(demo: Demo, visit: Any) -> None:
    seen = visit(f"{demo.url}/graphql")
    page = seen.page
    page.wait_for_selector(".graphiql-query-editor .CodeMirror")
    [query] = page.evaluate(EDITOR_TEXT, ".graphiql-query-editor .CodeMirror")
    assert "query Demo" in query and "people(first: 5)" in query
    headers = [text for text in page.evaluate(EDITOR_TEXT, ".graphiql-editor-tool .CodeMirror") if text]
    assert [json.loads(text) for text in headers] == [{"Authorization": f"Bearer {demo.analyst_key}"}]
    page.wait_for_selector(".graphiql-doc-explorer-toggle, button[aria-label*='Documentation']")

    page.click("button.graphiql-execute-button")
    page.wait_for_function(
        """() => { const result = document.querySelector(".result-window .CodeMirror");
                   return result && result.CodeMirror.getValue().includes('"data"'); }"""
    )
    [result] = page.evaluate(EDITOR_TEXT, ".result-window .CodeMirror")
    answer = json.loads(result)
    assert "errors" not in answer, answer
    expected = api(demo, query, {}, demo.analyst_key)
    assert answer["data"] == expected
    assert answer["data"]["people"]["totalCount"] > 0 and len(answer["data"]["people"]["nodes"]) == 5
    assert answer["data"]["progress"][0]["value"] > 0
    page.wait_for_timeout(500)  # let the result pane paint before the screenshot
    seen.assert_stayed_on(demo.url)
    seen.screenshot("graphiql")


def test_graphiql_without_the_demo_has_no_key_and_an_example_that_needs_none(demo: Demo) -> None:
    from server.graphiql import WELCOME, GraphiQLPage

    html = GraphiQLPage().html
    assert "Bearer tg_" not in html and "Authorization" in html  # only the advice on how to send a key
    answer = httpx.post(f"{demo.url}/graphql", json={"query": WELCOME}, timeout=60).json()
    assert "errors" not in answer and answer["data"]["progress"], answer
