"""`talentgraph serve` stops like a service: SIGTERM or SIGINT, once or twice, stops the embedded database it
started, completely, and leaves its folder ready to start again."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graph.embedded import EmbeddedNeo4j, _pid_alive
from graph.settings import REPOSITORY

pytestmark = pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="NEO4J_URI points at another Neo4j")

STOPPING = "Stopping the embedded Neo4j"


class Served:
    """`talentgraph serve` on an embedded database of its own, its output read line by line."""

    def __init__(self, data_dir: Path) -> None:
        env = {name: value for name, value in os.environ.items() if not name.startswith("NEO4J_")}
        env.update({"TALENTGRAPH_DATA_DIR": str(data_dir), "TALENTGRAPH_ID_SALT": "signal-test"})
        env.update({"TALENTGRAPH_NEO4J_HEAP": "512m", "TALENTGRAPH_NEO4J_PAGECACHE": "64m"})
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve", "--port", "0"],
            env=env,
            cwd=REPOSITORY,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout: float = 300) -> None:
        """Until a line of its output matches `pattern`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            self.output.append(line)
            if re.search(pattern, line):
                return
        raise AssertionError(f"no line matching {pattern!r}:\n{''.join(self.output)}")


@pytest.mark.parametrize(
    ("signals", "wait_for_stopping", "status"),
    [
        pytest.param([signal.SIGTERM], False, 0, id="sigterm"),
        pytest.param([signal.SIGINT], False, 130, id="sigint"),
        pytest.param([signal.SIGTERM, signal.SIGTERM], False, 0, id="two-quick-sigterms"),
        pytest.param([signal.SIGTERM, signal.SIGINT, signal.SIGTERM], True, 0, id="signals-while-the-database-stops"),
    ],
)
def test_serve_stops_the_database_it_started_and_leaves_its_folder_reusable(
    tmp_path: Path, signals: list[signal.Signals], wait_for_stopping: bool, status: int
) -> None:
    embedded = EmbeddedNeo4j(tmp_path / "neo4j", heap="512m", pagecache="64m")
    served = Served(embedded.data_dir)
    try:
        served.wait_for(r"http://127\.0\.0\.1:\d+/graphql")
        database = embedded.status()
        assert database is not None

        first, *more = signals
        served.process.send_signal(first)
        if wait_for_stopping:
            served.wait_for(STOPPING)
        for again in more:
            served.process.send_signal(again)
        exit_status = served.process.wait(timeout=180)

        assert not _pid_alive(database.pid), "the embedded Neo4j is still running"
        assert embedded.status() is None
        assert exit_status == status, "".join(served.output)
        running, started = embedded.start(quiet=True)  # nothing stale in the folder: it starts again
        assert started and running.port == database.port
    finally:
        if served.process.poll() is None:
            served.process.kill()
        embedded.stop()
