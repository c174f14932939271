"""The page for institutions and the bureau at /institution, on the demo, driven as its users drive it.

Everything the page shows is checked against the API's own answer, and every change it makes is read
back through the API: the page has no way to write but GraphQL.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

import httpx
import pytest

from server.csp import PAGE_POLICY
from tests.builders import api_key
from tests.pages.conftest import CHROMIUM, Demo
from tests.pages.test_pages import api

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is missing: `apt-get install chromium` (.ci/run installs it)"
)

KEY_STORE = "talentgraph.key"
TEAMS = """query($where: TeamsWhere) { teams(where: $where, first: 500) {
  nodes { id name status reviewComment institution { id name } leader { id } members { person { id } invited } } } }"""


def run_cypher(graph_driver: Any, database: str) -> Any:
    def run(statement: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = graph_driver.execute_query(statement, params, database_=database)
        return [record.data() for record in records]

    return run


@pytest.fixture(scope="module")
def home(demo: Demo, graph_driver: Any, neo4j_connection: Any) -> dict[str, Any]:
    """A demo institution with an active team and staff enough for another, and a key of its own."""
    active = [
        team
        for status in ("RECOGNIZED", "APPROVED", "SUBMITTED")
        for team in api(demo, TEAMS, {"where": {"status": status}}, demo.admin_key)["teams"]["nodes"]
        if team["leader"]
    ]
    leaders = {team["leader"]["id"] for team in active}
    for team in active:
        institution = team["institution"]
        staff = api(
            demo,
            """query($i: ID!) { people(where: { institutionId: $i }, first: 500) { totalCount nodes { id name } } }""",
            {"i": institution["id"]},
            demo.admin_key,
        )["people"]["nodes"]
        free = [p for p in staff if p["id"] not in leaders]
        if len(free) >= 6:
            key = api_key(run_cypher(graph_driver, neo4j_connection.database), "institution", institution["id"])
            return {"institution": institution, "key": key, "leader": team["leader"]["id"], "free": free}
    raise AssertionError("the demo has no institution with an active team and six other staff")


def sign_in(visit: Any, demo: Demo, key: str, lang: str = "zh") -> Any:
    seen = visit(f"{demo.url}/institution?lang={lang}")
    page = seen.page
    page.wait_for_selector('body[data-ready="true"]')
    page.fill("#signin-form input[name=key]", key)
    page.click("#signin-form button[type=submit]")
    page.wait_for_selector('body[data-ready="true"]:not([data-view="signin"])')
    assert key not in page.url
    assert page.evaluate(f"sessionStorage.getItem('{KEY_STORE}')") == key
    return seen


def rows(page: Any, list_id: str) -> list[dict[str, Any]]:
    return list(
        page.evaluate(
            """(id) => [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => ({
                 id: tr.dataset.id, cells: [...tr.children].map((td) => td.innerText.trim()) }))""",
            list_id,
        )
    )


def error_beside(page: Any, form: str, field: str) -> str:
    selector = f'{form} [data-field="{field}"] .error'
    page.wait_for_function("(s) => document.querySelector(s).textContent !== ''", arg=selector)
    return str(page.text_content(selector))


def test_an_anonymous_visitor_sees_only_the_sign_in_and_the_page_loads_nothing_from_elsewhere(
    demo: Demo, visit: Any
) -> None:
    response = httpx.get(f"{demo.url}/institution", timeout=60)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == PAGE_POLICY
    assert "script-src 'self'" in PAGE_POLICY and "unsafe-inline" not in PAGE_POLICY
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts and all('src="/portal/static/' in tag for tag in scripts)  # no inline script to allow
    assert not re.search(r"\son[a-z]+=", response.text)  # nor inline handlers
    for asset in ("portal.js", "portal.css"):
        served = httpx.get(f"{demo.url}/portal/static/{asset}", timeout=60)
        assert served.status_code == 200 and served.headers["content-type"].startswith(("text/javascript", "text/css"))

    seen = visit(f"{demo.url}/institution")
    page = seen.page
    page.wait_for_selector('body[data-ready="true"]')
    visible = page.evaluate(
        """() => Object.fromEntries(["#signin", "#institution", "#bureau", "#sign-out"].map(
             (s) => [s, document.querySelector(s).checkVisibility()]))"""
    )
    assert visible == {"#signin": True, "#institution": False, "#bureau": False, "#sign-out": False}
    assert page.evaluate("document.querySelectorAll('tbody tr').length") == 0
    # The only request to the API was none at all: an anonymous visitor is asked for a key first.
    assert not [url for url in seen.requests if url.endswith("/graphql")]
    seen.assert_stayed_on(demo.url)
    seen.screenshot("portal-sign-in-zh")


def test_an_unknown_key_is_refused_and_forgotten(demo: Demo, visit: Any) -> None:
    seen = visit(f"{demo.url}/institution?lang=en")
    page = seen.page
    page.wait_for_selector('body[data-ready="true"]')
    page.fill("#signin-form input[name=key]", "tg_not_a_key")
    page.click("#signin-form button[type=submit]")
    page.wait_for_selector("#status.error")
    assert "not known" in page.text_content("#status")
    assert page.evaluate(f"sessionStorage.getItem('{KEY_STORE}')") is None
    assert page.is_visible("#signin") and not page.is_visible("#institution")
    seen.failed.clear()  # the refused request itself (401) is the point of this test
    seen.errors[:] = [e for e in seen.errors if "401" not in e]
    seen.assert_stayed_on(demo.url)


def test_an_institution_sees_its_own_lists_and_signs_out(demo: Demo, visit: Any, home: dict[str, Any]) -> None:
    institution = home["institution"]
    seen = sign_in(visit, demo, home["key"])
    page = seen.page
    assert institution["name"] in page.text_content("#who")
    expected = api(
        demo,
        """query($i: ID!) { people(where: { institutionId: $i }, first: 20) {
             totalCount nodes { id } pageInfo { endCursor } }
             teams(where: { institutionId: $i }) { totalCount } }""",
        {"i": institution["id"]},
        home["key"],
    )
    assert [row["id"] for row in rows(page, "people-list")] == [p["id"] for p in expected["people"]["nodes"]]
    assert f"共 {expected['people']['totalCount']} 条" in page.text_content("#people-list .pager")
    if expected["people"]["totalCount"] > 20:
        page.click("#people-list button.next")
        page.wait_for_function("() => !document.querySelector('#people-list button.previous').disabled")
        second = api(
            demo,
            """query($i: ID!, $after: String) { people(where: { institutionId: $i }, first: 20, after: $after)
                 { nodes { id } } }""",
            {"i": institution["id"], "after": expected["people"]["pageInfo"]["endCursor"]},
            home["key"],
        )
        assert [row["id"] for row in rows(page, "people-list")] == [p["id"] for p in second["people"]["nodes"]]
    page.click('[data-tab="teams"]')
    assert len(rows(page, "teams-list")) == min(20, expected["teams"]["totalCount"]) > 0
    page.click('[data-tab="uploads"]')
    assert page.is_visible("#upload-form input[type=file]") and page.is_hidden("#upload-job")
    seen.screenshot("portal-uploads-zh")
    page.click("#sign-out")
    page.wait_for_selector('body[data-view="signin"]')
    assert page.evaluate(f"sessionStorage.getItem('{KEY_STORE}')") is None
    assert page.evaluate("document.querySelectorAll('tbody tr').length") == 0
    seen.assert_stayed_on(demo.url)


def test_an_institution_registers_a_team_and_sees_a_refusal_beside_the_leader(
    demo: Demo, visit: Any, home: dict[str, Any]
) -> None:
    seen = sign_in(visit, demo, home["key"])
    page = seen.page
    page.click('[data-tab="teams"]')
    name = f"钒钛新材料创新团队{uuid.uuid4().hex[:4]}"
    free = home["free"]
    page.fill("#team-form input[name=name]", name)
    field = page.eval_on_selector("#team-form select[name=fields] option", "o => o.value")
    page.select_option("#team-form select[name=fields]", [field])
    page.select_option("#team-form select[name=leader]", home["leader"])
    page.select_option("#team-form select[name=members]", [free[1]["id"], free[2]["id"]])
    page.click("#team-form button[type=submit]")

    # The same refusal the API gives, beside the leader, in Chinese and then in English; nothing registered.
    refused = api(
        demo,
        """mutation($input: RegisterTeamInput!) { registerTeam(input: $input) {
             __typename ... on UserError { field message messageZh } } }""",
        {"input": {"name": name, "fields": [field], "origin": "CULTIVATED", "leader": {"personId": home["leader"]}}},
        home["key"],
    )["registerTeam"]
    assert refused["__typename"] == "ConflictError" and refused["field"] == "leader"
    assert error_beside(page, "#team-form", "leader") == refused["messageZh"]
    assert page.text_content('#team-form [data-field="name"] .error') == ""
    seen.screenshot("portal-team-refused-zh")
    page.click("#lang")
    assert page.text_content('#team-form [data-field="leader"] .error') == refused["message"]
    seen.screenshot("portal-team-refused-en")
    page.click("#lang")
    assert not api(demo, TEAMS, {"where": {"name": name}}, home["key"])["teams"]["nodes"]

    page.select_option("#team-form select[name=leader]", free[0]["id"])
    page.click("#team-form button[type=submit]")
    page.wait_for_selector("#status.ok")
    page.wait_for_function("(n) => document.querySelector('#teams-list').innerText.includes(n)", arg=name)
    [team] = api(demo, TEAMS, {"where": {"name": name}}, home["key"])["teams"]["nodes"]
    assert team["status"] == "SUBMITTED" and team["leader"]["id"] == free[0]["id"]
    assert {m["person"]["id"] for m in team["members"]} == {free[0]["id"], free[1]["id"], free[2]["id"]}
    assert page.text_content('#team-form [data-field="leader"] .error') == ""
    seen.assert_stayed_on(demo.url)
    seen.screenshot("portal-team-registered-zh")


def test_an_institution_corrects_a_persons_contact_ends_an_employment_and_renames_itself(
    demo: Demo, visit: Any, home: dict[str, Any]
) -> None:
    institution = home["institution"]
    seen = sign_in(visit, demo, home["key"], lang="en")
    page = seen.page
    first = rows(page, "people-list")[0]["id"]
    page.click(f'#people-list tr[data-id="{first}"] [data-action="edit"]')
    page.fill("#person-form input[name=email]", "not-an-email")
    page.click("#person-form button[type=submit]")
    assert "not an email address" in error_beside(page, "#person-form", "email")
    seen.screenshot("portal-email-refused-en")
    page.fill("#person-form input[name=email]", "wang.corrected@example.cn")
    page.fill("#person-form input[name=phone]", "0314-2150000")
    page.click("#person-form button[type=submit]")
    page.wait_for_selector("#person-form", state="hidden")
    page.wait_for_function(
        "(id) => document.querySelector(`#people-list tr[data-id='${id}']`).innerText.includes('wang.corrected')",
        arg=first,
    )
    person = api(demo, "query($id: ID!) { person(id: $id) { email phone } }", {"id": first}, home["key"])["person"]
    assert person == {"email": "wang.corrected@example.cn", "phone": "0314-2150000"}

    # A person who left: out of the institution's staff from that day.
    used = {home["leader"], first, *(p["id"] for p in home["free"][:5])}
    leaving = next(row["id"] for row in rows(page, "people-list") if row["id"] not in used)
    count = "query($i: ID!) { people(where: { institutionId: $i }) { totalCount } }"
    before = api(demo, count, {"i": institution["id"]}, home["key"])["people"]["totalCount"]
    page.click(f'#people-list tr[data-id="{leaving}"] [data-action="leave"]')
    page.fill("#leave-form input[name=on]", dt.date.today().isoformat())
    page.click("#leave-form button[type=submit]")
    page.wait_for_function(
        "(n) => document.querySelector('#people-list .pager .count').textContent.includes(String(n))", arg=before - 1
    )
    assert api(demo, count, {"i": institution["id"]}, home["key"])["people"]["totalCount"] == before - 1

    page.click('[data-tab="own"]')
    assert page.input_value("#institution-form input[name=name]") == institution["name"]
    page.fill("#institution-form input[name=name]", "")
    page.click("#institution-form button[type=submit]")
    error_beside(page, "#institution-form", "name")
    renamed = institution["name"].replace("（演示）", "（更正）（演示）")
    page.fill("#institution-form input[name=name]", renamed)
    page.click("#institution-form button[type=submit]")
    page.wait_for_function("(n) => document.querySelector('#who').textContent.includes(n)", arg=renamed)
    got = api(demo, "query($id: ID!) { institution(id: $id) { name } }", {"id": institution["id"]}, home["key"])
    assert got["institution"]["name"] == renamed
    seen.assert_stayed_on(demo.url)
    seen.screenshot("portal-institution-corrected-en")


def test_an_institution_records_a_visit_corrects_its_dates_and_withdraws_it(
    demo: Demo, visit: Any, home: dict[str, Any]
) -> None:
    expert = api(demo, "{ visits(first: 1) { nodes { expert { id } } } }", {}, demo.admin_key)["visits"]["nodes"][0]
    visits = "query($i: ID!) { visits(where: { institutionId: $i }) { totalCount nodes { id arrivedOn departedOn } } }"
    before = api(demo, visits, {"i": home["institution"]["id"]}, home["key"])["visits"]
    seen = sign_in(visit, demo, home["key"])
    page = seen.page
    page.click('[data-tab="visits"]')
    page.fill("#visit-form input[name=expertId]", expert["expert"]["id"])
    page.fill("#visit-form input[name=arrivedOn]", "2025-05-10")
    page.fill("#visit-form input[name=departedOn]", "2025-05-01")
    page.click("#visit-form button[type=submit]")
    error_beside(page, "#visit-form", "departedOn")
    seen.screenshot("portal-visit-refused-zh")
    page.fill("#visit-form input[name=departedOn]", "2025-05-20")
    page.fill("#visit-form input[name=purpose]", "钒钛冶金技术交流")
    page.click("#visit-form button[type=submit]")
    page.wait_for_selector("#status.ok")
    after = api(demo, visits, {"i": home["institution"]["id"]}, home["key"])["visits"]
    assert after["totalCount"] == before["totalCount"] + 1
    [new] = [v for v in after["nodes"] if v["id"] not in {old["id"] for old in before["nodes"]}]
    page.wait_for_selector(f'#visits-list tr[data-id="{new["id"]}"]')

    page.click(f'#visits-list tr[data-id="{new["id"]}"] [data-action="edit"]')
    page.fill("#visit-edit input[name=departedOn]", "2025-05-25")
    page.click("#visit-edit button[type=submit]")
    page.wait_for_selector("#visit-edit", state="hidden")
    got = api(demo, "query($id: ID!) { visit(id: $id) { arrivedOn departedOn } }", {"id": new["id"]}, home["key"])
    assert got["visit"] == {"arrivedOn": "2025-05-10", "departedOn": "2025-05-25"}

    page.click(f'#visits-list tr[data-id="{new["id"]}"] [data-action="withdraw"]')
    page.fill("#withdraw-form input[name=reason]", "重复登记")
    seen.screenshot("portal-withdraw-zh")
    page.click("#withdraw-form button[type=submit]")
    page.wait_for_selector(f'#visits-list tr[data-id="{new["id"]}"]', state="detached")
    assert (
        api(demo, visits, {"i": home["institution"]["id"]}, home["key"])["visits"]["totalCount"] == before["totalCount"]
    )
    seen.assert_stayed_on(demo.url)


def innovation_teams_on_the_dashboard(visit: Any, demo: Demo) -> int:
    seen = visit(f"{demo.url}/")
    seen.page.wait_for_selector('body[data-ready="true"]')
    value = seen.page.get_attribute('#targets g.target[data-code="innovation-teams"]', "data-value")
    seen.assert_stayed_on(demo.url)
    return int(value or 0)


def test_the_administrator_rejects_approves_and_recognizes_teams_and_the_dashboard_counts_it(
    demo: Demo, visit: Any, home: dict[str, Any]
) -> None:
    register = """mutation($input: RegisterTeamInput!) { registerTeam(input: $input) {
      __typename ... on TeamRegistered { team { id } } } }"""
    field = api(demo, "{ fields { code } }", {})["fields"][0]["code"]
    free = home["free"]
    teams = {}
    for label, leader in (("approve", free[3]["id"]), ("reject", free[4]["id"])):
        name = f"待审核团队{label}{uuid.uuid4().hex[:4]}"
        done = api(
            demo,
            register,
            {"input": {"name": name, "fields": [field], "origin": "INTRODUCED", "leader": {"personId": leader}}},
            home["key"],
        )["registerTeam"]
        teams[label] = done["team"]["id"]
    counted = innovation_teams_on_the_dashboard(visit, demo)

    seen = sign_in(visit, demo, demo.admin_key)
    page = seen.page
    assert page.is_visible("#bureau") and not page.is_visible("#institution")
    waiting = {row["id"] for row in rows(page, "submitted-list")}
    assert {teams["approve"], teams["reject"]} <= waiting
    seen.screenshot("portal-bureau-waiting-zh")

    rejected = f'#submitted-list tr[data-id="{teams["reject"]}"]'
    assert page.text_content(f'{rejected} [data-action="reject"]') == "不通过"
    page.fill(f"{rejected} input[name=comment]", "材料不全,请补充成员聘用证明")
    page.click(f'{rejected} [data-action="reject"]')
    page.wait_for_selector(rejected, state="detached")
    page.click(f'#submitted-list tr[data-id="{teams["approve"]}"] [data-action="approve"]')
    page.wait_for_selector(f'#approved-list tr[data-id="{teams["approve"]}"]')
    seen.screenshot("portal-bureau-approved-zh")
    page.click(f'#approved-list tr[data-id="{teams["approve"]}"] [data-action="recognize"]')
    page.wait_for_selector(f'#approved-list tr[data-id="{teams["approve"]}"]', state="detached")
    seen.assert_stayed_on(demo.url)

    status = "query($id: ID!) { team(id: $id) { status reviewComment recognizedOn } }"
    assert api(demo, status, {"id": teams["reject"]}, demo.admin_key)["team"] == {
        "status": "REJECTED",
        "reviewComment": "材料不全,请补充成员聘用证明",
        "recognizedOn": None,
    }
    assert api(demo, status, {"id": teams["approve"]}, demo.admin_key)["team"] == {
        "status": "RECOGNIZED",
        "reviewComment": None,
        "recognizedOn": dt.date.today().isoformat(),
    }
    assert innovation_teams_on_the_dashboard(visit, demo) == counted + 1
