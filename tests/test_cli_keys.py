"""`talentgraph keys create|list|revoke`: the key is printed once, alone on the last line, stored as a hash."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from graph.runtime import Neo4jConnection
from server.cli import main
from tests.builders import institution
from tests.conftest import post_graphql


@pytest.fixture
def database_env(monkeypatch, neo4j_connection: Neo4jConnection) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_connection.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_connection.database)


def test_created_key_works_until_it_is_revoked(
    database_env, capsys, cypher, client: TestClient, settings, neo4j_connection
) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    assert main(["keys", "create", "--role", "institution", "--institution", "cd", "--name", "医学院科研处"]) == 0
    secret = capsys.readouterr().out.strip().splitlines()[-1]
    assert secret.startswith("tg_") and " " not in secret
    stored = cypher("MATCH (k:ApiKey {role: 'institution'}) RETURN k.id AS id, k.hash AS hash, k.institution AS i")
    assert stored[0]["i"] == "cd" and secret not in str(stored) and len(stored[0]["hash"]) == 64
    key_id = stored[0]["id"]

    body = post_graphql(client, "{ institutions { nodes { id } } }", key=secret).json()
    assert body["data"]["institutions"]["nodes"] == [{"id": "cd"}]

    assert main(["keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert key_id in listed and "institution" in listed and "active" in listed and secret not in listed

    assert main(["keys", "revoke", key_id]) == 0
    assert "Revoked" in capsys.readouterr().out
    assert main(["keys", "revoke", key_id]) == 2
    assert "already revoked" in capsys.readouterr().err
    operations = cypher("MATCH (a:AuditEntry) RETURN a.operation AS op, a.role AS role ORDER BY a.at")
    assert operations == [{"op": "createKey", "role": "operator"}, {"op": "revokeKey", "role": "operator"}]

    from server.app import create_app

    with TestClient(create_app(settings, neo4j_connection)) as fresh:
        assert post_graphql(fresh, "{ titleLevels { code } }", key=secret).status_code == 401


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["keys", "create", "--role", "institution"], "needs the institution"),
        (["keys", "create", "--role", "institution", "--institution", "nowhere"], "No institution"),
        (["keys", "create", "--role", "analyst", "--institution", "cd"], "not bound to an institution"),
        (["keys", "revoke", "no-such-key"], "No key"),
    ],
)
def test_bad_key_commands_say_what_is_wrong_and_write_nothing(database_env, capsys, cypher, argv, message) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert cypher("MATCH (n) WHERE n:ApiKey OR n:AuditEntry RETURN count(n) AS n")[0]["n"] == 0
