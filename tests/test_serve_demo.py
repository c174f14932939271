"""`talentgraph serve --demo`: the run command serves demo people with their titles, with the key it prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph.settings import REPOSITORY


def test_serve_demo_answers_people_with_titles(neo4j_connection, cypher, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "TALENTGRAPH_DATA_DIR": str(tmp_path),
        "TALENTGRAPH_ID_SALT": "demo-test",
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
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and (url is None or key is None):
            line = process.stdout.readline() if process.stdout else ""
            if not line and process.poll() is not None:
                break
            output += line
            url = url or (re.search(r"(http://127\.0\.0\.1:\d+)/graphql", line) or [None, None])[1]
            key = key or (re.search(r"Bearer (tg_\S+)", line) or [None, None])[1]
        assert url and key, output
        query = "{ people(first: 5) { totalCount nodes { name titles { name level } employer { name } } } }"
        for _ in range(100):
            try:
                response = httpx.post(
                    f"{url}/graphql", json={"query": query}, headers={"authorization": f"Bearer {key}"}, timeout=10
                )
                break
            except httpx.TransportError:
                time.sleep(0.1)
        people = response.json()["data"]["people"]
        assert people["totalCount"] >= 300
        assert len(people["nodes"]) == 5 and all(person["titles"] for person in people["nodes"])
        anonymous = httpx.post(f"{url}/graphql", json={"query": query}, timeout=10).json()
        assert "errors" in anonymous  # without the key, no individuals
        graphiql = httpx.get(f"{url}/graphql", headers={"accept": "text/html"}, timeout=10).text
        assert f"Bearer {key}" in graphiql and "query Demo" in graphiql  # GraphiQL opens ready to run
    finally:
        process.terminate()
        process.wait(timeout=60)
