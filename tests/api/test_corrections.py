"""Corrections of visits, foreign experts and platforms: validated as registrations are, counted at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.identity import hash_passport
from tests.api.test_foreign_experts import load_visits
from tests.builders import count_nodes, institution
from tests.conftest import graphql

OUTCOME = "__typename ... on UserError { message field }"
UPDATE_VISIT = f"""mutation($id: ID!, $input: UpdateVisitInput!) {{ updateVisit(id: $id, input: $input) {{ {OUTCOME}
  ... on VisitUpdated {{ visit {{ arrivedOn departedOn purpose }} }} }} }}"""
UPDATE_EXPERT = f"""mutation($id: ID!, $input: UpdateForeignExpertInput!) {{ updateForeignExpert(id: $id, input: $input) {{
  {OUTCOME} ... on ForeignExpertUpdated {{ expert {{ nationality highEnd }} }} }} }}"""
UPDATE_PLATFORM = f"""mutation($id: ID!, $input: UpdatePlatformInput!) {{ updatePlatform(id: $id, input: $input) {{
  {OUTCOME} ... on PlatformUpdated {{ platform {{ level fields {{ code }} }} }} }} }}"""
PROGRESS = """{ progress(asOf: "2024-12-31") { target { code } value } }"""


def values(client: TestClient) -> dict[str, int]:
    return {row["target"]["code"]: row["value"] for row in graphql(client, PROGRESS)["data"]["progress"]}


def hosted(cypher) -> None:
    """An expert of institution cd with two visits there, and a provincial platform of cd."""
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    cypher(
        """MATCH (i:Institution {id: 'cd'})
           CREATE (e:Person:ForeignExpert {id: 'fe', name: 'Anna Schmidt', pinyin: 'anna schmidt', nationality: 'DE',
                   highEnd: false, consentToContact: false, passportHash: $hash})-[:WORKS_AT]->(i),
                  (e)-[:MADE]->(:Visit {id: 'v1', arrivedOn: date('2022-03-01'), departedOn: date('2022-03-10')})
                               -[:HOSTED_BY]->(i),
                  (e)-[:MADE]->(:Visit {id: 'v2', arrivedOn: date('2023-03-01'), departedOn: date('2023-03-10')})
                               -[:HOSTED_BY]->(i),
                  (:Platform {id: 'pl', name: '钒钛重点实验室', kind: 'KEY_LAB', level: 'PROVINCIAL',
                              establishedOn: date('2021-06-01')})-[:HOSTED_BY]->(i)""",
        hash=hash_passport("DE", "C01X00T47", "test-salt"),
    )


def update(client: TestClient, document: str, record: str, changes: dict[str, Any], key: str | bool = True) -> Any:
    return next(iter(graphql(client, document, {"id": record, "input": changes}, key)["data"].values()))


def test_a_corrected_visit_is_counted_by_its_new_dates_at_once(client: TestClient, cypher, keys) -> None:
    hosted(cypher)
    assert values(client)["foreign-expert-visits"] == 2
    moved = update(
        client, UPDATE_VISIT, "v1", {"arrivedOn": "2020-05-01", "departedOn": "2020-05-03"}, keys("institution", "cd")
    )
    assert moved["visit"] == {"arrivedOn": "2020-05-01", "departedOn": "2020-05-03", "purpose": None}
    # Before the plan began (2021): no longer counted.
    assert values(client)["foreign-expert-visits"] == 1


@pytest.mark.parametrize(
    ("changes", "typename", "field"),
    [
        ({"arrivedOn": "2023-03-05", "departedOn": "2023-03-12"}, "ConflictError", "arrivedOn"),
        ({"departedOn": "2022-02-01"}, "InvalidInputError", "departedOn"),
        ({"purpose": "学术\x00交流"}, "InvalidInputError", "purpose"),
    ],
)
def test_a_visit_correction_that_breaks_a_rule_of_recording_changes_nothing(
    client: TestClient, cypher, changes: dict[str, Any], typename: str, field: str
) -> None:
    hosted(cypher)
    before = count_nodes(cypher)
    outcome = update(client, UPDATE_VISIT, "v1", changes)
    assert (outcome["__typename"], outcome["field"]) == (typename, field), outcome
    assert count_nodes(cypher) == before


def test_an_experts_high_end_flag_counts_their_visits_as_high_end_at_once(client: TestClient, cypher, keys) -> None:
    hosted(cypher)
    assert values(client)["high-end-foreign-expert-visits"] == 0
    outcome = update(
        client, UPDATE_EXPERT, "fe", {"highEnd": True, "nationality": "Österreich"}, keys("institution", "cd")
    )
    assert outcome["__typename"] == "InvalidInputError" and outcome["field"] == "nationality"
    outcome = update(client, UPDATE_EXPERT, "fe", {"highEnd": True, "nationality": "AUT"}, keys("institution", "cd"))
    assert outcome["expert"] == {"nationality": "AT", "highEnd": True}
    assert values(client)["high-end-foreign-expert-visits"] == 2


def test_a_corrected_passport_is_the_one_a_later_file_finds_and_another_persons_is_refused(
    client: TestClient, cypher, on_db, tmp_path: Path
) -> None:
    hosted(cypher)
    cypher(
        "CREATE (:Person:ForeignExpert {id: 'p-novak', name: 'Jan Novak', passportHash: $hash})",
        hash=hash_passport("CZ", "99887766", "test-salt"),
    )
    before = count_nodes(cypher)
    taken = update(client, UPDATE_EXPERT, "fe", {"passport": {"number": "99887766", "country": "CZ"}})
    assert (taken["__typename"], taken["field"]) == ("ConflictError", "passport") and "p-novak" not in taken["message"]
    bad = update(client, UPDATE_EXPERT, "fe", {"passport": {"number": "C01X00T48", "country": "QQ"}})
    assert (bad["__typename"], bad["field"]) == ("InvalidInputError", "passport.country")
    assert count_nodes(cypher) == before
    renewed = update(client, UPDATE_EXPERT, "fe", {"passport": {"number": "C01X00T48", "country": "DE"}})
    assert renewed["__typename"] == "ForeignExpertUpdated"
    load_visits(on_db, tmp_path, "V-3,Anna Schmidt,DE,C01X00T48,,,承德医学院,2024-03-01")
    assert cypher("MATCH (p:ForeignExpert)-[:MADE]->(v:Visit) RETURN p.id AS id, count(v) AS visits ORDER BY id") == [
        {"id": "fe", "visits": 3}
    ]


def test_a_platform_corrected_below_provincial_level_leaves_the_target_at_once(
    client: TestClient, cypher, keys
) -> None:
    hosted(cypher)
    assert values(client)["provincial-platforms"] == 1
    for changes, field in (
        ({"name": " "}, "name"),
        ({"establishedOn": "2999-01-01"}, "establishedOn"),
        ({"fields": ["nope"]}, "fields"),
    ):
        before = count_nodes(cypher)
        outcome = update(client, UPDATE_PLATFORM, "pl", changes)
        assert outcome["field"] == field, outcome
        assert count_nodes(cypher) == before
    outcome = update(
        client, UPDATE_PLATFORM, "pl", {"level": "MUNICIPAL", "fields": ["hawthorn"]}, keys("institution", "cd")
    )
    assert outcome["platform"] == {"level": "MUNICIPAL", "fields": [{"code": "hawthorn"}]}
    assert values(client)["provincial-platforms"] == 0


def test_a_withdrawn_record_cannot_be_corrected(client: TestClient, cypher) -> None:
    hosted(cypher)
    cypher("MATCH (v:Visit {id: 'v1'}) SET v.withdrawnOn = date('2024-01-01')")
    before = count_nodes(cypher)
    outcome = update(client, UPDATE_VISIT, "v1", {"purpose": "学术交流"})
    assert (outcome["__typename"], outcome["field"]) == ("ConflictError", "id")
    assert count_nodes(cypher) == before
    # A withdrawn visit no longer stands in the way of the expert's other visits.
    assert update(client, UPDATE_VISIT, "v2", {"arrivedOn": "2022-03-02"})["__typename"] == "VisitUpdated"


UPDATE_PROJECT = f"""mutation($id: ID!, $input: UpdateProjectInput!) {{ updateProject(id: $id, input: $input) {{
  {OUTCOME} ... on ProjectUpdated {{ project {{ name year }} }} }} }}"""


def test_a_project_moved_to_a_year_before_the_plan_leaves_the_target_at_once(client: TestClient, cypher, keys) -> None:
    hosted(cypher)
    cypher(
        "MATCH (i:Institution {id: 'cd'}) CREATE (i)-[:RAN {lead: true}]->(:Project {id: 'pr', name: '钒钛提取', kind: 'MUNICIPAL', year: 2022})"
    )
    assert values(client)["innovation-projects"] == 1
    for changes, field in (({"year": 1980}, "year"), ({"name": " "}, "name"), ({"fields": ["nope"]}, "fields")):
        before = count_nodes(cypher)
        assert update(client, UPDATE_PROJECT, "pr", changes)["field"] == field
        assert count_nodes(cypher) == before
    moved = update(client, UPDATE_PROJECT, "pr", {"year": 2019, "name": "钒钛提取与应用"}, keys("institution", "cd"))
    assert moved["project"] == {"name": "钒钛提取与应用", "year": 2019}
    assert values(client)["innovation-projects"] == 0
