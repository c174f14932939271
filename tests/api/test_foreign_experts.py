"""Foreign experts are identified as the loader identifies them: the same expert is one person however they came in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from graphql import get_named_type, is_leaf_type
from starlette.testclient import TestClient

from cypher import STATEMENTS, split_statements
from graph.identity import hash_passport, id_check_char, make_id_number
from loaders.load import load_file
from server.schema import schema
from tests.builders import institution
from tests.conftest import graphql

SALT = "test-salt"  # the client's (tests/conftest.py `settings`)
REGISTER_EXPERT = """mutation($input: RegisterForeignExpertInput!) { registerForeignExpert(input: $input) {
  __typename ... on ForeignExpertRegistered { expert { id name nationality highEnd } }
  ... on UserError { message field } } }"""
HEADER = "visit_id,expert_name,nationality,passport_no,passport_country,id_number,host_institution,arrived_on\n"


def residence_card(sequence: int) -> str:
    """A 2023-style permanent-residence card number: 9, 16 more digits, the MOD 11-2 check character."""
    first17 = f"913392{1980_04_02}{sequence:03d}"
    return first17 + id_check_char(first17)


def register(client: TestClient, key: str | bool = True, **identity: Any) -> dict[str, Any]:
    expert = {"name": "Anna Schmidt", "nationality": "DE", "institutionId": "cd", **identity}
    return graphql(client, REGISTER_EXPERT, {"input": expert}, key)["data"]["registerForeignExpert"]


def load_visits(on_db, tmp_path: Path, *rows: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "visits.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    summary = on_db(lambda db: load_file(db, path, "visits", SALT))
    assert summary.written and not summary.errors, summary.errors


def experts(cypher) -> list[dict[str, Any]]:
    return cypher(
        "MATCH (p:ForeignExpert) RETURN p.id AS id, COUNT { (p)-[:MADE]->(:Visit) } AS visits, "
        "p.passportHash IS NOT NULL AS passport, p.idHash IS NOT NULL AS identity ORDER BY id"
    )


def test_an_expert_registered_through_the_api_is_found_by_a_visits_file_naming_the_passport(
    client: TestClient,
    cypher,
    on_db,
    tmp_path: Path,
) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    registered = register(client, passport={"number": "c01x 00t47", "country": "Germany"})["expert"]["id"]
    # The file writes the nationality as a Chinese name and gives no issuing country: the nationality's is taken.
    load_visits(on_db, tmp_path, "V-1,Anna Schmidt,德国,C01X00T47,,,承德医学院,2024-03-01")
    assert experts(cypher) == [{"id": registered, "visits": 1, "passport": True, "identity": False}]


def test_an_expert_registered_with_a_residence_card_is_found_by_it_and_learns_the_files_passport(
    client: TestClient,
    cypher,
    on_db,
    tmp_path: Path,
) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    card = residence_card(7)
    registered = register(client, idNumber=card)["expert"]["id"]
    load_visits(on_db, tmp_path, f"V-1,Anna Schmidt,DE,C01X00T47,AT,{card},承德医学院,2024-03-01")
    # A later file naming only that passport (issued by Austria) finds the same expert.
    load_visits(on_db, tmp_path, "V-2,Anna Schmidt,DE,C01X00T47,AUT,,承德医学院,2024-05-01")
    assert experts(cypher) == [{"id": registered, "visits": 2, "passport": True, "identity": True}]
    [stored] = cypher("MATCH (p:ForeignExpert) RETURN p.passportHash AS hash")
    assert stored["hash"] == hash_passport("AT", "C01X00T47", SALT)


def test_an_expert_loaded_from_a_file_is_the_conflict_of_a_registration_with_the_same_passport(
    client: TestClient,
    cypher,
    keys,
    on_db,
    tmp_path: Path,
) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    load_visits(on_db, tmp_path, "V-1,Anna Schmidt,DE,C01X00T47,,,承德医学院,2024-03-01")
    [loaded] = experts(cypher)
    again = register(client, passport={"number": "C01X00T47", "country": "DE"})
    assert (again["__typename"], again["field"]) == ("ConflictError", "passport") and loaded["id"] in again["message"]
    # An institution key may not read an expert who is nobody's staff: referred to the bureau, as identity numbers are.
    referred = register(client, keys("institution", "cd"), passport={"number": "C01X00T47", "country": "DE"})
    assert referred["__typename"] == "ForeignExpertRegistered"
    [referral] = cypher(
        "MATCH (r:IdentityReferral)-[:REGISTERED]->(p:Person), (r)-[:MATCHES]->(h:Person) "
        "RETURN p.id AS registered, h.id AS holder, p.passportHash IS NULL AS unhashed"
    )
    assert referral == {"registered": referred["expert"]["id"], "holder": loaded["id"], "unhashed": True}


def test_neither_a_passport_nor_an_identity_number_nor_their_hash_is_stored_or_returned(
    client: TestClient, cypher
) -> None:
    institution(cypher, "cd", "承德医学院", "130802", "UNIVERSITY")
    card, resident = residence_card(9), make_id_number("130802", dt.date(1980, 4, 2), 11)
    first = register(client, passport={"number": "C01X00T47", "country": "DE"}, idNumber=card)["expert"]["id"]
    second = register(client, passport={"number": "X99887766", "country": "US"}, idNumber=resident)["expert"]["id"]
    stored = json.dumps(cypher("MATCH (n) RETURN properties(n) AS p"), default=str)
    hashes = cypher("MATCH (p:Person) RETURN p.idHash AS id, p.passportHash AS passport")
    assert all(len(row["id"]) == len(row["passport"]) == 64 for row in hashes)
    person_type = schema._schema.get_type("Person")
    fields = [name for name, field in person_type.fields.items() if is_leaf_type(get_named_type(field.type))]  # type: ignore[union-attr]
    assert not [name for name in person_type.fields if "hash" in name.lower() or "passport" in name.lower()]  # type: ignore[union-attr]
    answered = ""
    for person in (first, second):
        document = f"query($id: ID!) {{ person(id: $id) {{ {' '.join(fields)} }} }}"
        answered += json.dumps(graphql(client, document, {"id": person}))
    for secret in ("C01X00T47", "X99887766", card, resident, *(h for row in hashes for h in row.values())):
        assert secret not in answered
    for secret in ("C01X00T47", "X99887766", card, resident):
        assert secret not in stored


def test_the_migration_moves_a_loaded_experts_passport_hash_out_of_the_identity_hash(cypher) -> None:
    passport = hash_passport("DE", "C01X00T47", SALT)
    cypher(
        "CREATE (:Person:ForeignExpert {id: 'person-0123456789abcdef01234567', idHash: $hash}), "
        "(:Person:ForeignExpert {id: '7f1c1c7e-6a3c-4c1e-9d1b-1d8a6f0e2b11', idHash: 'api'})",
        hash=passport,
    )
    [_, move] = split_statements(STATEMENTS["migrations/0008_passports"])
    cypher(move)
    rows = cypher(
        "MATCH (p:ForeignExpert) RETURN p.id AS id, p.idHash AS id_hash, p.passportHash AS passport ORDER BY id"
    )
    assert rows == [
        {"id": "7f1c1c7e-6a3c-4c1e-9d1b-1d8a6f0e2b11", "id_hash": "api", "passport": None},
        {"id": "person-0123456789abcdef01234567", "id_hash": None, "passport": passport},
    ]
