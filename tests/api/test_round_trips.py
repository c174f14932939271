"""Lists with nested fields are answered in a bounded number of Cypher statements, whatever the page size."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.conftest import graphql, post_graphql

NESTED = """query($first: Int) { people(first: $first) { totalCount edges { node {
  name titles { certificateNo levelLabel { zh } } highestTitle { level }
  employer { name staffCount fields { code } region { name parent { name } } }
  region { code } fields { field { code parent { code } } } } } } }"""


def many_people(cypher, count: int) -> None:
    cypher(
        """UNWIND range(1, $count) AS n
              MATCH (r:Region {code: CASE n % 3 WHEN 0 THEN '110000' WHEN 1 THEN '130802' ELSE '130825' END})
              CREATE (i:Institution {id: 'i' + n, name: '单位' + n, type: 'ENTERPRISE'})-[:LOCATED_IN]->(r)
              CREATE (p:Person {id: 'p' + n, name: '人' + n, pinyin: 'ren ' + n})-[:WORKS_AT]->(i)
              CREATE (p)-[:HOLDS]->(:Title {certificateNo: 'C' + n, series: 'ENGINEERING', level: 'INTERMEDIATE',
                                            grantedOn: date('2022-01-01'), name: '工程师'})
              WITH p, i MATCH (f:Field {code: 'hawthorn'})
              CREATE (p)-[:EXPERT_IN {weight: 1.0}]->(f), (i)-[:FOCUSES_ON]->(f)""",
        count=count,
    )


def statements(client: TestClient, first: int) -> tuple[int, int]:
    body = graphql(client, NESTED, {"first": first})
    return len(body["data"]["people"]["edges"]), body["extensions"]["cypherStatements"]


def test_nested_people_list_costs_the_same_statements_at_any_page_size(client: TestClient, cypher) -> None:
    many_people(cypher, 120)
    rows_5, statements_5 = statements(client, 5)
    rows_100, statements_100 = statements(client, 100)
    assert (rows_5, rows_100) == (5, 100)
    # list, totalCount, one batch for the employers' own fields, the region tree, the field tree
    assert statements_5 == statements_100 <= 5


def test_person_list_without_nested_institution_fields_is_two_statements(client: TestClient, cypher) -> None:
    many_people(cypher, 30)
    body = graphql(client, "{ people(first: 25) { totalCount nodes { name titles { name } employer { name } } } }")
    assert body["extensions"]["cypherStatements"] == 2


def test_the_count_runs_only_when_asked_for_fragments_included(client: TestClient, cypher) -> None:
    """totalCount is started beside the page's statement when the query asks for it, however it asks."""
    many_people(cypher, 30)
    asked = {
        "field": "{ people(first: 5) { totalCount nodes { name } } }",
        "fragment": "query { people(first: 5) { ...counted } } fragment counted on PersonConnection { totalCount }",
        "inline": "{ people(first: 5) { ... on PersonConnection { totalCount } nodes { name } } }",
    }
    for how, query in asked.items():
        body = graphql(client, query)
        assert body["data"]["people"]["totalCount"] == 30, how
        assert body["extensions"]["cypherStatements"] == 2, how
    body = graphql(client, "{ people(first: 5) { nodes { name } } }")
    assert len(body["data"]["people"]["nodes"]) == 5
    assert body["extensions"]["cypherStatements"] == 1
    # A page that fails (a cursor of another list) fails alone; its count leaves no trace.
    body = post_graphql(client, '{ people(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }').json()
    assert "cursor" in body["errors"][0]["message"] and body["data"] == {"people": None}
