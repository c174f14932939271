"""A command that waits says on stderr what it waits for (starting and stopping the embedded database,
migrations, index population, reference data); `--quiet` silences it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.settings import REPOSITORY

pytestmark = pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="NEO4J_URI points at another Neo4j")

ANNOUNCED = (
    "Starting the embedded Neo4j",
    "Applying schema migration 0001_constraints",
    "Waiting for the new indexes to be populated",
    "Loading reference data",
    "Stopping the embedded Neo4j",
)


def talentgraph(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("NEO4J_")}
    env.update(
        {
            "TALENTGRAPH_DATA_DIR": str(data_dir),
            "TALENTGRAPH_ID_SALT": "progress-test",
            "TALENTGRAPH_NEO4J_HEAP": "512m",
            "TALENTGRAPH_NEO4J_PAGECACHE": "64m",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        env=env,
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_migrate_into_an_empty_folder_announces_each_wait_and_quiet_loads_do_not(tmp_path: Path) -> None:
    migrated = talentgraph(tmp_path / "neo4j", "migrate")
    lines = migrated.stderr.splitlines()
    positions = [next((i for i, line in enumerate(lines) if line.startswith(text)), None) for text in ANNOUNCED]
    assert None not in positions and positions == sorted(positions), migrated.stderr
    assert "a new data folder" in lines[positions[0]]

    loaded = talentgraph(
        tmp_path / "neo4j",
        "load",
        "institutions",
        str(REPOSITORY / "loaders" / "samples" / "institutions.csv"),
        "--quiet",
    )
    assert not any(text in loaded.stderr for text in ANNOUNCED), loaded.stderr
