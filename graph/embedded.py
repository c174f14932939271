"""The embedded Neo4j: fetch Neo4j Community with Maven, compile the launcher, start, find, stop.

The database runs in its own JVM (`graph/launcher/src/EmbeddedNeo4j.java`) with Bolt on 127.0.0.1
and its store under the data folder. A state file in that folder says which process serves it on
which port, so every command on the same folder finds a database that is already running, and a
restarted database takes the same port again while it is free (a running API finds it there).

Only the folder's owner may use it: the folder is mode 0700, the JVM runs with umask 077, and Bolt asks
for the password of the `neo4j` user, generated once into `neo4j-password` (mode 0600) in the folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, field
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
    password: str = field(repr=False)
    user: str = "neo4j"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    """True when nothing listens on `port` on loopback (connections of a stopped server waiting out TIME_WAIT
    do not count: Neo4j binds with SO_REUSEADDR too)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        print(message, file=sys.stderr, flush=True)


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
        self.password_file = self.data_dir / "neo4j-password"

    def _read_state(self) -> dict[str, int]:
        try:
            state = json.loads(self._state.read_text())
            return {key: int(state[key]) for key in ("pid", "port") if key in state}
        except (OSError, ValueError, TypeError):
            return {}

    def status(self) -> RunningNeo4j | None:
        """The running instance on this folder, or None."""
        state = self._read_state()
        if "pid" not in state or "port" not in state:
            return None
        if _pid_alive(state["pid"]) and _bolt_answers(state["port"]):
            return RunningNeo4j(pid=state["pid"], port=state["port"], password=self.password())
        return None

    def password(self) -> str:
        """The `neo4j` user's password, generated into the data folder (mode 0600) the first time."""
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            pass
        self._secure_folder()
        try:
            descriptor = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return self.password_file.read_text(encoding="utf-8").strip()
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(32) + "\n")
        return self.password_file.read_text(encoding="utf-8").strip()

    def _secure_folder(self) -> None:
        """Make the folder and everything in it its owner's only (folders of earlier versions were 0755)."""
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.data_dir, 0o700)
        for root, folders, files in os.walk(self.data_dir):
            for name in (*folders, *files):
                path = os.path.join(root, name)
                mode = os.lstat(path).st_mode
                if not stat.S_ISLNK(mode) and mode & 0o077:
                    os.chmod(path, stat.S_IMODE(mode) & 0o700)

    @contextlib.contextmanager
    def _lock(self):  # type: ignore[no-untyped-def]
        self._secure_folder()
        with open(self.data_dir / ".launcher.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _port(self) -> int:
        """The port of the last run while it is free (so that a running API finds the database again)."""
        state = self._read_state()
        last = state.get("port")
        if not last:
            return free_port()
        deadline = time.monotonic() + 10
        while not port_is_free(last):
            # A killed launcher closes its sockets after it has given back its memory, which takes a moment
            # after it no longer counts as running; a port held by anything else is given up at once.
            if not Path(f"/proc/{state.get('pid')}").exists() or time.monotonic() > deadline:
                return free_port()
            time.sleep(0.1)
        return last

    def start(self, timeout: float = 180.0, quiet: bool = False) -> tuple[RunningNeo4j, bool]:
        """Start the database unless it runs already; return it and whether this call started it."""
        with self._lock():
            running = self.status()
            if running:
                return running, False
            classes = install(quiet=quiet)
            password = self.password()
            port = self._port()
            conf = self.data_dir / "neo4j.conf"
            conf.write_text(
                "\n".join(
                    [
                        "server.bolt.enabled=true",
                        f"server.bolt.listen_address=127.0.0.1:{port}",
                        f"server.bolt.advertised_address=127.0.0.1:{port}",
                        # The launcher turns authentication on whatever this file says; the password is in
                        # neo4j-password.
                        "dbms.security.auth_enabled=true",
                        f"server.memory.pagecache.size={self.pagecache}",
                        "dbms.usage_report.enabled=false",
                        "db.tx_log.rotation.retention_policy=2 files",
                        # Bolt is shut down after the databases; its event loops then waited 5 s each for
                        # work that cannot come (a stop took 10-11 s, 1 s without).
                        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
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
                str(self.password_file),
            ]
            fresh = not (self.data_dir / "home" / "data").exists()
            _say(
                f"Starting the embedded Neo4j in {self.data_dir}"
                + (" (a new data folder: its databases are created first)" if fresh else "")
                + "…",
                quiet,
            )
            with open(self._log, "ab") as log:
                process = subprocess.Popen(
                    command,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                    # Store files, logs and the applied password's record: the owner's only.
                    umask=0o077,
                )
            try:
                running = self._await_ready(process, port, password, timeout)
            except BaseException:
                # Interrupted (a signal) or failed: leave no database running that no state file points to.
                _end(process.pid)
                process.wait()
                raise
            self._state.write_text(json.dumps({"pid": running.pid, "port": running.port}))
            return running, True

    def _await_ready(self, process: subprocess.Popen[bytes], port: int, password: str, timeout: float) -> RunningNeo4j:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SetupError(
                    f"Neo4j stopped while starting (exit {process.returncode}); "
                    f"last lines of {self._log}:\n{self._tail()}"
                )
            if self._ready.exists() and _bolt_answers(port):
                return RunningNeo4j(pid=process.pid, port=port, password=password)
            time.sleep(0.2)
        raise SetupError(f"Neo4j did not answer within {timeout:.0f} s; see {self._log}:\n{self._tail()}")

    def stop(self, timeout: float = 60.0, quiet: bool = True) -> bool:
        """Stop the running instance cleanly (SIGTERM, then SIGKILL); False if none was running."""
        with self._lock():
            running = self.status()
            port = self._read_state().get("port")
            if running is not None:
                _say("Stopping the embedded Neo4j…", quiet)
                _end(running.pid, timeout)
            # The port stays recorded: the next start takes it again if it is free.
            self._state.write_text(json.dumps({"port": port}) if port else "{}")
            return running is not None

    def _tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self._log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _end(pid: int, timeout: float = 60.0) -> None:
    """Stop a launcher process: SIGTERM (a clean shutdown), then SIGKILL after `timeout` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(pid):
        time.sleep(0.1)
    if _pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
