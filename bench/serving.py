"""Serve the API for a benchmark: `talentgraph serve` on a free loopback port, in a process of its own.

The server runs apart from the benchmark, as it does when deployed: the client's work (building
requests, parsing answers) and the driver measured beside it never wait for the server's
interpreter lock, nor it for theirs. Settings reach it as they reach any deployment, through the
environment (the database's password included, out of the process list).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from graph.embedded import free_port
from graph.runtime import Neo4jConnection

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def serving(connection: Neo4jConnection, **environment: str) -> Iterator[str]:
    """The base URL of the API served on `connection` until the block ends; `environment` holds settings
    (TALENTGRAPH_MODE="development", TALENTGRAPH_AUTH="off"…)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Its log (a line per request in development mode) goes to a file, shown if it fails to start.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve", "--port", str(port), "--no-access-log"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={
                **os.environ,
                "NEO4J_URI": connection.uri,
                "NEO4J_USER": connection.user,
                "NEO4J_PASSWORD": connection.password,
                "NEO4J_DATABASE": connection.database,
                **environment,
            },
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                if server.poll() is not None:
                    log.seek(0)
                    said = log.read().decode(errors="replace")[-3000:]
                    raise RuntimeError(f"the benchmark's server exited with status {server.returncode}:\n{said}")
                try:
                    if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the benchmark's server did not answer on {base} within 120 s")
                time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
