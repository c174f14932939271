"""collaborators and institutionsNeeding on hand-built graphs where the right order is known."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from tests.builders import institution, person
from tests.collaboration_builders import formerly_worked_at, platform, project, refresh_search, team
from tests.conftest import graphql

COLLABORATORS = """query($personId: ID, $teamId: ID, $institutionId: ID, $field: String, $regions: [String!],
                         $first: Int) {
  collaborators(personId: $personId, teamId: $teamId, institutionId: $institutionId, field: $field,
                regions: $regions, first: $first) {
    person { id name }
    score
    scoreParts { fieldMatch closeness titleLevel activity partnership fieldWork recency adamicAdar }
    reasons { kind zh en weight steps { kind id name relation former } }
  }
}"""

NEEDS = """query($personId: ID, $field: String, $regions: [String!]) {
  institutionsNeeding(personId: $personId, field: $field, regions: $regions) {
    kind id name fieldMatch fields { code } institution { id }
  }
}"""


def suggestions(client: TestClient, **variables: Any) -> list[dict[str, Any]]:
    return graphql(client, COLLABORATORS, variables)["data"]["collaborators"]


def ids(found: list[dict[str, Any]]) -> list[str]:
    return [suggestion["person"]["id"] for suggestion in found]


def chengde_and_beijing(cypher) -> None:
    """王强 in Chengde; in Beijing a big university (29 staff) and a small firm; a Tianjin firm."""
    institution(cypher, "i-cd", "承德钒钛研究院", "130802", "INSTITUTE", ("vanadium-titanium",))
    institution(cypher, "i-big", "北京材料大学", "110000", "UNIVERSITY")
    institution(cypher, "i-small", "北京钒钛科技", "110000", "ENTERPRISE")
    institution(cypher, "i-tj", "天津新材料公司", "120000", "ENTERPRISE")
    person(cypher, "s", "王强", "wang qiang", "i-cd", ("vanadium-titanium",))
    for n in range(29):
        person(cypher, f"staff{n}", f"职工{n}", f"zhi gong {n}", "i-big", ("blockchain",))


def test_a_shared_rare_project_beats_a_shared_big_employer(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    formerly_worked_at(cypher, "s", "i-big")
    person(cypher, "hub-friend", "张伟", "zhang wei", "i-big", ("vanadium-titanium",))
    person(cypher, "project-friend", "李娜", "li na", "i-small", ("vanadium-titanium",))
    project(cypher, "j-rare", "钒钛提取", "i-cd", ("s", "project-friend"))
    project(cypher, "j-other", "别的项目", "i-big", ("hub-friend", "staff1", "staff2"))
    refresh_search(cypher)
    found = suggestions(client, personId="s")
    assert ids(found)[:2] == ["project-friend", "hub-friend"]
    first, second = found[0], found[1]
    assert first["scoreParts"]["activity"] == second["scoreParts"]["activity"]
    assert first["scoreParts"]["closeness"] > second["scoreParts"]["closeness"] > 0
    assert first["reasons"][0]["zh"] == "共同参与项目“钒钛提取”"
    assert first["reasons"][0]["en"] == "both worked on project 钒钛提取"
    assert second["reasons"][0]["en"] == "former colleagues at 北京材料大学"
    assert [step["kind"] for step in first["reasons"][0]["steps"]] == ["PERSON", "PROJECT", "PERSON"]


def test_an_exact_field_beats_a_parent_field(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "parent", "赵敏", "zhao min", "i-tj", ("new-materials",))
    person(cypher, "exact", "孙丽", "sun li", "i-tj", ("vanadium-titanium",))
    person(cypher, "unrelated", "周杰", "zhou jie", "i-tj", ("hawthorn",))
    refresh_search(cypher)
    found = suggestions(client, personId="s")
    assert ids(found) == ["exact", "parent"]
    assert [s["scoreParts"]["fieldMatch"] for s in found] == [1.0, 0.5]
    exact, parent = (suggestion["reasons"] for suggestion in found)
    assert [(r["kind"], r["zh"], r["en"]) for r in exact] == [
        ("FIELD", "专业领域为钒钛新材料，与所需领域一致", "expert in Vanadium-titanium new materials, the field sought")
    ]
    assert [(r["kind"], r["zh"], r["en"]) for r in parent] == [
        (
            "FIELD",
            "专业领域为新材料，是所需领域钒钛新材料的上级领域",
            "expert in New materials, the broader field of Vanadium-titanium new materials (the field sought)",
        )
    ]
    assert [step["id"] for step in parent[0]["steps"]] == ["parent", "new-materials", "vanadium-titanium"]
    assert ids(suggestions(client, personId="s", field="hawthorn")) == ["unrelated"]


def test_people_already_working_with_the_subject_are_left_out(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    institution(cypher, "i-part", "北京兼职单位", "110000")
    cypher("""MATCH (s:Person {id: 's'}), (i:Institution {id: 'i-part'})
              CREATE (s)-[:WORKS_AT {since: date('2020-01-01')}]->(i)""")
    person(cypher, "colleague", "陈晨", "chen chen", "i-part", ("vanadium-titanium",))
    person(cypher, "team-mate", "刘洋", "liu yang", "i-small", ("vanadium-titanium",))
    person(cypher, "former-team-mate", "黄磊", "huang lei", "i-small", ("vanadium-titanium",))
    project(cypher, "j1", "合作项目", "i-cd", ("s", "colleague"))
    team(cypher, "t1", "钒钛创新团队", "i-cd", ("s", "team-mate", "former-team-mate"))
    cypher("""MATCH (:Person {id: 'former-team-mate'})-[m:MEMBER_OF]->(:Team {id: 't1'})
              SET m.until = date('2021-12-31')""")
    refresh_search(cypher)
    found = suggestions(client, personId="s")
    assert ids(found) == ["former-team-mate"]
    assert found[0]["reasons"][0]["zh"] == "曾同为钒钛创新团队成员"
    assert found[0]["reasons"][0]["en"] == "both were members of team 钒钛创新团队"


def test_people_in_common_and_reasons_from_a_team_or_an_institution(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "m", "吴刚", "wu gang", "i-cd", ("new-materials",))
    person(cypher, "far", "郑爽", "zheng shuang", "i-tj", ("blockchain",))
    person(cypher, "alumnus", "冯军", "feng jun", "i-small", ("blockchain",))
    formerly_worked_at(cypher, "alumnus", "i-cd")
    project(cypher, "j1", "小项目", "i-cd", ("s", "m"))
    platform(cypher, "x1", "天津平台", "i-tj", ("m", "far"))
    team(cypher, "t1", "承德团队", "i-cd", ("s",))
    refresh_search(cypher)
    found = suggestions(client, personId="s", field="blockchain")
    far = next(s for s in found if s["person"]["id"] == "far")
    assert far["reasons"][0]["zh"] == "共同认识吴刚：吴刚与王强共同参与项目“小项目”，与郑爽同在天津平台任职"
    assert far["reasons"][0]["en"] == "both know 吴刚, on project 小项目 with 王强 and at platform 天津平台 with 郑爽"
    assert [step["id"] for step in far["reasons"][0]["steps"]] == ["s", "j1", "m", "x1", "far"]
    by_team = suggestions(client, teamId="t1", field="blockchain")
    assert {s["person"]["id"] for s in by_team} >= {"alumnus"}
    by_institution = suggestions(client, institutionId="i-cd", field="blockchain")
    alumnus = next(s for s in by_institution if s["person"]["id"] == "alumnus")
    assert alumnus["reasons"][0]["zh"] == "曾在承德钒钛研究院工作"
    assert alumnus["reasons"][0]["en"] == "formerly worked at 承德钒钛研究院"
    assert "s" not in ids(by_institution) and "m" not in ids(by_institution)


def test_every_reason_path_exists_in_the_graph(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "m", "吴刚", "wu gang", "i-cd", ("new-materials",))
    person(cypher, "b1", "张伟", "zhang wei", "i-small", ("vanadium-titanium",))
    person(cypher, "b2", "李娜", "li na", "i-tj", ("new-materials",))
    project(cypher, "j1", "项目一", "i-cd", ("s", "m", "b1"))
    platform(cypher, "x1", "平台一", "i-tj", ("m", "b2"))
    team(cypher, "t1", "团队一", "i-cd", ("m", "b1"), ("vanadium-titanium",))
    formerly_worked_at(cypher, "b2", "i-cd")
    refresh_search(cypher)
    checked = 0
    for variables in ({"personId": "s"}, {"teamId": "t1"}, {"institutionId": "i-cd"}):
        for suggestion in suggestions(client, **variables):
            paths = [reason for reason in suggestion["reasons"] if reason["kind"] == "PATH"]
            assert suggestion["reasons"] and len(paths) <= 3
            assert bool(paths) == (suggestion["scoreParts"]["adamicAdar"] > 0)
            for reason in suggestion["reasons"]:
                steps = reason["steps"]
                if steps:
                    # A path (and the most recent of them) leads from the subject to the candidate; a fact,
                    # and the employer's joint work, from the candidate to what it names.
                    from_subject = reason["kind"] in ("PATH", "RECENCY")
                    assert steps[-1 if from_subject else 0]["id"] == suggestion["person"]["id"]
                for here, there in zip(steps, steps[1:], strict=False):
                    assert (
                        cypher(
                            """MATCH (a)-[r]-(b) WHERE coalesce(a.id, a.code) = $a AND coalesce(b.id, b.code) = $b
                                 AND type(r) = $relation
                               RETURN count(r) AS n""",
                            a=here["id"],
                            b=there["id"],
                            relation=here["relation"],
                        )[0]["n"]
                        >= 1
                    )
                    checked += 1
    assert checked >= 20


def test_a_suggestion_without_paths_says_which_field_title_and_recent_work_made_it_rank(
    client: TestClient, cypher
) -> None:
    chengde_and_beijing(cypher)
    person(
        cypher,
        "child",
        "钱坤",
        "qian kun",
        "i-tj",
        ("vanadium-titanium",),
        (("C1", "RESEARCH", "SENIOR", "2019-05-01"),),
    )
    cypher("MATCH (t:Title {certificateNo: 'C1'}) SET t.name = '研究员'")
    project(cypher, "j-old", "钒渣提钒", "i-tj", ("child",), year=2022)
    project(cypher, "j-new", "钒电池电解液", "i-tj", ("child",), year=2024)
    cypher("MATCH (:Person {id: 'child'})-[w:WORKED_ON]->(:Project {id: 'j-new'}) SET w.role = 'LEADER'")
    refresh_search(cypher)
    [found] = suggestions(client, personId="s", field="new-materials")
    assert [(r["kind"], r["zh"], r["en"]) for r in found["reasons"]] == [
        (
            "FIELD",
            "专业领域为钒钛新材料，属于所需领域新材料",
            "expert in Vanadium-titanium new materials, a branch of New materials (the field sought)",
        ),
        ("TITLE", "具有正高级职称（研究员）", "holds a senior title (研究员)"),
        (
            "ACTIVITY",
            "2024年主持项目“钒电池电解液”等2项近期工作",
            "led project 钒电池电解液 in 2024 (one of 2 recent activities)",
        ),
    ]
    field, title, activity = found["reasons"]
    assert field["weight"] == found["scoreParts"]["fieldMatch"] == 0.5
    assert title["weight"] == found["scoreParts"]["titleLevel"] == 1.0 and title["steps"] == []
    assert activity["weight"] == found["scoreParts"]["activity"]
    assert [(step["kind"], step["id"], step["relation"]) for step in activity["steps"]] == [
        ("PERSON", "child", "WORKED_ON"),
        ("PROJECT", "j-new", None),
    ]


def test_a_partner_employer_work_in_the_field_and_recent_shared_work_raise_a_candidate_and_say_so(
    client: TestClient, cypher
) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "k", "钱坤", "qian kun", "i-small", ("vanadium-titanium",))
    person(cypher, "c1", "陈晨", "chen chen", "i-small", ("blockchain",))
    person(cypher, "plain", "周杰", "zhou jie", "i-tj", ("vanadium-titanium",))
    person(cypher, "r", "吴刚", "wu gang", "i-big", ("vanadium-titanium",))
    project(cypher, "j1", "合作项目", "i-cd", ("c1",), year=2023)
    team(cypher, "t-k", "钒钛团队", "i-tj", ("k",), ("vanadium-titanium",))
    project(cypher, "j2", "共同项目", "i-tj", ("s", "r"), year=2023)
    refresh_search(cypher)
    found = {suggestion["person"]["id"]: suggestion for suggestion in suggestions(client, personId="s")}
    k, plain, r = found["k"], found["plain"], found["r"]
    assert k["score"] > plain["score"]
    assert abs(k["scoreParts"]["partnership"] - 1 / 3) < 1e-9 and plain["scoreParts"]["partnership"] == 0
    assert k["scoreParts"]["fieldWork"] == 0.5 and plain["scoreParts"]["fieldWork"] == 0
    partner = next(reason for reason in k["reasons"] if reason["kind"] == "PARTNER")
    assert partner["en"] == "their employer 北京钒钛科技 has worked with 承德钒钛研究院 on project 合作项目 (2023)"
    assert partner["zh"] == "所在单位北京钒钛科技曾与承德钒钛研究院合作项目“合作项目”（2023年）"
    assert [step["id"] for step in partner["steps"]] == ["k", "i-small", "c1", "j1", "i-cd"]
    field_work = next(reason for reason in k["reasons"] if reason["kind"] == "FIELD_WORK")
    assert field_work["en"] == "has worked in the field sought: team 钒钛团队"
    assert [step["id"] for step in field_work["steps"]] == ["k", "t-k", "vanadium-titanium"]
    assert 0 < r["scoreParts"]["recency"] < 1
    recency = next(reason for reason in r["reasons"] if reason["kind"] == "RECENCY")
    assert recency["en"] == "most recent shared work, 2023: both worked on project 共同项目"
    assert [step["id"] for step in recency["steps"]] == ["s", "j2", "r"]
    assert not any(reason["kind"] in ("PARTNER", "RECENCY", "FIELD_WORK") for reason in plain["reasons"])


def test_reasons_through_a_teams_member_name_the_member_once_and_the_team_once(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "partner", "郑爽", "zheng shuang", "i-tj", ("vanadium-titanium",))
    team(cypher, "t1", "钒钛创新团队", "i-cd", ("s",), ("vanadium-titanium",))
    project(cypher, "j1", "钒钛提取", "i-cd", ("s", "partner"))
    refresh_search(cypher)
    [found] = suggestions(client, teamId="t1")
    assert (found["reasons"][0]["zh"], found["reasons"][0]["en"]) == (
        "与王强共同参与项目“钒钛提取”",
        "on project 钒钛提取 with 王强",
    )
    by_institution = suggestions(client, institutionId="i-cd")
    assert by_institution[0]["reasons"][0]["zh"] == "参与承德钒钛研究院的项目“钒钛提取”"
    assert by_institution[0]["reasons"][0]["en"] == "worked on project 钒钛提取 of 承德钒钛研究院"


def test_a_beijing_subject_gets_chengde_suggestions_by_default(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    person(cypher, "bj", "张伟", "zhang wei", "i-small", ("vanadium-titanium",))
    refresh_search(cypher)
    assert ids(suggestions(client, personId="bj")) == ["s"]
    assert ids(suggestions(client, personId="bj", regions=["120000"])) == []


def test_institutions_needing_an_experts_fields_in_chengde(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    institution(cypher, "i-cd2", "承德新材料公司", "130881", "ENTERPRISE", ("new-materials",))
    person(cypher, "bj", "张伟", "zhang wei", "i-small", ("vanadium-titanium",))
    team(cypher, "t1", "钒钛团队", "i-cd2", (), ("vanadium-titanium",))
    platform(cypher, "x1", "北京平台", "i-small", (), ("vanadium-titanium",))
    needs = graphql(client, NEEDS, {"personId": "bj"})["data"]["institutionsNeeding"]
    assert [(n["kind"], n["id"], n["fieldMatch"]) for n in needs] == [
        ("INSTITUTION", "i-cd", 1.0),
        ("TEAM", "t1", 1.0),
        ("INSTITUTION", "i-cd2", 0.5),
    ]
    assert needs[1]["institution"] == {"id": "i-cd2"}
    assert graphql(client, NEEDS, {"field": "hawthorn"})["data"]["institutionsNeeding"] == []


def test_bad_subjects_are_refused(client: TestClient, cypher) -> None:
    chengde_and_beijing(cypher)
    for variables, field in (
        ({}, "personId"),
        ({"personId": "s", "teamId": "t"}, "personId"),
        ({"personId": "nobody"}, "personId"),
        ({"personId": "s", "field": "nope"}, "fields"),
        ({"personId": "s", "regions": ["999"]}, "regions"),
    ):
        body = client.post("/graphql", json={"query": COLLABORATORS, "variables": variables}).json()
        assert body["errors"][0]["extensions"]["field"] == field, body
