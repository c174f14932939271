"""Serve the app with uvicorn on a free loopback port, in a process of its own, for benchmarks.

The server runs apart from the benchmark, as it does when deployed: the client's work (building
requests, parsing answers) and the driver measured beside it never wait for the server's
interpreter lock, nor it for theirs. Run as a module, this file is that server process:
`python -m bench.serving PORT`, with the settings and the database's address (password included) in
the environment variables BENCH_SETTINGS and BENCH_NEO4J, as JSON, out of the process list.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from graph.embedded import free_port
from graph.runtime import Neo4jConnection
from graph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def serving(settings: Settings, connection: Neo4jConnection) -> Iterator[str]:
    """The base URL of the app served on a free port, by a child process, until the block ends."""
    port = free_port()
    where = {"uri": connection.uri, "user": connection.user, "password": connection.password,
             "database": connection.database}
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.serving", str(port)], cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "BENCH_SETTINGS": settings.model_dump_json(),
             "BENCH_NEO4J": json.dumps(where)})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the benchmark's server exited with status {server.returncode}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the benchmark's server did not answer on {base} within 60 s")
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _serve(port: str) -> None:
    import uvicorn

    from server.app import create_app

    settings = Settings.model_validate_json(os.environ["BENCH_SETTINGS"])
    connection = Neo4jConnection(**json.loads(os.environ["BENCH_NEO4J"]))
    uvicorn.run(create_app(settings, connection), host="127.0.0.1", port=int(port), log_level="warning",
                lifespan="on")


if __name__ == "__main__":
    _serve(sys.argv[1])
