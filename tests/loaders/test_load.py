"""`talentgraph load` against the real Neo4j: formats, idempotence, all-or-nothing, interrupted loads."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from graph.settings import REPOSITORY
from loaders.generate import generate

SAMPLES = REPOSITORY / "loaders" / "samples"
SALT = "loader-test-salt"
VOLATILE = ("createdAt", "updatedAt")


def talentgraph(neo4j_connection: Any, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the command line on the test database."""
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "TALENTGRAPH_ID_SALT": SALT,
    }
    result = subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=600,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def snapshot(cypher: Any) -> tuple[list[str], list[str]]:
    """Every node and relationship with its properties (timestamps aside), in a stable order."""
    nodes = cypher(
        "MATCH (n) WHERE NOT n:Migration AND NOT n:AuditEntry RETURN labels(n) AS labels, properties(n) AS props"
    )
    relationships = cypher("""MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT a:AuditEntry
                              RETURN coalesce(a.id, a.code, a.certificateNo) AS a, type(r) AS type,
                                     properties(r) AS props, coalesce(b.id, b.code, b.certificateNo) AS b""")

    def clean(props: dict[str, Any]) -> dict[str, Any]:
        return {key: str(value) for key, value in props.items() if key not in VOLATILE}

    return (
        sorted(f"{sorted(row['labels'])} {sorted(clean(row['props']).items())}" for row in nodes),
        sorted(f"{row['a']} {row['type']} {sorted(clean(row['props']).items())} {row['b']}" for row in relationships),
    )


def test_samples_load_in_both_header_languages_encodings_and_xlsx(neo4j_connection, cypher) -> None:
    talentgraph(neo4j_connection, "load", "institutions", str(SAMPLES / "institutions.csv"), "--quiet")
    talentgraph(neo4j_connection, "load", "people", str(SAMPLES / "people.csv"), "--quiet")
    english = snapshot(cypher)
    titles = cypher("MATCH (t:Title) RETURN count(t) AS n")[0]["n"]
    assert titles > 0
    for variant in ("people_zh.csv", "people.xlsx"):
        result = talentgraph(neo4j_connection, "load", "people", str(SAMPLES / variant), "--quiet")
        assert "updated" in result.stderr
        assert snapshot(cypher) == english, variant  # the same people, titles and employers
    for kind in ("platforms", "teams", "projects", "visits"):
        talentgraph(neo4j_connection, "load", kind, str(SAMPLES / f"{kind}.csv"), "--quiet")
    assert cypher("MATCH (:Person)-[:MEMBER_OF {role: 'leader'}]->(t:Team) RETURN count(t) AS n")[0]["n"] > 0
    assert (
        cypher("MATCH (:Person:ForeignExpert)-[:MADE]->(v:Visit)-[:HOSTED_BY]->(:Institution) RETURN count(v) AS n")[0][
            "n"
        ]
        > 0
    )
    assert cypher("MATCH (:Institution)-[:RAN]->(p:Project)<-[:WORKED_ON]-(:Person) RETURN count(p) AS n")[0]["n"] > 0
    stored = str(cypher("MATCH (p:Person) RETURN collect(properties(p)) AS all")[0]["all"])
    assert "110102199312182259" not in stored  # identity numbers are never stored


def test_loading_the_same_file_twice_changes_nothing(neo4j_connection, cypher, tmp_path: Path) -> None:
    generate(150, 5, tmp_path)
    talentgraph(neo4j_connection, "load-all", str(tmp_path), "--quiet")
    first = snapshot(cypher)
    audit = cypher(
        "MATCH (a:AuditEntry) WHERE a.operation STARTS WITH 'load:' RETURN a.operation AS operation, "
        "a.role AS role, size(a.nodeIds) AS changed"
    )
    assert {row["operation"] for row in audit} >= {"load:institutions", "load:people"}
    assert {row["role"] for row in audit} == {"operator"}
    again = talentgraph(neo4j_connection, "load-all", str(tmp_path), "--quiet")
    assert snapshot(cypher) == first
    assert len(cypher("MATCH (a:AuditEntry) RETURN a")) == len(audit)  # nothing changed, nothing audited
    people_line = next(line for line in again.stderr.splitlines() if "people.csv" in line and "│" in line)
    cells = [cell.strip() for cell in people_line.split("│") if cell.strip()]
    assert cells[2:5] == ["0", "0", cells[1]]  # created, updated, unchanged == rows


def test_an_invalid_row_means_nothing_is_written(neo4j_connection, cypher, tmp_path: Path) -> None:
    generate(40, 9, tmp_path)
    talentgraph(neo4j_connection, "load", "institutions", str(tmp_path / "institutions.csv"), "--quiet")
    before = snapshot(cypher)
    people = (tmp_path / "people.csv").read_text(encoding="utf-8-sig").splitlines()
    header, rows = people[0], people[1:]
    broken = rows[5].split(",")
    broken[3] = broken[3][:-1] + ("0" if broken[3][-1] != "0" else "1")  # a wrong check digit
    bad = tmp_path / "bad_people.csv"
    bad.write_text("\n".join([header, *rows[:5], ",".join(broken), *rows[6:]]) + "\n", encoding="utf-8")
    result = talentgraph(neo4j_connection, "load", "people", str(bad), "--quiet", check=False)
    assert result.returncode == 1
    assert "bad_people.csv:7" in result.stderr and "nothing was written" in result.stderr
    assert snapshot(cypher) == before

    dry = talentgraph(neo4j_connection, "load", "people", str(tmp_path / "people.csv"), "--dry-run", "--quiet")
    assert "no" in dry.stderr and snapshot(cypher) == before

    talentgraph(neo4j_connection, "load", "people", str(bad), "--skip-invalid", "--quiet")
    rejected = (tmp_path / "bad_people.rejected.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rejected) == 2 and rejected[1].startswith("7,")
    assert cypher("MATCH (t:Title) RETURN count(t) AS n")[0]["n"] == len(rows) - 1


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        ("wrong header", "unknown columns: nom; missing required columns: name"),
        ("no header", "the file has no header row"),
    ],
)
@pytest.mark.parametrize("skip_invalid", [False, True])
def test_a_wrong_header_is_reported_as_a_header_error_and_writes_nothing(
    file: str, reason: str, skip_invalid: bool, neo4j_connection, cypher, tmp_path: Path
) -> None:
    generate(20, 3, tmp_path)
    talentgraph(neo4j_connection, "load", "institutions", str(tmp_path / "institutions.csv"), "--quiet")
    before = snapshot(cypher)
    people = tmp_path / "people.csv"
    header, *rows = people.read_text(encoding="utf-8-sig").splitlines()
    lines = [header.replace("name,", "nom,", 1), *rows] if file == "wrong header" else ["", ","]
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flags = ["--skip-invalid"] if skip_invalid else []
    result = talentgraph(neo4j_connection, "load", "people", str(people), "--quiet", *flags, check=False)
    said = " ".join(result.stderr.split())  # the console wraps long lines
    assert result.returncode == 1, said
    assert "Traceback" not in said and reason in said, said
    what = "header row" if file == "wrong header" else "file"
    assert f"people.csv: nothing was written: the {what} is wrong" in said
    assert "--skip-invalid" not in said  # it cannot help a header
    assert not (tmp_path / "people.rejected.csv").exists()
    assert snapshot(cypher) == before


def test_an_unknown_institution_is_refused_by_line_and_column(neo4j_connection, cypher, tmp_path: Path) -> None:
    generate(20, 3, tmp_path)
    result = talentgraph(neo4j_connection, "load", "people", str(tmp_path / "people.csv"), "--quiet", check=False)
    assert result.returncode == 1
    assert "people.csv:2 institution:" in result.stderr and "load institutions first" in result.stderr
    assert cypher("MATCH (n:Person) RETURN count(n) AS n")[0]["n"] == 0


def test_a_killed_load_run_again_equals_a_clean_load(neo4j_connection, cypher, tmp_path: Path) -> None:
    generate(2000, 11, tmp_path)
    talentgraph(neo4j_connection, "load", "institutions", str(tmp_path / "institutions.csv"), "--quiet")
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "TALENTGRAPH_ID_SALT": SALT,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server.cli",
            "load",
            "people",
            str(tmp_path / "people.csv"),
            "--quiet",
            "--batch-size",
            "100",
        ],
        env=env,
        cwd=REPOSITORY,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    written = 0
    while time.monotonic() < deadline and process.poll() is None:
        written = cypher("MATCH (t:Title) RETURN count(t) AS n")[0]["n"]
        if written >= 200:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    total_rows = len((tmp_path / "people.csv").read_text(encoding="utf-8-sig").splitlines()) - 1
    assert 0 < written < total_rows, "the load should have been killed half-way"

    talentgraph(neo4j_connection, "load", "people", str(tmp_path / "people.csv"), "--quiet")
    resumed = snapshot(cypher)

    cypher("MATCH (n) WHERE n:Person OR n:Title DETACH DELETE n")
    talentgraph(neo4j_connection, "load", "people", str(tmp_path / "people.csv"), "--quiet")
    assert resumed == snapshot(cypher)


@pytest.mark.unit
def test_every_kind_loads_in_dependency_order() -> None:
    from loaders.cli import LOAD_ORDER
    from loaders.formats import KINDS

    assert sorted(LOAD_ORDER) == sorted(KINDS)
    assert LOAD_ORDER.index("institutions") < LOAD_ORDER.index("people") < LOAD_ORDER.index("teams")
