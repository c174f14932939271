"""Serve the app with uvicorn on a free loopback port in a background thread, for benchmarks."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn

from graph.embedded import free_port
from graph.runtime import Neo4jConnection
from graph.settings import Settings
from server.app import create_app


@contextmanager
def serving(settings: Settings, connection: Neo4jConnection) -> Iterator[str]:
    """The base URL of the app served on a free port until the block ends."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, connection), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
