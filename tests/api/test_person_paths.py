"""Every path of the schema that reaches a Person shows exactly what the caller may see of that person.

The paths are found by walking the GraphQL schema from every query and mutation field, so that a path
added later is checked too: a new root field that reaches a Person fails here until ROOTS says how to
ask for it, and a new edge below a known root must show another institution's person as a public
profile (and the world below must reach it). An institution key sees another institution's staff,
an invited member, a foreign expert it hosts, without contact details, certificate numbers or the rest
of their record; an anonymous caller sees no one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from graphql import (
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    Undefined,
    get_named_type,
)
from starlette.testclient import TestClient

from server.schema import schema
from tests.builders import institution, person
from tests.collaboration_builders import project, refresh_search
from tests.conftest import post_graphql

GRAPHQL = schema._schema
OWN, OTHER = "i-own", "i-other"
#: People the institution key OWN may see only the public profile of: another institution's staff, and a
#: foreign expert it hosts who works nowhere.
STRANGERS = {"p-other", "p-other2", "p-other3", "fe-1"}

#: What of a Person (and of its titles and jobs) a public profile leaves out; every other field is public.
#: A field added to these types must be put in one or the other (test below).
PRIVATE_PERSON = {"gender", "birthYear", "degree", "email", "phone"}
PUBLIC_PERSON = {
    "id",
    "name",
    "pinyin",
    "consentToContact",
    "foreignExpert",
    "nationality",
    "highEnd",
    "keywords",
    "employer",
    "region",
    "titles",
    "highestTitle",
    "employment",
    "fields",
}
PRIVATE_TITLE = {"certificateNo", "revokedOn", "revokedReason"}
PRIVATE_EMPLOYMENT = {"since", "until"}


@dataclass(frozen=True)
class Root:
    """How to ask for a root field in the test world, and whom the institution key OWN reaches through it."""

    arguments: str
    variables: dict[str, Any]
    reaches: str
    """"strangers": every path below reaches someone of STRANGERS; "own": only OWN's staff; "left": a person who
    has just left OWN, of whom OWN now sees only the public profile; "refused"."""


def team_input(leader: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": "新团队",
        "fields": ["vanadium-titanium"],
        "origin": "CULTIVATED",
        "leader": {"personId": leader, "invited": True},
        "members": members,
        "institutionId": OWN,
    }


ROOTS: dict[str, Root] = {
    "person": Root('(id: "p-own")', {}, "own"),
    "people": Root("", {}, "own"),
    "team": Root('(id: "t-own")', {}, "strangers"),
    "teams": Root("", {}, "strangers"),
    "visit": Root('(id: "v-own")', {}, "strangers"),
    "visits": Root("", {}, "strangers"),
    "project": Root('(id: "j-own")', {}, "strangers"),
    "collaborators": Root('(personId: "p-own")', {}, "strangers"),
    "searchExperts": Root('(query: "wang")', {}, "refused"),
    "identityReferrals": Root("", {}, "refused"),
    "registerPerson": Root(
        "(input: $input)", {"input": ("RegisterPersonInput!", {"name": "刘洋", "institutionId": OWN})}, "own"
    ),
    "updatePerson": Root(
        "(id: $id, input: $input)",
        {"id": ("ID!", "p-own"), "input": ("UpdatePersonInput!", {"email": "wang@example.cn"})},
        "own",
    ),
    "grantTitle": Root(
        "(input: $input)",
        {
            "input": (
                "GrantTitleInput!",
                {
                    "personId": "p-own",
                    "certificateNo": "C-NEW-1",
                    "series": "ENGINEERING",
                    "level": "SENIOR",
                    "grantedOn": "2023-01-01",
                },
            )
        },
        "own",
    ),
    "revokeTitle": Root("(certificateNo: $no)", {"no": ("String!", "C-OWN")}, "own"),
    "registerForeignExpert": Root(
        "(input: $input)",
        {
            "input": (
                "RegisterForeignExpertInput!",
                {
                    "name": "Kenji Sato",
                    "nationality": "JP",
                    "passport": {"number": "TR1234567", "country": "JP"},
                    "institutionId": OWN,
                },
            )
        },
        "own",
    ),
    "registerTeam": Root(
        "(input: $input)",
        {"input": ("RegisterTeamInput!", team_input("p-other2", [{"personId": "p-own2"}]))},
        "strangers",
    ),
    "addTeamMember": Root(
        "(teamId: $team, member: $member)",
        {"team": ("ID!", "t-own"), "member": ("TeamMemberInput!", {"personId": "p-own2"})},
        "strangers",
    ),
    "removeTeamMember": Root(
        "(teamId: $team, personId: $person)", {"team": ("ID!", "t-own"), "person": ("ID!", "p-own")}, "strangers"
    ),
    "resubmitTeam": Root("(id: $id)", {"id": ("ID!", "t-rej")}, "strangers"),
    "reviewTeam": Root('(id: $id, decision: APPROVE, comment: "好")', {"id": ("ID!", "t-own")}, "refused"),
    "recognizeTeam": Root('(id: $id, on: "2024-05-01")', {"id": ("ID!", "t-app")}, "refused"),
    "recordVisit": Root(
        "(input: $input)",
        {"input": ("RecordVisitInput!", {"expertId": "fe-1", "arrivedOn": "2024-06-01", "institutionId": OWN})},
        "strangers",
    ),
    "registerProject": Root(
        "(input: $input)",
        {
            "input": (
                "RegisterProjectInput!",
                {
                    "name": "钒钛提取",
                    "kind": "MUNICIPAL",
                    "year": 2023,
                    "institutionId": OWN,
                    "participants": [{"personId": "p-own"}, {"personId": "p-other"}],
                },
            )
        },
        "strangers",
    ),
    "endEmployment": Root(
        "(input: $input)", {"input": ("EndEmploymentInput!", {"personId": "p-own2", "on": "2024-01-01"})}, "left"
    ),
    "updateForeignExpert": Root(
        "(id: $id, input: $input)",
        {"id": ("ID!", "fe-1"), "input": ("UpdateForeignExpertInput!", {"highEnd": False})},
        "refused",  # an expert nobody employs is corrected by administrators only
    ),
    "updateVisit": Root(
        "(id: $id, input: $input)",
        {"id": ("ID!", "v-own"), "input": ("UpdateVisitInput!", {"purpose": "学术交流"})},
        "strangers",
    ),
    "updateProject": Root(
        "(id: $id, input: $input)",
        {"id": ("ID!", "j-own"), "input": ("UpdateProjectInput!", {"name": "钒钛新材料"})},
        "strangers",
    ),
}


def world(cypher) -> None:
    """OWN in Chengde and OTHER in Beijing; OWN's teams, project and visit hold OTHER's staff and a foreign expert."""
    institution(cypher, OWN, "承德钒钛研究院", "130802", "INSTITUTE", ("vanadium-titanium",))
    institution(cypher, OTHER, "北京材料大学", "110000", "UNIVERSITY")
    institution(cypher, "i-former", "北京旧单位", "110000", "ENTERPRISE")
    titles = (("C-OWN", "ENGINEERING", "INTERMEDIATE", "2019-03-01"),)
    person(cypher, "p-own", "王强", "wang qiang", OWN, ("vanadium-titanium",), titles)
    person(cypher, "p-own2", "李娜", "li na", OWN)
    for n, id in enumerate(("p-other", "p-other2", "p-other3")):
        titles = ((f"C-OTHER-{n}", "HEALTH", "SENIOR", "2015-09-01"), (f"C-OLD-{n}", "HEALTH", "JUNIOR", "2001-01-01"))
        person(cypher, id, "张伟", "zhang wei", OTHER, ("vanadium-titanium",), titles)
    cypher(
        """MATCH (p:Person) SET p.email = p.id + '@example.cn', p.phone = '0314-1234567', p.gender = 'MALE',
                                p.degree = 'DOCTORATE'
           WITH p MATCH (p)-[:HOLDS]->(t:Title) WHERE t.certificateNo STARTS WITH 'C-OLD'
           SET t.revokedOn = date('2010-01-01'), t.revokedReason = '撤销'"""
    )
    cypher(
        """MATCH (p:Person {id: 'p-other'}), (i:Institution {id: 'i-former'})
           CREATE (p)-[:WORKS_AT {since: date('2005-01-01'), until: date('2012-12-31'), role: '工程师'}]->(i)"""
    )
    cypher(
        """CREATE (:Person:ForeignExpert {id: 'fe-1', name: 'Anna Schmidt', pinyin: 'anna schmidt', nationality: 'DE',
                                         highEnd: true, consentToContact: false, email: 'anna@example.de',
                                         birthYear: 1970})"""
    )
    # OWN's teams: one led by an invited stranger with OWN's staff and another stranger, one rejected led by a
    # third stranger, one approved.
    for team_id, status, leader, members in (
        ("t-own", "submitted", "p-other", ["p-own", "p-other3"]),
        ("t-rej", "rejected", "p-other3", ["p-own"]),
        ("t-app", "approved", "p-own2", ["p-other"]),
    ):
        cypher(
            """MATCH (i:Institution {id: $institution}), (f:Field {code: 'vanadium-titanium'})
               CREATE (t:Team {id: $id, name: $id, status: $status, origin: 'CULTIVATED'})-[:BASED_AT]->(i),
                      (t)-[:FOCUSES_ON]->(f)
               WITH t MATCH (l:Person {id: $leader}) CREATE (l)-[:MEMBER_OF {role: 'leader', invited: true}]->(t)
               WITH t UNWIND $members AS m MATCH (p:Person {id: m})
               CREATE (p)-[:MEMBER_OF {role: 'member', invited: p.id STARTS WITH 'p-other'}]->(t)""",
            id=team_id,
            status=status,
            leader=leader,
            members=members,
            institution=OWN,
        )
    project(cypher, "j-own", "钒钛磁铁矿综合利用", OWN, ("p-own", "p-other"))
    cypher(
        """MATCH (p:Person {id: 'fe-1'}), (i:Institution {id: $own})
           CREATE (p)-[:MADE]->(:Visit {id: 'v-own', arrivedOn: date('2024-03-01'), departedOn: date('2024-03-09')})
                  -[:HOSTED_BY]->(i)""",
        own=OWN,
    )
    refresh_search(cypher)


# -- walking the schema -------------------------------------------------------------------------------------

Step = str  # a field name, or "... on Type" below a union or interface
Path = tuple[Step, ...]


def _object_types(named: GraphQLNamedType) -> list[tuple[Step | None, GraphQLObjectType]]:
    """The object types a field's type stands for: itself, or each member of a union or interface."""
    if isinstance(named, GraphQLObjectType):
        return [(None, named)]
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
        return [(f"... on {member.name}", member) for member in GRAPHQL.get_possible_types(named)]
    return []


def paths_to_person(field: GraphQLField) -> list[Path]:
    """Every path of fields (and type conditions) below `field` that ends at a Person, without cycles."""
    found: list[Path] = []

    def walk(named: GraphQLNamedType, path: Path, seen: frozenset[str]) -> None:
        if named.name == "Person":
            found.append(path)
            return
        for condition, object_type in _object_types(named):
            if object_type.name in seen:
                continue
            here = path + ((condition,) if condition else ())
            for name, child in object_type.fields.items():
                required = [
                    arg
                    for arg, spec in child.args.items()
                    if isinstance(spec.type, GraphQLNonNull) and spec.default_value is Undefined
                ]
                assert not required, f"{'.'.join(here + (name,))} needs arguments {required}: teach the walk them"
                walk(get_named_type(child.type), here + (name,), seen | {object_type.name})

    walk(get_named_type(field.type), (), frozenset())
    return found


def roots_reaching_a_person() -> dict[str, tuple[str, list[Path]]]:
    """Every query and mutation field with a path to a Person: its operation type and paths."""
    roots: dict[str, tuple[str, list[Path]]] = {}
    for operation, root_type in (("query", GRAPHQL.query_type), ("mutation", GRAPHQL.mutation_type)):
        assert root_type is not None
        for name, field in root_type.fields.items():
            paths = paths_to_person(field)
            if paths:
                roots[name] = (operation, paths)
    return roots


def _scalars(object_type: GraphQLObjectType, depth: int) -> str:
    """A selection of `object_type`'s fields: scalars, and objects to `depth`; Boolean arguments set true."""
    parts = []
    for name, field in object_type.fields.items():
        named = get_named_type(field.type)
        arguments = ", ".join(f"{arg}: true" for arg, spec in field.args.items() if "Boolean" in str(spec.type))
        call = f"{name}({arguments})" if arguments else name
        if isinstance(named, GraphQLObjectType):
            if depth > 0:
                parts.append(f"{call} {{ {_scalars(named, depth - 1)} }}")
        elif not isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
            parts.append(call)
    return " ".join(parts)


PERSON = _scalars(GRAPHQL.get_type("Person"), 2)  # type: ignore[arg-type]


def selection(paths: list[Path]) -> str:
    """One selection set holding every path, each ending in every field of Person."""
    tree: dict[str, Any] = {}
    for path in paths:
        node = tree
        for step in path:
            node = node.setdefault(step, {})
        node["<person>"] = {}

    def render(node: dict[str, Any]) -> str:
        parts = ["__typename"]
        for step, below in node.items():
            parts.append(PERSON if step == "<person>" else f"{step} {{ {render(below)} }}")
        return " ".join(parts)

    return render(tree)


def document(root: str, operation: str, paths: list[Path]) -> tuple[str, dict[str, Any]]:
    spec = ROOTS[root]
    declared = ", ".join(f"${name}: {kind}" for name, (kind, _) in spec.variables.items())
    head = f"{operation}({declared})" if declared else operation
    variables = {name: value for name, (_, value) in spec.variables.items()}
    return f"{head} {{ {root}{spec.arguments} {{ {selection(paths)} }} }}", variables


def people_at(value: Any, path: Path) -> list[dict[str, Any]]:
    """The Person objects a response holds at `path` (lists flattened, type conditions checked)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [found for item in value for found in people_at(item, path)]
    if not path:
        return [value]
    step, rest = path[0], path[1:]
    if step.startswith("... on "):
        return people_at(value, rest) if value.get("__typename") == step.removeprefix("... on ") else []
    return people_at(value.get(step), rest)


def assert_public_profile(found: dict[str, Any], where: str) -> None:
    """`found` shows nothing of a person's record beyond the public profile, and shows that profile."""
    for field in PRIVATE_PERSON:
        assert found[field] is None, (where, field, found[field])
    assert found["name"] and found["employment"] is not None
    for title in found["titles"] + ([found["highestTitle"]] if found["highestTitle"] else []):
        assert all(title[field] is None for field in PRIVATE_TITLE), (where, title)
    for job in found["employment"]:
        assert all(job[field] is None for field in PRIVATE_EMPLOYMENT), (where, job)
    if found["id"].startswith("p-other"):
        assert [title["level"] for title in found["titles"]] == ["SENIOR"], (where, found["titles"])
        assert [job["institution"]["id"] for job in found["employment"]] == [OTHER], (where, found["employment"])


ROOTS_FOUND = roots_reaching_a_person()


def test_every_root_that_reaches_a_person_is_known() -> None:
    assert set(ROOTS_FOUND) == set(ROOTS), "say in ROOTS how to ask for each root field that reaches a Person"


def test_every_field_of_a_person_is_public_or_private() -> None:
    fields = set(GRAPHQL.get_type("Person").fields)  # type: ignore[union-attr]
    assert fields == PUBLIC_PERSON | PRIVATE_PERSON and not PUBLIC_PERSON & PRIVATE_PERSON
    assert set(GRAPHQL.get_type("Title").fields) >= PRIVATE_TITLE  # type: ignore[union-attr]


@pytest.mark.parametrize("root", sorted(ROOTS_FOUND))
def test_an_institution_key_sees_only_the_public_profile_of_others_through_every_path(
    client: TestClient, cypher, keys, root: str
) -> None:
    world(cypher)
    operation, paths = ROOTS_FOUND[root]
    text, variables = document(root, operation, paths)
    body = post_graphql(client, text, variables, keys("institution", OWN)).json()
    answer = (body.get("data") or {}).get(root)
    reaches = ROOTS[root].reaches
    if reaches == "refused":
        refused = body.get("errors") or (answer or {}).get("__typename") in ("NotAllowedError", "NotFoundError")
        assert refused and not [p for path in paths for p in people_at(answer, path)], body
        return
    assert "errors" not in body, body
    for path in paths:
        where = f"{root}.{'.'.join(path)}"
        found = people_at(answer, path)
        strangers = [p for p in found if p["id"] in STRANGERS or reaches == "left"]
        if reaches in ("strangers", "left"):
            assert strangers, f"{where} reached nobody of another institution: make world() reach them ({found})"
        else:
            assert found and not strangers, (where, found)
        for stranger in strangers:
            assert_public_profile(stranger, where)
        for own in (p for p in found if p not in strangers):
            assert own["employer"]["id"] == OWN and (
                own["email"] or root in ("registerPerson", "registerForeignExpert")
            )


@pytest.mark.parametrize("root", sorted(ROOTS_FOUND))
def test_an_anonymous_caller_sees_no_one_through_any_path(client: TestClient, cypher, root: str) -> None:
    world(cypher)
    operation, paths = ROOTS_FOUND[root]
    text, variables = document(root, operation, paths)
    body = post_graphql(client, text, variables, None).json()
    answer = (body.get("data") or {}).get(root)
    assert body.get("errors") or (answer or {}).get("__typename") == "NotAllowedError", body
    assert not [p for path in paths for p in people_at(answer, path)], body


def test_the_walk_finds_the_edges_that_once_leaked() -> None:
    """The paths issue 17 found, as a check that the walk itself finds edges."""
    assert ("participants", "person") in ROOTS_FOUND["project"][1]
    assert ("person",) in ROOTS_FOUND["collaborators"][1]
    assert ("... on TeamRegistered", "team", "members", "person") in ROOTS_FOUND["registerTeam"][1]
    assert ("... on TeamMemberAdded", "team", "members", "person") in ROOTS_FOUND["addTeamMember"][1]
