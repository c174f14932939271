"""Build teams, platforms, projects and former employment for search and collaborator tests."""

from __future__ import annotations

from cypher import STATEMENTS
from graph.derivation import derive, reference_from
from graph.facts import facts_from, workplace_from
from tests.builders import Cypher


def refresh_search(cypher: Cypher) -> None:
    """Recompute every person's search document from the graph, as every write that changes a person does."""
    ids = [row["id"] for row in cypher("MATCH (p:Person) RETURN p.id AS id")]
    reference = reference_from(cypher(STATEMENTS["derived/reference"])[0])
    rows = cypher(STATEMENTS["derived/facts"], ids=ids)
    institutions = list({job["institution"] for row in rows for job in row["jobs"]})
    places = {row["id"]: workplace_from(row) for row in cypher(STATEMENTS["derived/institutions"], ids=institutions)}
    documents = [{"id": row["id"], "document": derive(facts_from(row, places), reference).document} for row in rows]
    cypher(STATEMENTS["derived/write_documents"], documents=documents)


def team(
    cypher: Cypher, id: str, name: str, institution: str, members: tuple[str, ...], fields: tuple[str, ...] = ()
) -> str:
    cypher(
        """MATCH (i:Institution {id: $institution})
              CREATE (t:Team {id: $id, name: $name, status: 'recognized'})-[:BASED_AT]->(i)
              WITH t UNWIND $members AS member MATCH (p:Person {id: member})
              CREATE (p)-[:MEMBER_OF {role: 'member', since: date('2020-01-01')}]->(t)""",
        id=id,
        name=name,
        institution=institution,
        members=list(members),
    )
    cypher(
        """MATCH (t:Team {id: $id}) UNWIND $fields AS code MATCH (f:Field {code: code})
              CREATE (t)-[:FOCUSES_ON]->(f)""",
        id=id,
        fields=list(fields),
    )
    return id


def platform(
    cypher: Cypher, id: str, name: str, institution: str, people: tuple[str, ...], fields: tuple[str, ...] = ()
) -> str:
    cypher(
        """MATCH (i:Institution {id: $institution})
              CREATE (x:Platform {id: $id, name: $name, kind: 'KEY_LAB', level: 'PROVINCIAL'})
                     -[:HOSTED_BY]->(i)
              WITH x UNWIND $people AS person MATCH (p:Person {id: person})
              CREATE (p)-[:ROLE_AT {role: 'researcher'}]->(x)""",
        id=id,
        name=name,
        institution=institution,
        people=list(people),
    )
    cypher(
        """MATCH (x:Platform {id: $id}) UNWIND $fields AS code MATCH (f:Field {code: code})
              CREATE (x)-[:FOCUSES_ON]->(f)""",
        id=id,
        fields=list(fields),
    )
    return id


def project(
    cypher: Cypher, id: str, name: str, institution: str, participants: tuple[str, ...], year: int = 2023
) -> str:
    cypher(
        """MATCH (i:Institution {id: $institution})
              CREATE (i)-[:RAN {role: 'LEAD'}]->
                     (j:Project {id: $id, name: $name, kind: 'MUNICIPAL', year: $year})
              WITH j UNWIND $participants AS person MATCH (p:Person {id: person})
              CREATE (p)-[:WORKED_ON {role: 'MEMBER'}]->(j)""",
        id=id,
        name=name,
        institution=institution,
        participants=list(participants),
        year=year,
    )
    return id


def formerly_worked_at(cypher: Cypher, person: str, institution: str) -> None:
    cypher(
        """MATCH (p:Person {id: $person}), (i:Institution {id: $institution})
              CREATE (p)-[:WORKS_AT {since: date('2005-01-01'), until: date('2012-12-31')}]->(i)""",
        person=person,
        institution=institution,
    )
