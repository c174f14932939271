"""The deployment files, checked as far as a machine without Docker can: compose, image contents, systemd."""

from __future__ import annotations

import configparser
import fnmatch
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.settings import Settings

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
#: What the image must ship besides Python modules: every statement, reference table and page file.
SHIPPED = (
    "cypher",
    "graph/reference",
    "server/dashboard/static",
    "server/graphiql/static",
    "server/portal/static",
)


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "docker-compose.yml").read_text()))


def setting_names() -> set[str]:
    """The environment variable of every setting the application reads."""
    return {str(field.validation_alias.choices[0]) for field in Settings.model_fields.values()}  # type: ignore[union-attr]


def tracked_files(folder: str) -> list[str]:
    listed = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.splitlines() if not name.endswith((".py", ".pyc"))]


def test_the_compose_file_names_every_setting_the_application_reads() -> None:
    services = compose()["services"]
    environment = services["api"]["environment"]
    assert services["backup"]["environment"] == environment
    not_used = set(compose()["x-settings-not-used-here"])
    missing = setting_names() - set(environment) - not_used
    assert not missing, f"settings the compose file does not name: {sorted(missing)}"
    assert not (set(environment) - setting_names()), "the compose file names settings the application does not read"
    assert not (not_used & set(environment))


def test_the_compose_file_requires_the_password_and_salt_and_loads_no_demo() -> None:
    services = compose()["services"]
    environment = services["api"]["environment"]
    for name in ("NEO4J_PASSWORD", "TALENTGRAPH_ID_SALT"):
        assert re.fullmatch(rf"\$\{{{name}:\?[^}}]+\}}", environment[name]), environment[name]
    assert services["neo4j"]["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")
    assert "change-me" not in (ROOT / "docker-compose.yml").read_text()
    for service in services.values():
        assert "--demo" not in " ".join(map(str, service.get("command", [])))
    assert "--demo" not in (ROOT / "Dockerfile").read_text()
    assert environment["TALENTGRAPH_MODE"] == "${TALENTGRAPH_MODE:-production}"


def test_the_compose_file_checks_both_services_health_and_keeps_data_and_backups_in_volumes() -> None:
    document = compose()
    services = document["services"]
    for name in ("neo4j", "api"):
        assert services[name]["healthcheck"]["test"], name
    assert "RETURN 1" in " ".join(services["neo4j"]["healthcheck"]["test"])
    assert "/healthz" in " ".join(services["api"]["healthcheck"]["test"])
    assert services["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    mounts = {mount.split(":")[1]: mount.split(":")[0] for mount in services["api"]["volumes"]}
    assert {"/data", "/backups"} <= set(mounts) and set(mounts.values()) <= set(document["volumes"])
    assert any(mount.endswith(":/data") for mount in services["neo4j"]["volumes"])
    assert "talentgraph backup" in " ".join(services["backup"]["command"])


def _ignored(patterns: list[str], path: str) -> bool:
    return any(fnmatch.fnmatch(path, pattern) or path.split("/")[0] == pattern for pattern in patterns)


def _build_copies() -> list[str]:
    """What the Dockerfile's build stage copies: the sources of the wheel."""
    build = (ROOT / "Dockerfile").read_text().split("\nFROM ")[1]
    return [source for line in re.findall(r"^COPY (.+)$", build, re.M) for source in line.split()[:-1]]


def test_the_docker_context_leaves_out_local_state_and_keeps_what_the_image_copies() -> None:
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()]
    patterns = [pattern for pattern in patterns if pattern and not pattern.startswith("#")]
    for local in (".git", ".venv", "var", "tests", ".env"):
        assert _ignored(patterns, local), local
    copies = _build_copies()
    assert {"pyproject.toml", "graph", "cypher", "server", "loaders"} <= set(copies)
    for copied in copies:
        assert not _ignored(patterns, copied), copied


def test_the_wheel_the_image_installs_holds_every_statement_reference_and_static_file(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for copied in _build_copies():
        if (ROOT / copied).is_dir():
            shutil.copytree(ROOT / copied, source / copied, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / copied, source / copied)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), "."],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = tmp_path.glob("talentgraph-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    expected = [name for folder in SHIPPED for name in tracked_files(folder)]
    assert len([name for name in expected if name.endswith(".cypher")]) > 100
    assert any(name.startswith("server/dashboard/static/") for name in expected)
    assert any(name.startswith("server/portal/static/") for name in expected)
    missing = [name for name in expected if name not in inside]
    assert not missing, f"files the image would lack: {missing}"


def test_the_systemd_units_run_the_api_per_port_and_a_nightly_backup() -> None:
    units = {}
    for name in ("talentgraph@.service", "talentgraph-backup.service", "talentgraph-backup.timer"):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read_string((ROOT / "deploy" / name).read_text())
        units[name] = parser
    api = units["talentgraph@.service"]["Service"]
    assert "serve --host 127.0.0.1 --port %i" in api["ExecStart"] and "--demo" not in api["ExecStart"]
    assert api["EnvironmentFile"] == "/etc/talentgraph/env" and api["User"] == "talentgraph"
    assert "talentgraph backup" in units["talentgraph-backup.service"]["Service"]["ExecStart"]
    assert units["talentgraph-backup.timer"]["Timer"]["OnCalendar"]
