"""The demo (`serve --demo`, what `./scripts/run` serves), on a database that already holds other data.

Another city (README's `generate` with its default seed, then `load-all`) and `loaders/samples` are
loaded first; then `talentgraph serve --demo` starts in a process of its own and loads the demo beside
them. It must start, change none of their records, answer every GraphQL example of README.md with the
key the example names, and give every collaborator suggestion for every Chengde person a reason.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from graph import collaborators as graph
from graph.database import Database
from graph.keys import create_key
from graph.runtime import Neo4jConnection
from graph.settings import REPOSITORY, Settings
from graph.taxonomy import field_tree
from loaders.cli import LOAD_ORDER
from loaders.demo import load_demo
from loaders.generate import generate
from loaders.generate_demo import DEMO_PEOPLE, DEMO_PREFIX
from loaders.load import load_file
from tests.conftest import REFERENCE_LABELS

T = TypeVar("T")
SALT = "demo-test"
README = REPOSITORY / "README.md"
SAMPLES = REPOSITORY / "loaders" / "samples"
#: The records a load writes, by their natural keys: none of another data set's may change.
RECORDS = """
MATCH (n) WHERE n:Person OR n:Institution OR n:Team OR n:Platform OR n:Project OR n:Visit OR n:Title
RETURN coalesce(n.id, n.certificateNo) AS key, labels(n) AS labels, properties(n) AS props,
       COLLECT { MATCH (n)-[r]-(m) WHERE m.id IS NOT NULL OR m.certificateNo IS NOT NULL OR m.code IS NOT NULL
                 RETURN [type(r), startNode(r) = n, coalesce(m.id, m.certificateNo, m.code), properties(r)] AS rel
                 ORDER BY rel[0], rel[2] } AS rels
"""


@dataclass
class Demo:
    url: str
    key: str
    before: dict[str, Any]
    after: dict[str, Any]
    connection: Neo4jConnection

    def run(self, work: Callable[[Database], Awaitable[T]]) -> T:
        """Run `work` on the test database, with a driver of its own event loop."""

        async def run() -> T:
            db = self.connection.open(timeout=900)
            try:
                return await work(db)
            finally:
                await db.close()

        return asyncio.run(run())


def records(connection: Neo4jConnection) -> dict[str, Any]:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(connection.uri, auth=(connection.user, connection.password)) as driver:
        rows, _, _ = driver.execute_query(RECORDS, database_=connection.database)
    return {row["key"]: repr((sorted(row["labels"]), sorted(row["props"].items()), row["rels"])) for row in rows}


async def load_other_data(connection: Neo4jConnection, folder: Path) -> None:
    """What README.md's import steps load: a generated city (`generate`'s default seed), and the samples."""
    db = connection.open(timeout=900)
    try:
        generate(1000, 2021, folder)
        for directory in (folder, SAMPLES):
            for kind in LOAD_ORDER:
                summary = await load_file(db, directory / f"{kind}.csv", kind, SALT)
                assert summary.written, (directory, kind, summary.errors[:3])
    finally:
        await db.close()


def clean(connection: Neo4jConnection) -> None:
    from neo4j import GraphDatabase

    labels = " AND ".join(f"NOT n:{label}" for label in REFERENCE_LABELS)
    statement = f"MATCH (n) WHERE {labels} CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS"
    with (
        GraphDatabase.driver(connection.uri, auth=(connection.user, connection.password)) as driver,
        driver.session(database=connection.database) as session,
    ):
        session.run(statement).consume()


@pytest.fixture(scope="module")
def demo(neo4j_connection: Neo4jConnection, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("demo")
    asyncio.run(load_other_data(neo4j_connection, folder / "city"))
    before = records(neo4j_connection)
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "TALENTGRAPH_DATA_DIR": str(folder / "data"),
        "TALENTGRAPH_ID_SALT": SALT,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--demo", "--port", "0"],
        env=env,
        cwd=REPOSITORY,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output, url, key = "", None, None
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline and url is None:
            line = process.stdout.readline() if process.stdout else ""
            if not line and process.poll() is not None:
                break
            output += line
            key = key or (re.search(r"Bearer (tg_\S+)", line) or [None, None])[1]
            url = (re.search(r"(http://127\.0\.0\.1:\d+)/graphql", line) or [None, None])[1]
        assert url and key and "Traceback" not in output, output
        for _ in range(300):
            try:
                httpx.get(f"{url}/healthz", timeout=10)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield Demo(url, key, before, records(neo4j_connection), neo4j_connection)
    finally:
        process.terminate()
        process.wait(timeout=120)
        clean(neo4j_connection)


def test_the_demo_starts_beside_another_city_and_the_samples_and_changes_none_of_their_records(demo: Demo) -> None:
    changed = [key for key, record in demo.before.items() if demo.after.get(key) != record]
    assert changed == []
    added = set(demo.after) - set(demo.before)
    assert all(key.startswith(DEMO_PREFIX) for key in added), sorted(k for k in added if not k.startswith("DEMO-"))
    assert sum(1 for key in added if key.startswith(f"{DEMO_PREFIX}person-")) >= DEMO_PEOPLE


def test_a_second_start_finds_the_demo_loaded_and_writes_nothing(demo: Demo, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, id_salt=SALT, neo4j_uri=None)
    again = demo.run(lambda db: load_demo(db, settings, quiet=True))
    assert not again.loaded and again.rows["people"] > DEMO_PEOPLE


def test_graphiql_opens_with_the_demo_key_and_a_query_ready_to_run(demo: Demo) -> None:
    page = httpx.get(f"{demo.url}/graphql", headers={"accept": "text/html"}, timeout=30).text
    assert f"Bearer {demo.key}" in page and "query Demo" in page


def test_without_a_key_the_demo_shows_no_individuals(demo: Demo) -> None:
    answer = httpx.post(f"{demo.url}/graphql", json={"query": "{ people(first: 5) { totalCount } }"}, timeout=30)
    assert "errors" in answer.json() and not (answer.json().get("data") or {}).get("people")


def readme_examples() -> list[tuple[str, str | None, str, set[str]]]:
    """Every ```graphql block of README.md: (role, institution, document, fields that may be null)."""
    examples = []
    for block in re.findall(r"```graphql\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        first = block.splitlines()[0]
        match = re.fullmatch(
            r"# Key: (none|analyst|recruiter|institution|admin)\b\s*(DEMO-inst-[0-9a-f]{24})?.*", first
        )
        assert match, f"a README example must say which key it needs on its first line: {first!r}"
        nullable = {
            name
            for line in block.splitlines()
            if "# null" in line
            for name in re.findall(r"\b([a-zA-Z]+)\b", line.split("#")[0])
        }
        examples.append((match[1], match[2], block, nullable))
    return examples


def empty_parts(value: Any, nullable: set[str], path: str = "") -> list[str]:
    """Where an answer is empty: an empty list, a null the example does not expect, a typed error."""
    if isinstance(value, dict):
        found = [
            f"{path}: {value.get('__typename')}" for _ in [0] if str(value.get("__typename", "")).endswith("Error")
        ]
        for key, item in value.items():
            if item is None and key not in nullable:
                found.append(f"{path}.{key} is null")
            found += empty_parts(item, nullable, f"{path}.{key}")
        return found
    if isinstance(value, list):
        return (
            [f"{path} is empty"]
            if not value
            else [p for n, v in enumerate(value) for p in empty_parts(v, nullable, f"{path}[{n}]")]
        )
    return []


def test_every_graphql_example_of_the_readme_answers_on_the_demo(demo: Demo) -> None:
    examples = readme_examples()
    assert {role for role, _, _, _ in examples} >= {"none", "analyst", "recruiter", "institution", "admin"}
    for role, institution, document, nullable in examples:
        key = {"none": None, "analyst": demo.key}.get(role)
        if role not in ("none", "analyst"):
            _, key = demo.run(lambda db: create_key(db, role, institution, "README example"))  # noqa: B023
        headers = {"authorization": f"Bearer {key}"} if key else {}
        answer = httpx.post(f"{demo.url}/graphql", json={"query": document}, headers=headers, timeout=60).json()
        assert "errors" not in answer, (document, answer["errors"])
        assert empty_parts(answer["data"], nullable) == [], (document, empty_parts(answer["data"], nullable))


async def every_chengde_persons_suggestions(db: Database) -> list[tuple[str, list[graph.Suggestion]]]:
    tree = await field_tree(db)
    people = await db.read(
        "test/chengde_people",
        """MATCH (p:Person)-[w:WORKS_AT]->(:Institution)-[:LOCATED_IN]->(:Region)-[:PART_OF]->(:Region {code: '130800'})
           WHERE w.until IS NULL RETURN p.id AS id ORDER BY id""",
    )
    limit = asyncio.Semaphore(6)

    async def suggestions(person: str) -> tuple[str, list[graph.Suggestion]]:
        async with limit:
            subject = await graph.load_subject(db, "person", person)
            related = graph.related_fields(tree, subject.fields)
            regions = graph.default_regions(subject)
            return person, await graph.suggest_collaborators(db, subject, subject.fields, related, regions, 10)

    return await asyncio.gather(*(suggestions(row["id"]) for row in people))


def test_every_collaborator_suggestion_for_every_chengde_person_says_why_in_both_languages(demo: Demo) -> None:
    found = demo.run(every_chengde_persons_suggestions)
    suggestions = [suggestion for _, listed in found for suggestion in listed]
    assert len(found) > DEMO_PEOPLE * 0.7 and len(suggestions) > len(found) * 5
    silent = [(person, s.person_id) for person, listed in found for s in listed if not s.reasons]
    assert silent == []
    assert all(reason.zh and reason.en for s in suggestions for reason in s.reasons)
    # The demo's collaborations are rich enough that paths explain many suggestions, not just facts.
    with_paths = sum(any(reason.kind == "PATH" for reason in s.reasons) for s in suggestions)
    assert with_paths > len(suggestions) * 0.1
