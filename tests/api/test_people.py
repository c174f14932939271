"""People and institution lists: filters (regions and fields include what lies under them), order, pages."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.builders import institution, person
from tests.conftest import graphql

PEOPLE = """query($where: PeopleWhere, $first: Int, $after: String, $order: [PeopleOrder!]) {
  people(where: $where, first: $first, after: $after, orderBy: $order) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def small_city(cypher) -> None:
    institution(cypher, "i-county", "隆化县医院", "130825", "HOSPITAL", ("chinese-medicinal-herbs",))
    institution(cypher, "i-city", "承德钒钛研究院", "130802", "INSTITUTE", ("vanadium-titanium",))
    institution(cypher, "i-bj", "北京材料大学", "110000", "UNIVERSITY", ("new-materials",))
    person(
        cypher,
        "p1",
        "李娜",
        "li na",
        "i-county",
        ("chinese-medicinal-herbs",),
        (("C1", "HEALTH", "SENIOR", "2022-01-05"),),
    )
    person(
        cypher,
        "p2",
        "王强",
        "wang qiang",
        "i-city",
        ("vanadium-titanium",),
        (("C2", "ENGINEERING", "INTERMEDIATE", "2019-03-01"), ("C3", "RESEARCH", "DEPUTY_SENIOR", "2023-06-01")),
    )
    person(
        cypher,
        "p3",
        "张伟",
        "zhang wei",
        "i-bj",
        ("new-materials",),
        (("C4", "HIGHER_EDUCATION", "SENIOR", "2015-09-01"),),
    )
    person(cypher, "p4", "赵敏", "zhao min", None, ())


def names(body: dict) -> list[str]:
    return [edge["node"]["name"] for edge in body["data"]["people"]["edges"]]


def test_region_filter_includes_counties_under_the_city(client: TestClient, cypher) -> None:
    small_city(cypher)
    body = graphql(client, PEOPLE, {"where": {"region": "130800"}})
    assert sorted(names(body)) == ["李娜", "王强"]
    assert body["data"]["people"]["totalCount"] == 2
    assert names(graphql(client, PEOPLE, {"where": {"region": "130000"}})) == names(body)
    assert names(graphql(client, PEOPLE, {"where": {"region": "110000"}})) == ["张伟"]


def test_field_filter_includes_sub_fields(client: TestClient, cypher) -> None:
    small_city(cypher)
    body = graphql(client, PEOPLE, {"where": {"field": "new-materials"}})
    assert sorted(names(body)) == ["张伟", "王强"]
    assert names(graphql(client, PEOPLE, {"where": {"field": "vanadium-titanium"}})) == ["王强"]


def test_title_series_and_level_filters(client: TestClient, cypher) -> None:
    small_city(cypher)
    assert names(graphql(client, PEOPLE, {"where": {"titleLevel": "SENIOR"}})) == ["李娜", "张伟"]
    assert names(graphql(client, PEOPLE, {"where": {"titleSeries": "RESEARCH"}})) == ["王强"]
    assert names(graphql(client, PEOPLE, {"where": {"titleSeries": "HEALTH", "region": "110000"}})) == []


def test_institution_and_name_filters(client: TestClient, cypher) -> None:
    small_city(cypher)
    assert names(graphql(client, PEOPLE, {"where": {"institutionId": "i-city"}})) == ["王强"]
    assert names(graphql(client, PEOPLE, {"where": {"name": "张"}})) == ["张伟"]
    assert names(graphql(client, PEOPLE, {"where": {"name": "zhangw"}})) == ["张伟"]


def test_pages_follow_each_other_without_gaps_or_repeats(client: TestClient, cypher) -> None:
    small_city(cypher)
    seen: list[str] = []
    after = None
    while True:
        page = graphql(client, PEOPLE, {"first": 1, "after": after})["data"]["people"]
        seen += [edge["node"]["name"] for edge in page["edges"]]
        assert page["totalCount"] == 4
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == ["李娜", "王强", "张伟", "赵敏"]  # pinyin order


def test_descending_order_by_name(client: TestClient, cypher) -> None:
    small_city(cypher)
    body = graphql(client, PEOPLE, {"order": {"by": "PINYIN", "direction": "DESC"}, "first": 2})
    assert names(body) == ["赵敏", "张伟"]


def test_bad_cursor_is_a_clear_error(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": PEOPLE, "variables": {"after": "garbage"}})
    assert "cursor" in response.json()["errors"][0]["message"]


def test_page_larger_than_the_limit_is_refused(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": PEOPLE, "variables": {"first": 1_000_000}})
    assert "first must be between 0 and" in response.json()["errors"][0]["message"]


def test_person_has_titles_employer_region_and_fields(client: TestClient, cypher) -> None:
    small_city(cypher)
    query = """{ person(id: "p2") { name pinyin titles { certificateNo level } highestTitle { level }
                 employer { name type typeLabel { zh } } region { code name parent { code } }
                 fields { field { code parent { code } } } } }"""
    person_data = graphql(client, query)["data"]["person"]
    assert [t["certificateNo"] for t in person_data["titles"]] == ["C3", "C2"]
    assert person_data["highestTitle"]["level"] == "DEPUTY_SENIOR"
    assert person_data["employer"]["typeLabel"]["zh"] == "科研院所"
    assert person_data["region"] == {"code": "130802", "name": "双桥区", "parent": {"code": "130800"}}
    assert person_data["fields"][0]["field"] == {"code": "vanadium-titanium", "parent": {"code": "new-materials"}}
    assert graphql(client, '{ person(id: "nobody") { name } }')["data"]["person"] is None


def test_institutions_filter_by_region_type_and_field(client: TestClient, cypher) -> None:
    small_city(cypher)
    query = (
        """query($where: InstitutionsWhere) { institutions(where: $where) { totalCount nodes { name staffCount } } }"""
    )
    chengde = graphql(client, query, {"where": {"region": "130800"}})["data"]["institutions"]
    assert chengde["totalCount"] == 2
    assert {n["name"] for n in chengde["nodes"]} == {"隆化县医院", "承德钒钛研究院"}
    by_field = graphql(client, query, {"where": {"field": "new-materials"}})["data"]["institutions"]["nodes"]
    assert {n["name"] for n in by_field} == {"承德钒钛研究院", "北京材料大学"}
    hospitals = graphql(client, query, {"where": {"type": "HOSPITAL"}})["data"]["institutions"]["nodes"]
    assert hospitals == [{"name": "隆化县医院", "staffCount": 1}]


def test_regions_and_fields_are_trees(client: TestClient) -> None:
    body = graphql(client, '{ region(code: "130800") { children { code kind } } fields { code children { code } } }')
    children = body["data"]["region"]["children"]
    assert len(children) == 13 and {"code": "130881", "kind": "COUNTY"} in children
    new_materials = next(f for f in body["data"]["fields"] if f["code"] == "new-materials")
    assert new_materials["children"] == [{"code": "vanadium-titanium"}]
