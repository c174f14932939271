"""searchExperts: Chinese and pinyin, filters that include what lies below, ranking, stable pages."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.builders import institution, person
from tests.collaboration_builders import project, refresh_search, team
from tests.conftest import graphql

SEARCH = """query($query: String, $fields: [String!], $regions: [String!], $minLevel: TitleLevel,
                  $first: Int, $after: String) {
  searchExperts(query: $query, fields: $fields, regions: $regions, minLevel: $minLevel, first: $first,
                after: $after) {
    totalCount
    edges { cursor node { score titleLevelRank activity person { id name } matched { term where } } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def experts(cypher) -> None:
    institution(cypher, "i-bj", "北京材料大学", "110000", "UNIVERSITY")
    institution(cypher, "i-cd", "承德钒钛研究院", "130802", "INSTITUTE")
    institution(cypher, "i-tj", "天津中药研究所", "120000", "INSTITUTE")
    person(
        cypher,
        "p-zw",
        "张伟",
        "zhang wei",
        "i-bj",
        ("vanadium-titanium",),
        (("C1", "ENGINEERING", "SENIOR", "2015-01-01"),),
    )
    person(cypher, "p-zwm", "张伟明", "zhang wei ming", "i-tj", ("chinese-medicinal-herbs",))
    person(
        cypher,
        "p-wq",
        "王强",
        "wang qiang",
        "i-cd",
        ("new-materials",),
        (("C2", "ENGINEERING", "INTERMEDIATE", "2019-01-01"),),
    )
    person(cypher, "p-an", "安宁", "an ning", "i-cd", ("potato",))
    refresh_search(cypher)


def found(client: TestClient, **variables) -> list[str]:
    body = graphql(client, SEARCH, variables)
    return [edge["node"]["person"]["name"] for edge in body["data"]["searchExperts"]["edges"]]


def test_a_chinese_name_finds_the_person_and_says_it_matched_the_name(client: TestClient, cypher) -> None:
    experts(cypher)
    body = graphql(client, SEARCH, {"query": "张伟"})["data"]["searchExperts"]
    assert [edge["node"]["person"]["name"] for edge in body["edges"]] == ["张伟", "张伟明"]
    assert body["edges"][0]["node"]["matched"] == [{"term": "张伟", "where": "NAME"}]
    assert found(client, query="伟明") == ["张伟明"]


def test_pinyin_full_compact_and_initials_find_the_person(client: TestClient, cypher) -> None:
    experts(cypher)
    assert found(client, query="zhang wei")[0] == "张伟"
    assert found(client, query="zhangwei")[0] == "张伟"
    assert found(client, query="zw") == ["张伟", "张伟明"]
    assert found(client, query="zhangweim") == ["张伟明"]
    # "an" is an English stop word to most analyzers, and a surname here.
    assert found(client, query="an ning") == ["安宁"]


def test_field_and_institution_names_are_searched_in_chinese_and_english(client: TestClient, cypher) -> None:
    experts(cypher)
    body = graphql(client, SEARCH, {"query": "钒钛"})["data"]["searchExperts"]
    names = {edge["node"]["person"]["name"]: edge["node"]["matched"] for edge in body["edges"]}
    assert names == {
        "张伟": [{"term": "钒钛", "where": "FIELD"}],
        "王强": [{"term": "钒钛", "where": "INSTITUTION"}],
        "安宁": [{"term": "钒钛", "where": "INSTITUTION"}],
    }
    assert found(client, query="medicinal") == ["张伟明"]
    assert found(client, query="天津 中药") == ["张伟明"]  # every word must match


def test_field_filter_includes_sub_fields(client: TestClient, cypher) -> None:
    experts(cypher)
    assert sorted(found(client, fields=["new-materials"])) == ["张伟", "王强"]
    assert found(client, fields=["vanadium-titanium"]) == ["张伟"]
    assert found(client, query="zhang", fields=["green-food-biomedicine"]) == ["张伟明"]


def test_region_filter_includes_what_lies_within_and_level_filter_is_a_minimum(client: TestClient, cypher) -> None:
    experts(cypher)
    assert sorted(found(client, regions=["130800"])) == ["安宁", "王强"]
    assert sorted(found(client, regions=["110000", "120000"])) == ["张伟", "张伟明"]
    assert sorted(found(client, minLevel="INTERMEDIATE")) == ["张伟", "王强"]
    assert found(client, minLevel="SENIOR") == ["张伟"]


def test_equal_relevance_is_ranked_by_title_level_then_activity(client: TestClient, cypher) -> None:
    institution(cypher, "i-cd", "承德医院", "130802", "HOSPITAL")
    for n, level in ((1, None), (2, "SENIOR"), (3, None), (4, "DEPUTY_SENIOR")):
        titles = ((f"C{n}", "HEALTH", level, "2020-01-01"),) if level else ()
        person(cypher, f"p{n}", f"李{'一二三四'[n - 1]}", f"li {n}", "i-cd", ("hawthorn",), titles)
    project(cypher, "j1", "山楂深加工", "i-cd", ("p3",))
    team(cypher, "t1", "山楂团队", "i-cd", ("p3",))
    refresh_search(cypher)
    body = graphql(client, SEARCH, {"query": "山楂"})["data"]["searchExperts"]
    ranked = [
        (edge["node"]["person"]["id"], edge["node"]["titleLevelRank"], edge["node"]["activity"])
        for edge in body["edges"]
    ]
    assert ranked == [("p2", 5, 0), ("p4", 4, 0), ("p3", 0, 2), ("p1", 0, 0)]
    assert len({edge["node"]["score"] for edge in body["edges"]}) == 1


def test_pages_follow_each_other_without_gaps_or_repeats(client: TestClient, cypher, monkeypatch) -> None:
    institution(cypher, "i-cd", "承德医院", "130802", "HOSPITAL")
    for n in range(12):
        titles = ((f"C{n}", "HEALTH", "SENIOR", "2020-01-01"),) if n % 3 == 0 else ()
        fields = ("hawthorn",) if n % 2 else ("potato",)
        person(cypher, f"p{n:02}", f"刘{n}", f"liu {n}", "i-cd", fields, titles)
    project(cypher, "j1", "项目", "i-cd", ("p03", "p04", "p05"))
    refresh_search(cypher)
    everything = found(client, query="liu", first=50)
    seen: list[str] = []
    after = None
    while True:
        page = graphql(client, SEARCH, {"query": "liu", "first": 5, "after": after})["data"]["searchExperts"]
        assert page["totalCount"] == 12
        seen += [edge["node"]["person"]["name"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == everything and len(set(seen)) == 12
    # A window no larger than the page: ties reach past it, so every hit is ranked; same pages.
    monkeypatch.setattr("graph.search.WINDOW", 0)
    assert found(client, query="liu", first=50) == everything
    assert found(client, query="liu", first=4) == everything[:4]


def test_search_documents_follow_writes_through_the_api(client: TestClient, cypher) -> None:
    experts(cypher)
    created = graphql(
        client,
        """mutation($input: RegisterPersonInput!) { registerPerson(input: $input) {
        ... on PersonRegistered { person { id } } } }""",
        {"input": {"name": "赵敏", "institutionId": "i-cd", "fields": ["hawthorn"], "keywords": ["深加工"]}},
    )
    person_id = created["data"]["registerPerson"]["person"]["id"]
    assert found(client, query="zhao min 承德") == ["赵敏"]
    assert found(client, query="深加工") == ["赵敏"]
    graphql(
        client,
        """mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) {
        __typename } }""",
        {"id": person_id, "input": {"institutionId": "i-bj", "fields": ["blockchain"]}},
    )
    assert found(client, query="zhao min", regions=["110000"]) == ["赵敏"]
    assert found(client, query="zhao min 承德") == []
    assert found(client, query="区块链") == ["赵敏"]
    graphql(
        client,
        """mutation($input: GrantTitleInput!) { grantTitle(input: $input) { __typename } }""",
        {
            "input": {
                "personId": person_id,
                "certificateNo": "C-99",
                "series": "ENGINEERING",
                "level": "DEPUTY_SENIOR",
                "grantedOn": "2021-05-01",
            }
        },
    )
    assert found(client, query="zhao", minLevel="DEPUTY_SENIOR") == ["赵敏"]


def test_unknown_codes_and_empty_searches_are_refused(client: TestClient, cypher) -> None:
    for variables, field in (
        ({"fields": ["no-such-field"]}, "fields"),
        ({"regions": ["999999"]}, "regions"),
        ({"query": " "}, "query"),
        ({"query": "x", "after": "nonsense"}, "after"),
    ):
        body = client.post("/graphql", json={"query": SEARCH, "variables": variables}).json()
        assert body["errors"][0]["extensions"]["field"] == field, body
