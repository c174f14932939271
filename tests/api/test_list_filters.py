"""Every list's filter operators, sort keys and paging, checked against a brute-force filter in Python.

One seeded world (institutions, people, teams, platforms, visits) is written to the database; random
filters (`…In` lists, ranges, AND, OR, not) and random orders are asked of the API and the answers
compared with the same filter and sort computed here over the same records. A failure prints the seed
and the filter, so it reproduces.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.reference_data import read_reference
from graph.vocabulary import InstitutionType, Level, PlatformKind, TeamOrigin, TeamStatus, TitleLevel, TitleSeries
from tests.conftest import graphql

SEED = 22
Record = dict[str, Any]
Predicate = Callable[[Record], bool]


def _parents(name: str) -> dict[str, str | None]:
    return {row["code"]: row["parent"] for row in read_reference(name)}


REGION_PARENT = _parents("regions")
FIELD_PARENT = _parents("fields")


def lineage(code: str | None, parents: dict[str, str | None]) -> set[str]:
    """`code` and every code above it."""
    found: set[str] = set()
    while code:
        found.add(code)
        code = parents.get(code)
    return found


CHARS = "李王张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗"
SYLLABLES = ["li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu"]
COUNTRIES = ["DE", "JP", "US", "FR", "KR"]


@dataclass
class World:
    """The records written to the database, as this module reads them."""

    institutions: list[Record] = field(default_factory=list)
    people: list[Record] = field(default_factory=list)
    teams: list[Record] = field(default_factory=list)
    platforms: list[Record] = field(default_factory=list)
    visits: list[Record] = field(default_factory=list)


def some(rng: random.Random, values: list[Any], most: int = 3) -> list[Any]:
    return rng.sample(values, rng.randint(1, min(most, len(values))))


def make_world(rng: random.Random) -> World:
    world = World()
    regions = sorted(REGION_PARENT)
    fields = sorted(FIELD_PARENT)
    for n in range(10):
        world.institutions.append(
            {
                "id": f"fi{n}",
                "name": "".join(rng.choices(CHARS, k=3)) + "研究院",
                "type": rng.choice([t.value for t in InstitutionType][:4]),
                "region": rng.choice(regions),
                "fields": rng.sample(fields, rng.randint(0, 2)),
                "highTech": rng.choice([True, False, None]),
                "techSme": rng.choice([True, False]),
            }
        )
    ids = [i["id"] for i in world.institutions]
    for n in range(48):
        foreign = rng.random() < 0.25
        employer = rng.choice(ids) if rng.random() < 0.8 else None
        world.people.append(
            {
                "id": f"fp{n:02}",
                "name": "".join(rng.choices(CHARS, k=rng.randint(2, 3))),
                "pinyin": " ".join(rng.choices(SYLLABLES, k=2)),
                "birthYear": rng.choice([None, 1960, 1970, 1975, 1980, 1985, 1990]),
                "consentToContact": rng.choice([True, False]),
                "foreignExpert": foreign,
                "nationality": rng.choice(COUNTRIES) if foreign else None,
                "highEnd": rng.choice([True, False]) if foreign else None,
                "employer": employer,
                "past": rng.choice([i for i in ids if i != employer]) if rng.random() < 0.3 else None,
                "fields": rng.sample(fields, rng.randint(0, 2)),
                "titles": [
                    {
                        "certificateNo": f"fc{n}-{k}",
                        "series": rng.choice([s.value for s in TitleSeries][:4]),
                        "level": rng.choice([level.value for level in TitleLevel]),
                        "revoked": rng.random() < 0.2,
                    }
                    for k in range(rng.randint(0, 2))
                ],
            }
        )
    people = [p["id"] for p in world.people]
    for n in range(14):
        world.teams.append(
            {
                "id": f"ft{n:02}",
                "name": "".join(rng.choices(CHARS, k=2)) + "团队",
                "status": rng.choice([s.value for s in TeamStatus]),
                "origin": rng.choice([o.value for o in TeamOrigin]),
                "level": rng.choice([level.value for level in Level] + [None]),
                "institution": rng.choice(ids),
                "fields": rng.sample(fields, rng.randint(0, 2)),
                "members": rng.sample(people, rng.randint(1, 3)),
            }
        )
    for n in range(14):
        world.platforms.append(
            {
                "id": f"fl{n:02}",
                "name": "".join(rng.choices(CHARS, k=2)) + "平台",
                "kind": rng.choice([k.value for k in PlatformKind][:3]),
                "level": rng.choice([level.value for level in Level]),
                "establishedOn": rng.choice([None, dt.date(2010, 1, 1), dt.date(2015, 6, 1), dt.date(2020, 3, 1)]),
                "institution": rng.choice(ids),
                "fields": rng.sample(fields, rng.randint(0, 2)),
            }
        )
    experts = [p for p in world.people if p["foreignExpert"]]
    for n in range(20):
        arrived = dt.date(2020, 1, 1) + dt.timedelta(days=rng.choice([0, 30, 90, 400, 800]))
        world.visits.append(
            {
                "id": f"fv{n:02}",
                "expert": rng.choice(experts)["id"],
                "institution": rng.choice(ids),
                "arrivedOn": arrived,
                "departedOn": rng.choice([None, arrived + dt.timedelta(days=10)]),
                "program": rng.choice(["高端外国专家项目", "燕赵友谊奖", "引智计划"]),
            }
        )
    return world


def write_world(cypher: Any, world: World) -> None:
    cypher(
        """UNWIND $rows AS row MATCH (r:Region {code: row.region})
           CREATE (i:Institution {id: row.id, name: row.name, type: row.type, highTech: row.highTech,
                                  techSme: row.techSme})-[:LOCATED_IN]->(r)
           WITH i, row UNWIND row.fields AS code MATCH (f:Field {code: code}) CREATE (i)-[:FOCUSES_ON]->(f)""",
        rows=world.institutions,
    )
    cypher(
        """UNWIND $rows AS row
           CREATE (p:Person {id: row.id, name: row.name, pinyin: row.pinyin, birthYear: row.birthYear,
                             consentToContact: row.consentToContact, nationality: row.nationality,
                             highEnd: row.highEnd})
           FOREACH (_ IN CASE WHEN row.foreignExpert THEN [1] ELSE [] END | SET p:ForeignExpert)
           WITH p, row
           CALL (p, row) { MATCH (i:Institution {id: row.employer})
                           CREATE (p)-[:WORKS_AT {since: date('2018-01-01')}]->(i) }
           CALL (p, row) { MATCH (i:Institution {id: row.past})
                           CREATE (p)-[:WORKS_AT {since: date('2010-01-01'), until: date('2017-12-31')}]->(i) }
           CALL (p, row) { UNWIND row.fields AS code MATCH (f:Field {code: code})
                           CREATE (p)-[:EXPERT_IN {weight: 1.0}]->(f) }
           CALL (p, row) { UNWIND row.titles AS t
                           CREATE (p)-[:HOLDS]->(:Title {certificateNo: t.certificateNo, series: t.series,
                                  level: t.level, name: t.series + t.level, grantedOn: date('2019-01-01'),
                                  directed: false,
                                  revokedOn: CASE WHEN t.revoked THEN date('2021-01-01') END}) }""",
        rows=world.people,
    )
    cypher(
        """UNWIND $rows AS row MATCH (i:Institution {id: row.institution})
           CREATE (t:Team {id: row.id, name: row.name, status: row.status, origin: row.origin, level: row.level,
                           createdAt: datetime(), submittedAt: datetime()})-[:BASED_AT]->(i)
           WITH t, row
           CALL (t, row) { UNWIND row.fields AS code MATCH (f:Field {code: code}) CREATE (t)-[:FOCUSES_ON]->(f) }
           CALL (t, row) { UNWIND range(0, size(row.members) - 1) AS n MATCH (p:Person {id: row.members[n]})
                           CREATE (p)-[:MEMBER_OF {role: CASE n WHEN 0 THEN 'leader' ELSE 'core' END,
                                                   since: date('2020-01-01')}]->(t) }""",
        rows=world.teams,
    )
    cypher(
        """UNWIND $rows AS row MATCH (i:Institution {id: row.institution})
           CREATE (pl:Platform {id: row.id, name: row.name, kind: row.kind, level: row.level,
                                establishedOn: row.establishedOn, createdAt: datetime()})-[:HOSTED_BY]->(i)
           WITH pl, row UNWIND row.fields AS code MATCH (f:Field {code: code}) CREATE (pl)-[:FOCUSES_ON]->(f)""",
        rows=world.platforms,
    )
    cypher(
        """UNWIND $rows AS row MATCH (e:Person {id: row.expert}), (i:Institution {id: row.institution})
           CREATE (e)-[:MADE]->(v:Visit {id: row.id, arrivedOn: row.arrivedOn, departedOn: row.departedOn,
                                         program: row.program, createdAt: datetime()})-[:HOSTED_BY]->(i)""",
        rows=world.visits,
    )


# What each list's atoms of filter are: (GraphQL where, the same test in Python).
Atom = tuple[dict[str, Any], Predicate]


def codes_atoms(rng: random.Random, name: str, values: list[str], of: Callable[[Record], set[str]]) -> Atom:
    """`name` equal to one value, or `nameIn` a few (sometimes none)."""
    if rng.random() < 0.5:
        value = rng.choice(values)
        return {name: value}, lambda r: value in of(r)
    chosen = rng.sample(values, rng.choice([0, 1, 2, 2, 3, 3]) if len(values) >= 3 else 1)
    return {f"{name}In": chosen}, lambda r: bool(set(chosen) & of(r))


def range_atom(rng: random.Random, name: str, values: list[Any], of: Callable[[Record], Any], text: bool) -> Atom:
    low, high = sorted(rng.sample(values, 2))
    bounds = rng.choice([{"gte": low}, {"lte": high}, {"gte": low, "lte": high}])
    shown = {key: value.isoformat() if text else value for key, value in bounds.items()}

    def holds(record: Record) -> bool:
        value = of(record)
        return value is not None and bounds.get("gte", value) <= value <= bounds.get("lte", value)

    return {name: shown}, holds


def flag_atom(rng: random.Random, name: str, of: Callable[[Record], bool]) -> Atom:
    value = rng.choice([True, False])
    return {name: value}, lambda r: of(r) == value


def employer(world: World) -> Callable[[Record], Record | None]:
    by_id = {i["id"]: i for i in world.institutions}
    return lambda person: by_id.get(person["employer"]) if person["employer"] else None


def people_atom(rng: random.Random, world: World) -> Atom:
    works_at = employer(world)
    ids = [i["id"] for i in world.institutions]
    live = lambda p: [t for t in p["titles"] if not t["revoked"]]  # noqa: E731
    levels = [level.value for level in TitleLevel]
    rank = {level.value: level.rank for level in TitleLevel}
    choice = rng.randrange(11)
    if choice == 0:
        return codes_atoms(
            rng,
            "region",
            sorted(REGION_PARENT),
            lambda p: lineage(works_at(p)["region"], REGION_PARENT) if works_at(p) else set(),  # type: ignore[index]
        )
    if choice == 1:
        return codes_atoms(rng, "institutionId", ids, lambda p: {p["employer"]} if p["employer"] else set())
    if choice == 2:
        types = [t.value for t in InstitutionType][:4]
        return codes_atoms(rng, "institutionType", types, lambda p: {works_at(p)["type"]} if works_at(p) else set())  # type: ignore[index]
    if choice == 3:
        return codes_atoms(
            rng, "field", sorted(FIELD_PARENT), lambda p: set().union(*(lineage(f, FIELD_PARENT) for f in p["fields"]))
        )
    if choice == 4:
        series = [s.value for s in TitleSeries][:4]
        return codes_atoms(rng, "titleSeries", series, lambda p: {t["series"] for t in live(p)})
    if choice == 5:
        if rng.random() < 0.5:
            return codes_atoms(rng, "titleLevel", levels, lambda p: {t["level"] for t in live(p)})
        low, high = sorted(rng.sample(levels, 2), key=lambda code: rank[code])
        bounds = rng.choice([{"gte": low}, {"lte": high}, {"gte": low, "lte": high}])
        lowest, highest = (
            rank[bounds.get("gte", min(levels, key=rank.get))],
            rank[bounds.get("lte", max(levels, key=rank.get))],
        )
        return {"titleLevelRange": bounds}, lambda p: any(lowest <= rank[t["level"]] <= highest for t in live(p))
    if choice == 6:
        return range_atom(rng, "birthYear", [1960, 1970, 1975, 1980, 1985, 1990], lambda p: p["birthYear"], False)
    if choice == 7:
        return flag_atom(rng, "foreignExpert", lambda p: p["foreignExpert"])
    if choice == 8:
        return codes_atoms(rng, "nationality", COUNTRIES, lambda p: {p["nationality"]} if p["nationality"] else set())
    if choice == 9:
        return flag_atom(rng, "consentToContact", lambda p: p["consentToContact"])
    text = rng.choice(rng.choice(world.people)["name"])
    return {"name": text}, lambda p: text in p["name"]


def institutions_atom(rng: random.Random, world: World) -> Atom:
    choice = rng.randrange(5)
    if choice == 0:
        return codes_atoms(rng, "region", sorted(REGION_PARENT), lambda i: lineage(i["region"], REGION_PARENT))
    if choice == 1:
        return codes_atoms(rng, "type", [t.value for t in InstitutionType][:4], lambda i: {i["type"]})
    if choice == 2:
        return codes_atoms(
            rng, "field", sorted(FIELD_PARENT), lambda i: set().union(*(lineage(f, FIELD_PARENT) for f in i["fields"]))
        )
    if choice == 3:
        return flag_atom(rng, "highTech", lambda i: bool(i["highTech"]))
    return flag_atom(rng, "techSme", lambda i: i["techSme"])


def teams_atom(rng: random.Random, world: World) -> Atom:
    choice = rng.randrange(6)
    if choice == 0:
        statuses = {s.value: s.name for s in TeamStatus}
        atom, holds = codes_atoms(rng, "status", list(statuses), lambda t: {t["status"]})
        # GraphQL names the statuses by their enum names (SUBMITTED); the graph by their codes (submitted).
        shown = {
            key: [statuses[v] for v in value] if isinstance(value, list) else statuses[value]
            for key, value in atom.items()
        }
        return shown, holds
    if choice == 1:
        return codes_atoms(rng, "institutionId", [i["id"] for i in world.institutions], lambda t: {t["institution"]})
    if choice == 2:
        return codes_atoms(
            rng, "field", sorted(FIELD_PARENT), lambda t: set().union(*(lineage(f, FIELD_PARENT) for f in t["fields"]))
        )
    if choice == 3:
        return codes_atoms(rng, "origin", [o.value for o in TeamOrigin], lambda t: {t["origin"]})
    if choice == 4:
        return codes_atoms(rng, "level", [level.value for level in Level], lambda t: {t["level"]} - {None})
    return codes_atoms(rng, "memberId", [p["id"] for p in world.people], lambda t: set(t["members"]))


def platforms_atom(rng: random.Random, world: World) -> Atom:
    choice = rng.randrange(5)
    if choice == 0:
        return codes_atoms(rng, "institutionId", [i["id"] for i in world.institutions], lambda pl: {pl["institution"]})
    if choice == 1:
        return codes_atoms(rng, "kind", [k.value for k in PlatformKind][:3], lambda pl: {pl["kind"]})
    if choice == 2:
        return codes_atoms(rng, "level", [level.value for level in Level], lambda pl: {pl["level"]})
    if choice == 3:
        return codes_atoms(
            rng,
            "field",
            sorted(FIELD_PARENT),
            lambda pl: set().union(*(lineage(f, FIELD_PARENT) for f in pl["fields"])),
        )
    dates = [dt.date(2010, 1, 1), dt.date(2012, 1, 1), dt.date(2015, 6, 1), dt.date(2018, 1, 1), dt.date(2020, 3, 1)]
    return range_atom(rng, "establishedOn", dates, lambda pl: pl["establishedOn"], True)


def visits_atom(rng: random.Random, world: World) -> Atom:
    people = {p["id"]: p for p in world.people}
    choice = rng.randrange(5)
    if choice == 0:
        experts = sorted({v["expert"] for v in world.visits})
        return codes_atoms(rng, "expertId", experts, lambda v: {v["expert"]})
    if choice == 1:
        return codes_atoms(rng, "institutionId", [i["id"] for i in world.institutions], lambda v: {v["institution"]})
    if choice == 2:
        dates = sorted({v["arrivedOn"] for v in world.visits})
        return range_atom(rng, "arrivedOn", dates, lambda v: v["arrivedOn"], True)
    if choice == 3:
        return flag_atom(rng, "highEnd", lambda v: bool(people[v["expert"]]["highEnd"]))
    return codes_atoms(rng, "nationality", COUNTRIES, lambda v: {people[v["expert"]]["nationality"]})


def random_where(
    rng: random.Random, world: World, atom: Callable[[random.Random, World], Atom], depth: int = 0
) -> Atom:
    """A filter of one or two atoms, and, now and then, an AND, an OR and a not of smaller ones."""
    where: dict[str, Any] = {}
    tests: list[Predicate] = []
    for _ in range(1 if rng.random() < 0.7 else 2):
        part, holds = atom(rng, world)
        if not set(part) & set(where):
            where.update(part)
            tests.append(holds)
    if depth < 2 and rng.random() < 0.4:
        branches = [random_where(rng, world, atom, depth + 1) for _ in range(rng.randint(1, 3))]
        where["OR"] = [branch for branch, _ in branches]
        tests.append(lambda r, branches=branches: any(holds(r) for _, holds in branches))
    if depth < 2 and rng.random() < 0.3:
        negated, holds = random_where(rng, world, atom, depth + 1)
        where["not"] = negated
        tests.append(lambda r, holds=holds: not holds(r))
    if depth < 2 and rng.random() < 0.2:
        parts = [random_where(rng, world, atom, depth + 1) for _ in range(2)]
        where["AND"] = [part for part, _ in parts]
        tests.append(lambda r, parts=parts: all(holds(r) for _, holds in parts))
    return where, lambda r: all(test(r) for test in tests)


@dataclass(frozen=True)
class ListCase:
    """One list: its field, input types, records, atoms and sort keys (each with its value in Python)."""

    field: str
    where_type: str
    order_type: str | None
    records: Callable[[World], list[Record]]
    atom: Callable[[random.Random, World], Atom]
    sort_keys: dict[str, Callable[[Record], Any]]


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


CASES = [
    ListCase(
        "people",
        "PeopleWhere",
        "PeopleOrder",
        lambda w: w.people,
        people_atom,
        {
            "PINYIN": lambda p: p["pinyin"],
            "NAME": lambda p: p["name"],
            "BIRTH_YEAR": lambda p: p["birthYear"] or 0,
            "ID": lambda p: p["id"],
        },
    ),
    ListCase(
        "institutions",
        "InstitutionsWhere",
        "InstitutionsOrder",
        lambda w: w.institutions,
        institutions_atom,
        {"NAME": lambda i: i["name"], "TYPE": lambda i: i["type"], "ID": lambda i: i["id"]},
    ),
    ListCase(
        "teams",
        "TeamsWhere",
        "TeamsOrder",
        lambda w: w.teams,
        teams_atom,
        {
            "NAME": lambda t: t["name"],
            "STATUS": lambda t: t["status"],
            "LEVEL": lambda t: t["level"] or "",
            "ID": lambda t: t["id"],
        },
    ),
    ListCase(
        "platforms",
        "PlatformsWhere",
        "PlatformsOrder",
        lambda w: w.platforms,
        platforms_atom,
        {
            "NAME": lambda pl: pl["name"],
            "ESTABLISHED_ON": lambda pl: _iso(pl["establishedOn"]),
            "LEVEL": lambda pl: pl["level"],
            "KIND": lambda pl: pl["kind"],
        },
    ),
    ListCase(
        "visits",
        "VisitsWhere",
        "VisitsOrder",
        lambda w: w.visits,
        visits_atom,
        {
            "ARRIVED_ON": lambda v: _iso(v["arrivedOn"]),
            "DEPARTED_ON": lambda v: _iso(v["departedOn"]),
            "ID": lambda v: v["id"],
        },
    ),
]


def brute_force_order(records: list[Record], case: ListCase, orders: list[tuple[str, bool]]) -> list[str]:
    """Ids sorted as the API must: each key in its direction, the id in the last key's."""
    ordered = sorted(records, key=lambda r: r["id"], reverse=orders[-1][1])
    for key, descending in reversed(orders):
        ordered.sort(key=case.sort_keys[key], reverse=descending)
    return [r["id"] for r in ordered]


def query(case: ListCase) -> str:
    return (
        f"query($where: {case.where_type}, $order: [{case.order_type}!], $first: Int, $after: String, "
        f"$last: Int, $before: String) {{ {case.field}(where: $where, orderBy: $order, first: $first, "
        "after: $after, last: $last, before: $before) { totalCount edges { cursor node { id } } "
        "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"
    )


def walk(client: TestClient, case: ListCase, variables: dict[str, Any], size: int, backward: bool, key: Any = True):
    """Every id of a list, page by page (from the end, `backward`), and its totalCount; checks pageInfo."""
    ids: list[str] = []
    cursor = None
    total = None
    while True:
        paging = {"last": size, "before": cursor} if backward else {"first": size, "after": cursor}
        page = graphql(client, query(case), {**variables, **paging}, key)["data"][case.field]
        total = page["totalCount"]
        found = [edge["node"]["id"] for edge in page["edges"]]
        info = page["pageInfo"]
        more = info["hasPreviousPage"] if backward else info["hasNextPage"]
        # Past a cursor, the cursor's own row lies on the other side.
        assert (info["hasNextPage"] if backward else info["hasPreviousPage"]) == (cursor is not None)
        ids = found + ids if backward else ids + found
        if not more:
            return ids, total
        assert found, "a page said more follow, yet held nothing"
        cursor = info["startCursor"] if backward else info["endCursor"]


@pytest.mark.parametrize("case", CASES, ids=[case.field for case in CASES])
def test_random_filters_and_orders_answer_as_a_brute_force_filter(
    client: TestClient, world: World, case: ListCase
) -> None:
    rng = random.Random(f"{SEED}-{case.field}")
    records = case.records(world)
    matched_some = 0
    drawn: set[str] = set()
    for attempt in range(10):
        where, holds = random_where(rng, world, case.atom)
        drawn |= operators(where)
        keys = rng.sample(sorted(case.sort_keys), rng.randint(1, min(3, len(case.sort_keys))))
        orders = [(key, rng.random() < 0.5) for key in keys]
        variables = {"where": where, "order": [{"by": key, "direction": "DESC" if d else "ASC"} for key, d in orders]}
        expected = brute_force_order([r for r in records if holds(r)], case, orders)
        matched_some += bool(expected)
        context = f"seed {SEED}, {case.field} #{attempt}: {variables}"
        size = rng.randint(3, 12)
        forwards, total = walk(client, case, variables, size, backward=False)
        assert forwards == expected, context
        assert total == len(expected), context
        backwards, _ = walk(client, case, variables, size, backward=True)
        assert backwards == expected, context
    # The filters drawn must not all be empty, nor leave an operator out, or the comparison proves little.
    assert matched_some >= 4
    assert {"OR", "not", "AND", "In"} <= drawn, drawn


def operators(where: dict[str, Any]) -> set[str]:
    """The combinators in a filter, and "In" where it has a list of values."""
    found = {key for key in where if key in ("OR", "AND", "not")} | {"In" for key in where if key.endswith("In")}
    for key in ("OR", "AND"):
        for part in where.get(key, []):
            found |= operators(part)
    if "not" in where:
        found |= operators(where["not"])
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.field for case in CASES])
def test_each_operator_alone_and_negated_answers_as_a_brute_force_filter(
    client: TestClient, world: World, case: ListCase
) -> None:
    """Every field and operator of a list once (the first drawn of each), as itself and under `not`: a record
    lacking the property is matched by the negation."""
    rng = random.Random(f"{SEED}-{case.field}-each")
    atoms: dict[str, Atom] = {}
    for _ in range(300):
        where, holds = case.atom(rng, world)
        atoms.setdefault(next(iter(where)), (where, holds))
    records = case.records(world)
    document = f"query($where: {case.where_type}) {{ {case.field}(where: $where, first: 500) {{ totalCount nodes {{ id }} }} }}"
    for where, holds in atoms.values():
        for written, test in ((where, holds), ({"not": where}, lambda r, holds=holds: not holds(r))):
            expected = sorted(r["id"] for r in records if test(r))
            answer = graphql(client, document, {"where": written})["data"][case.field]
            assert sorted(node["id"] for node in answer["nodes"]) == expected, (case.field, written)
            assert answer["totalCount"] == len(expected), (case.field, written)
    assert len(atoms) >= 5, sorted(atoms)
