"""The embedded Neo4j keeps its data across a stop and a start, recovers after being killed, and is its owner's
only: another local user can neither connect to it nor read its files, and folders of earlier versions (no
password, world-readable) are brought to that on their next start with their data."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph.embedded import LIB_DIR, EmbeddedNeo4j, RunningNeo4j, _classpath, _java, _javac, install

pytestmark = pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="NEO4J_URI points at another Neo4j")


def write_and_read(running: RunningNeo4j, value: str | None) -> list[str]:
    with GraphDatabase.driver(running.uri, auth=(running.user, running.password)) as driver:
        if value is not None:
            driver.execute_query("CREATE (:Probe {value: $value})", value=value)
        records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.value AS value ORDER BY value")
        return [record["value"] for record in records]


def wait_until_stopped(embedded: EmbeddedNeo4j) -> None:
    deadline = time.monotonic() + 60
    while embedded.status() is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert embedded.status() is None


def test_data_survives_stop_start_and_a_kill_and_the_port_is_kept(tmp_path: Path) -> None:
    embedded = EmbeddedNeo4j(tmp_path / "neo4j", heap="512m", pagecache="64m")
    running, started = embedded.start(quiet=True)
    try:
        assert started
        again, started_again = embedded.start(quiet=True)
        assert not started_again and again == running  # a second start finds the running one
        assert write_and_read(running, "a") == ["a"]
        assert embedded.stop()
        assert embedded.status() is None

        restarted, _ = embedded.start(quiet=True)
        assert restarted.port == running.port  # a client that knew the port finds the database there again
        assert write_and_read(restarted, "b") == ["a", "b"]
        os.kill(restarted.pid, signal.SIGKILL)
        wait_until_stopped(embedded)

        recovered, started = embedded.start(quiet=True)
        assert started and recovered.port == running.port
        assert write_and_read(recovered, None) == ["a", "b"]
    finally:
        embedded.stop()


def test_a_restart_takes_another_port_when_its_own_is_taken(tmp_path: Path) -> None:
    embedded = EmbeddedNeo4j(tmp_path / "neo4j", heap="512m", pagecache="64m")
    running, _ = embedded.start(quiet=True)
    try:
        embedded.stop()
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            squatter.bind(("127.0.0.1", running.port))
            squatter.listen()
            elsewhere, _ = embedded.start(quiet=True)
        assert elsewhere.port != running.port
        assert write_and_read(elsewhere, None) == []
    finally:
        embedded.stop()


#: Run as `nobody`: what another local account can do with the database of the folder given as argv[1].
AS_ANOTHER_USER = """
import json, sys
from pathlib import Path
from neo4j import GraphDatabase

folder, uri = Path(sys.argv[1]), sys.argv[2]
outcome = {}
for name, auth in (("no_password", ("neo4j", "")), ("default_password", ("neo4j", "neo4j")), ("none", None)):
    try:
        with GraphDatabase.driver(uri, auth=auth) as driver:
            driver.execute_query("MATCH (n) RETURN count(n)")
        outcome[name] = "connected"
    except Exception as error:
        outcome[name] = type(error).__name__
for name, path in (
    ("folder", folder),
    ("password_file", folder / "neo4j-password"),
    ("store", folder / "home" / "data" / "databases" / "neo4j" / "neostore"),
    ("transaction_log", folder / "home" / "data" / "transactions" / "neo4j" / "neostore.transaction.db.0"),
):
    try:
        (list(path.iterdir()) if path.is_dir() else path.read_bytes())
        outcome[name] = "read"
    except Exception as error:
        outcome[name] = type(error).__name__
print(json.dumps(outcome))
"""


@pytest.fixture
def shared_parent() -> Iterator[Path]:
    """A folder every local user may enter (as /srv or a home folder often is), unlike pytest's tmp_path."""
    parent = Path(tempfile.mkdtemp(prefix="talentgraph-shared-"))
    parent.chmod(0o755)
    try:
        yield parent
    finally:
        shutil.rmtree(parent, ignore_errors=True)


def as_nobody(folder: Path, uri: str) -> dict[str, str]:
    if os.geteuid() != 0:
        pytest.skip("only root can run a command as another user (nobody)")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run a command as nobody")
    result = subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable, "-c", AS_ANOTHER_USER]
        + [str(folder), uri],
        capture_output=True,
        text=True,
        cwd="/",
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/nonexistent"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_another_local_user_can_neither_connect_nor_read_the_store_or_the_password(shared_parent: Path) -> None:
    embedded = EmbeddedNeo4j(shared_parent / "neo4j", heap="512m", pagecache="64m")
    running, _ = embedded.start(quiet=True)
    try:
        write_and_read(running, "secret")
        outcome = as_nobody(embedded.data_dir, running.uri)
        assert outcome["no_password"] == outcome["default_password"] == outcome["none"] == "AuthError", outcome
        for name in ("folder", "password_file", "store", "transaction_log"):
            assert outcome[name] == "PermissionError", outcome
        assert stat.S_IMODE(embedded.data_dir.stat().st_mode) == 0o700
        assert stat.S_IMODE((embedded.data_dir / "neo4j-password").stat().st_mode) == 0o600
        store = embedded.data_dir / "home" / "data" / "databases" / "neo4j"
        assert all(stat.S_IMODE(path.stat().st_mode) & 0o077 == 0 for path in store.iterdir())
    finally:
        embedded.stop()


#: What an earlier version of the launcher did to a folder: Neo4j opened without authentication, under the
#: usual umask 022, so the `neo4j` user keeps its default password and every file is world-readable.
EARLIER_VERSION = """
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public final class EarlierVersion {
    public static void main(String[] args) {
        var dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, false)
                .build();
        dbms.database("neo4j").executeTransactionally("CREATE (:Probe {value: 'from before'})");
        dbms.shutdown();
    }
}
"""


def make_folder_of_an_earlier_version(folder: Path) -> None:
    classes = install(quiet=True)
    java = _java()
    source = folder.parent / "EarlierVersion.java"
    source.write_text(EARLIER_VERSION, encoding="utf-8")
    classpath = os.pathsep.join([str(classes), _classpath(LIB_DIR / "jars")])
    subprocess.run([_javac(java), "-d", str(folder.parent), "-cp", classpath, str(source)], check=True)
    folder.mkdir(mode=0o755)
    (folder / "neo4j.conf").write_text("dbms.security.auth_enabled=false\n", encoding="utf-8")
    subprocess.run(
        [java, "-Xmx512m", "-cp", os.pathsep.join([str(folder.parent), classpath]), "EarlierVersion"]
        + [str(folder / "home")],
        check=True,
        capture_output=True,
        umask=0o022,
        timeout=300,
    )


def test_a_folder_of_an_earlier_version_gets_a_password_and_keeps_its_data(shared_parent: Path) -> None:
    folder = shared_parent / "neo4j"
    make_folder_of_an_earlier_version(folder)
    store = folder / "home" / "data" / "databases" / "neo4j" / "neostore"
    assert stat.S_IMODE(store.stat().st_mode) & 0o004  # world-readable, as an earlier version left it

    embedded = EmbeddedNeo4j(folder, heap="512m", pagecache="64m")
    running, _ = embedded.start(quiet=True)
    try:
        assert write_and_read(running, None) == ["from before"]
        outcome = as_nobody(folder, running.uri)
        assert outcome["no_password"] == outcome["default_password"] == "AuthError", outcome
        assert outcome["store"] == outcome["password_file"] == "PermissionError", outcome
        assert stat.S_IMODE(store.stat().st_mode) & 0o077 == 0
        embedded.stop()
        again, _ = embedded.start(quiet=True)  # the password is in force: no second upgrade
        assert write_and_read(again, "after") == ["after", "from before"]
    finally:
        embedded.stop()
