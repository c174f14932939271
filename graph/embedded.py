"""The embedded Neo4j: fetch Neo4j Community with Maven, compile the launcher, start, find, stop.

The database runs in its own JVM (`graph/launcher/src/EmbeddedNeo4j.java`) with Bolt on 127.0.0.1
and its store under the data folder. A state file in that folder says which process serves it on
which port, so every command on the same folder finds a database that is already running.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.errors import SetupError
from graph.settings import REPOSITORY

NEO4J_VERSION = "5.26.30"
LAUNCHER_DIR = REPOSITORY / "graph" / "launcher"
LIB_DIR = REPOSITORY / "var" / "lib" / f"neo4j-{NEO4J_VERSION}"
MAIN_CLASS = "EmbeddedNeo4j"


@dataclass(frozen=True)
class RunningNeo4j:
    """A launcher process that serves Bolt on loopback."""

    pid: int
    port: int

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bolt_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as sock:
            # Bolt handshake: magic preamble and four proposed versions (5.x, 4.4, none, none).
            sock.sendall(bytes.fromhex("6060B01700080805000004040000000000000000"))
            return len(sock.recv(4)) == 4
    except OSError:
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        return MAIN_CLASS.encode() in cmdline.read_bytes()
    return True


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    candidates = [Path(java_home) / "bin" / "java"] if java_home else []
    found = shutil.which("java")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    raise SetupError(
        "No Java found: install a JDK 17 or 21 (e.g. `apt-get install openjdk-17-jdk`) "
        "or set JAVA_HOME, then run the command again."
    )


def _javac(java: str) -> str:
    javac = Path(java).with_name("javac")
    if javac.exists():
        return str(javac)
    found = shutil.which("javac")
    if found:
        return found
    raise SetupError(
        "Java is installed but not its compiler: install a full JDK 17 or 21 "
        "(e.g. `apt-get install openjdk-17-jdk`), not only a JRE."
    )


def _maven() -> list[str]:
    found = shutil.which("mvn")
    if found:
        return [found]
    wrapper = LAUNCHER_DIR / "mvnw"
    if wrapper.exists():
        return ["sh", str(wrapper)]
    raise SetupError("Maven is needed once to fetch Neo4j: install it (e.g. `apt-get install maven`).")


def install(quiet: bool = False) -> Path:
    """Fetch Neo4j's jars into var/lib and compile the launcher, once; return the classes folder."""
    classes = LIB_DIR / "classes"
    marker = LIB_DIR / ".complete"
    source = LAUNCHER_DIR / "src" / f"{MAIN_CLASS}.java"
    if (
        marker.exists()
        and (classes / f"{MAIN_CLASS}.class").exists()
        and (classes / f"{MAIN_CLASS}.class").stat().st_mtime >= source.stat().st_mtime
    ):
        return classes
    java = _java()
    javac = _javac(java)
    LIB_DIR.mkdir(parents=True, exist_ok=True)
    jars = LIB_DIR / "jars"
    if not (LIB_DIR / ".jars-complete").exists():
        if not quiet:
            print(f"Fetching Neo4j Community {NEO4J_VERSION} with Maven (once, about 120 MB)…", flush=True)
        command = [
            *_maven(),
            "-B",
            "-q",
            "-f",
            str(LAUNCHER_DIR / "pom.xml"),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={jars}",
            "-DincludeScope=runtime",
        ]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise SetupError(
                "Maven could not fetch Neo4j's jars (is Maven Central reachable?):\n"
                + (result.stdout + result.stderr)[-2000:]
            )
        (LIB_DIR / ".jars-complete").touch()
    classes.mkdir(exist_ok=True)
    result = subprocess.run(
        [javac, "-d", str(classes), "-cp", _classpath(jars), str(source)], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SetupError("Could not compile the Neo4j launcher:\n" + result.stderr[-2000:])
    marker.touch()
    return classes


def _classpath(jars: Path) -> str:
    return os.pathsep.join(str(path) for path in sorted(jars.glob("*.jar")))


class EmbeddedNeo4j:
    """The embedded database of one data folder."""

    def __init__(self, data_dir: Path, heap: str = "1g", pagecache: str = "1g") -> None:
        self.data_dir = Path(data_dir).resolve()
        self.heap = heap
        self.pagecache = pagecache
        self._state = self.data_dir / "server.json"
        self._ready = self.data_dir / "ready"
        self._log = self.data_dir / "launcher.log"

    def status(self) -> RunningNeo4j | None:
        """The running instance on this folder, or None."""
        try:
            state = json.loads(self._state.read_text())
        except (OSError, ValueError):
            return None
        pid, port = int(state["pid"]), int(state["port"])
        if _pid_alive(pid) and _bolt_answers(port):
            return RunningNeo4j(pid=pid, port=port)
        return None

    @contextlib.contextmanager
    def _lock(self):  # type: ignore[no-untyped-def]
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / ".launcher.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def start(self, timeout: float = 180.0, quiet: bool = False) -> tuple[RunningNeo4j, bool]:
        """Start the database unless it runs already; return it and whether this call started it."""
        with self._lock():
            running = self.status()
            if running:
                return running, False
            classes = install(quiet=quiet)
            port = free_port()
            conf = self.data_dir / "neo4j.conf"
            conf.write_text(
                "\n".join(
                    [
                        "server.bolt.enabled=true",
                        f"server.bolt.listen_address=127.0.0.1:{port}",
                        f"server.bolt.advertised_address=127.0.0.1:{port}",
                        # Loopback only, for one local user; NEO4J_URI is the way to an authenticated server.
                        "dbms.security.auth_enabled=false",
                        f"server.memory.pagecache.size={self.pagecache}",
                        "dbms.usage_report.enabled=false",
                        "db.tx_log.rotation.retention_policy=2 files",
                        "",
                    ]
                ),
                encoding="utf-8",
            )
            self._ready.unlink(missing_ok=True)
            java = _java()
            command = [
                # The parallel collector, not G1 (Neo4j's default for large servers): with this small heap, on few
                # cores, it spends less of Neo4j's CPU on a bulk load and its young pauses are shorter, and a full
                # collection of a 1-2 GB heap is rare and short.
                java,
                f"-Xms{self.heap}",
                f"-Xmx{self.heap}",
                "-XX:+UseParallelGC",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                os.pathsep.join([str(classes), _classpath(LIB_DIR / "jars")]),
                MAIN_CLASS,
                str(self.data_dir / "home"),
                str(conf),
                str(self._ready),
            ]
            with open(self._log, "ab") as log:
                process = subprocess.Popen(
                    command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
                )
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise SetupError(
                        f"Neo4j stopped while starting (exit {process.returncode}); "
                        f"last lines of {self._log}:\n{self._tail()}"
                    )
                if self._ready.exists() and _bolt_answers(port):
                    running = RunningNeo4j(pid=process.pid, port=port)
                    self._state.write_text(json.dumps({"pid": process.pid, "port": port}))
                    return running, True
                time.sleep(0.2)
            process.terminate()
            raise SetupError(f"Neo4j did not answer within {timeout:.0f} s; see {self._log}:\n{self._tail()}")

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the running instance cleanly (SIGTERM, then SIGKILL); False if none was running."""
        with self._lock():
            running = self.status()
            if running is None:
                self._state.unlink(missing_ok=True)
                return False
            os.kill(running.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and _pid_alive(running.pid):
                time.sleep(0.1)
            if _pid_alive(running.pid):
                os.kill(running.pid, signal.SIGKILL)
            self._state.unlink(missing_ok=True)
            return True

    def _tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self._log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
