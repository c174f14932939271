"""The embedded database's offline dump and load, made by Neo4j's own tooling (neo4j-admin's classes).

`neo4j-admin database dump`/`load` copy the store files of a stopped database: fast, exact, but only into
the same Neo4j version family, and only while nothing has the database open. graph/backup is the other
way: a portable file taken while the API serves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from graph.embedded import LIB_DIR, EmbeddedNeo4j, _java, install
from graph.errors import SetupError

#: neo4j-admin's entry point, in neo4j-command-line's jar.
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
DATABASE = "neo4j"


def _stopped(embedded: EmbeddedNeo4j) -> Path:
    running = embedded.status()
    if running is not None:
        raise SetupError(
            f"The embedded database is running (pid {running.pid}): stop it first with `talentgraph db stop` "
            "(and stop `talentgraph serve`), then dump or load. For a backup while serving, use `talentgraph backup`."
        )
    return embedded.data_dir / "home"


def _admin(home: Path, *arguments: str) -> str:
    install(quiet=True)
    command = [_java(), "-cp", str(LIB_DIR / "jars" / "*"), ADMIN_TOOL, "database", *arguments]
    environment = {**os.environ, "NEO4J_HOME": str(home)}
    environment.pop("NEO4J_CONF", None)
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise SetupError(f"neo4j-admin database {arguments[0]} failed (exit {result.returncode}):\n{output[-3000:]}")
    return output


def dump_store(embedded: EmbeddedNeo4j, target: Path) -> Path:
    """Dump the stopped embedded database to the file `target` (neo4j-admin database dump)."""
    home = _stopped(embedded)
    if not (home / "data" / "databases" / DATABASE).exists():
        raise SetupError(f"There is no database to dump in {embedded.data_dir}.")
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".dump-") as folder:
        _admin(home, "dump", DATABASE, f"--to-path={folder}")
        os.replace(Path(folder) / f"{DATABASE}.dump", target)
    return target


def load_store(embedded: EmbeddedNeo4j, source: Path, overwrite: bool = False) -> None:
    """Load a dump into the stopped embedded database (neo4j-admin database load); refuses to overwrite unless told."""
    home = _stopped(embedded)
    source = Path(source).resolve()
    if not source.is_file():
        raise SetupError(f"No dump file {source}.")
    if (home / "data" / "databases" / DATABASE).exists() and not overwrite:
        raise SetupError(f"{embedded.data_dir} already holds a database: pass --overwrite to replace it with the dump.")
    home.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="talentgraph-load-") as folder:
        # neo4j-admin reads <database>.dump from a folder.
        shutil.copyfile(source, Path(folder) / f"{DATABASE}.dump")
        _admin(home, "load", DATABASE, f"--from-path={folder}", "--overwrite-destination=true")
