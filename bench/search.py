"""Benchmark searchExperts and collaborators through HTTP on 200,000 generated people.

    .venv/bin/python bench/search.py [--people 200000] [--searches 300] [--suggestions 100]

Starts an embedded Neo4j in a temporary folder (or uses NEO4J_URI: a database you can fill), generates institutions in
Beijing, Tianjin and Chengde, people with current and former employers, fields and titles, teams,
projects and platforms (seeded, so every run builds the same graph), rebuilds the search documents
as a bulk loader does, serves the API with `talentgraph serve` on a free port, and prints the median
and p95 latency of each query kind. Goals: p95 under 100 ms for search, 300 ms for collaborators.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import http.client
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BATCH_TIMEOUT, benchmark_database, percentile  # noqa: E402
from bench.serving import serving  # noqa: E402
from graph.database import Database  # noqa: E402
from graph.keys import create_key  # noqa: E402
from graph.migrations import migrate, read_reference  # noqa: E402
from graph.names import pinyin_of  # noqa: E402
from graph.search import rebuild_search_documents  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红飞鑫波宁斌宇浩凯健俊帆帅旭"
    "晨阳欣怡佳琪子涵雨轩博文昊然梓豪一诺思远嘉慧志国海峰亮成林春雪梅"
)
KINDS = (
    ("UNIVERSITY", "大学"),
    ("INSTITUTE", "研究院"),
    ("ENTERPRISE", "科技有限公司"),
    ("HOSPITAL", "医院"),
)
LEVELS = (
    ("SENIOR", 0.08),
    ("DEPUTY_SENIOR", 0.2),
    ("INTERMEDIATE", 0.4),
    ("ASSISTANT", 0.25),
    ("JUNIOR", 0.07),
)
BATCH = 2000

SEARCH = """query($query: String, $fields: [String!], $regions: [String!], $minLevel: TitleLevel) {
  searchExperts(query: $query, fields: $fields, regions: $regions, minLevel: $minLevel, first: 20) {
    edges { node { score matched { term where } person { id name pinyin employer { name } } } }
    pageInfo { hasNextPage endCursor } } }"""
COLLABORATORS = """query($personId: ID, $teamId: ID, $institutionId: ID) {
  collaborators(personId: $personId, teamId: $teamId, institutionId: $institutionId, first: 10) {
    score person { id name } scoreParts { fieldMatch closeness } reasons { zh en steps { kind id } } } }"""


class Graph:
    """The generated graph, kept in memory to pick realistic queries afterwards."""

    def __init__(self, people: int, seed: int = 7) -> None:
        self.random = random.Random(seed)
        regions = read_reference("regions")
        self.chengde = [r["code"] for r in regions if r["parent"] == "130800"]
        fields = read_reference("fields")
        self.fields = [f["code"] for f in fields]
        self.field_names = {f["code"]: f["name"] for f in fields}
        self.people_count = people
        self.institutions: list[dict[str, Any]] = []
        self.people: list[dict[str, Any]] = []
        self.staff: dict[str, list[str]] = {}
        self.teams: list[dict[str, Any]] = []
        self.projects: list[dict[str, Any]] = []
        self.platforms: list[dict[str, Any]] = []

    def region(self) -> str:
        roll = self.random.random()
        return "110000" if roll < 0.3 else "120000" if roll < 0.5 else self.random.choice(self.chengde)

    def build(self) -> None:
        rnd = self.random
        for n in range(self.people_count // 50):
            kind, suffix = rnd.choice(KINDS)
            region = self.region()
            city = {"110000": "北京", "120000": "天津"}.get(region, "承德")
            fields = rnd.sample(self.fields, rnd.choice((1, 1, 2)))
            self.institutions.append(
                {
                    "id": f"i{n}",
                    "name": f"{city}{self.field_names[fields[0]]}{suffix}{n}",
                    "type": kind,
                    "region": region,
                    "fields": fields,
                }
            )
        sizes = [rnd.paretovariate(1.2) for _ in self.institutions]
        employers = rnd.choices(self.institutions, weights=sizes, k=self.people_count)
        for n, employer in enumerate(employers):
            name = rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2, 2))))
            fields = employer["fields"][:1] if rnd.random() < 0.7 else []
            fields += [code for code in rnd.sample(self.fields, rnd.choice((0, 1, 1))) if code not in fields]
            level = rnd.choices([code for code, _ in LEVELS], weights=[w for _, w in LEVELS])[0]
            titles = (
                [
                    {
                        "certificateNo": f"C{n}",
                        "series": "ENGINEERING",
                        "level": level,
                        "grantedOn": dt.date(rnd.randint(2000, 2024), 1, 1),
                    }
                ]
                if rnd.random() < 0.6
                else []
            )
            former = (
                [
                    {
                        "id": rnd.choice(self.institutions)["id"],
                        "since": dt.date(2005, 1, 1),
                        "until": dt.date(2012, 12, 31),
                    }
                ]
                if rnd.random() < 0.25
                else []
            )
            person = {
                "id": f"p{n}",
                "name": name,
                "pinyin": pinyin_of(name),
                "birthYear": rnd.randint(1960, 1998),
                "employer": employer["id"],
                "since": dt.date(2013, 1, 1),
                "former": former,
                "fields": fields or [rnd.choice(self.fields)],
                "titles": titles,
                "region": employer["region"],
            }
            self.people.append(person)
            self.staff.setdefault(employer["id"], []).append(person["id"])
        self.teams = [self._group(f"t{n}", "团队", rnd.randint(4, 10)) for n in range(self.people_count // 30)]
        for team in self.teams:
            team["members"] = [
                {"id": member, "until": dt.date(2022, 6, 30) if rnd.random() < 0.1 else None}
                for member in team.pop("people")
            ]
        self.projects = [
            {
                **self._group(f"j{n}", "项目", rnd.randint(3, 8)),
                "kind": "MUNICIPAL",
                "year": rnd.randint(2015, 2025),
            }
            for n in range(self.people_count // 10)
        ]
        for project in self.projects:
            project["participants"] = project.pop("people")
        self.platforms = [self._group(f"x{n}", "平台", rnd.randint(5, 10)) for n in range(self.people_count // 100)]

    def _group(self, id: str, word: str, size: int) -> dict[str, Any]:
        """A team, project or platform: mostly people of one institution, some from anywhere."""
        rnd = self.random
        institution = rnd.choice(self.institutions)
        staff = self.staff.get(institution["id"]) or [rnd.choice(self.people)["id"]]
        people = {rnd.choice(staff) if rnd.random() < 0.7 else rnd.choice(self.people)["id"] for _ in range(size)}
        return {
            "id": id,
            "name": f"{self.field_names[institution['fields'][0]]}{word}{id}",
            "institution": institution["id"],
            "fields": institution["fields"][:1],
            "people": sorted(people),
        }


def batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


async def load(db: Database, graph: Graph) -> None:
    await migrate(db)
    for name, rows in (
        ("institutions", graph.institutions),
        ("people", graph.people),
        ("teams", graph.teams),
        ("projects", graph.projects),
        ("platforms", graph.platforms),
    ):
        started = time.perf_counter()
        for batch in batches(rows):
            await db.write(f"bench/{name}", rows=batch)
        print(f"  loaded {len(rows):>7} {name} in {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    refreshed = await rebuild_search_documents(db)
    print(f"  rebuilt {refreshed} search documents in {time.perf_counter() - started:.0f} s", flush=True)


def search_queries(graph: Graph, count: int) -> list[tuple[str, dict[str, Any]]]:
    """A recruiter's mix: names in Chinese and pinyin, fields, institutions, filters."""
    rnd = graph.random
    kinds = [
        ("name", lambda p: {"query": p["name"]}),
        ("surname+region", lambda p: {"query": p["name"][0], "regions": ["110000"]}),
        ("pinyin", lambda p: {"query": p["pinyin"]}),
        ("pinyin compact", lambda p: {"query": p["pinyin"].replace(" ", "")}),
        (
            "initials+field",
            lambda p: {"query": "".join(s[0] for s in p["pinyin"].split()), "fields": p["fields"][:1]},
        ),
        (
            "field name+region+level",
            lambda p: {
                "query": graph.field_names[p["fields"][0]],
                "regions": ["110000", "120000"],
                "minLevel": "DEPUTY_SENIOR",
            },
        ),
        (
            "institution name",
            lambda p: {"query": next(i["name"] for i in graph.institutions if i["id"] == p["employer"])[:4]},
        ),
        (
            "field filter only",
            lambda p: {"fields": p["fields"][:1], "regions": ["130800"], "minLevel": "SENIOR"},
        ),
    ]
    return [(kinds[n % len(kinds)][0], kinds[n % len(kinds)][1](rnd.choice(graph.people))) for n in range(count)]


def collaborator_queries(graph: Graph, count: int) -> list[tuple[str, dict[str, Any]]]:
    rnd = graph.random
    chengde_people = [p for p in graph.people if p["region"] not in ("110000", "120000")]
    chengde_institutions = [i for i in graph.institutions if i["region"] not in ("110000", "120000")]
    queries: list[tuple[str, dict[str, Any]]] = []
    for n in range(count):
        if n % 5 == 3:
            queries.append(("team", {"teamId": rnd.choice(graph.teams)["id"]}))
        elif n % 5 == 4:
            queries.append(("institution", {"institutionId": rnd.choice(chengde_institutions)["id"]}))
        else:
            queries.append(("person", {"personId": rnd.choice(chengde_people)["id"]}))
    return queries


WARM_UP = 40


def measure(port: int, secret: str, document: str, queries: list[tuple[str, dict[str, Any]]]) -> dict[str, list[float]]:
    """Send each query over one keep-alive HTTP connection; milliseconds by kind (and 'all').

    The first WARM_UP queries (other subjects and texts of the same kinds) warm the page cache and
    the query plans of a server just loaded, and are not counted."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    timings: dict[str, list[float]] = {"all": []}
    for _, variables in queries[:WARM_UP]:
        post(connection, secret, document, variables)
    for kind, variables in queries[WARM_UP:]:
        started = time.perf_counter()
        post(connection, secret, document, variables)
        elapsed = (time.perf_counter() - started) * 1000
        timings["all"].append(elapsed)
        timings.setdefault(kind, []).append(elapsed)
    connection.close()
    return timings


def post(
    connection: http.client.HTTPConnection, secret: str, document: str, variables: dict[str, Any]
) -> dict[str, Any]:
    body = json.dumps({"query": document, "variables": variables}).encode()
    connection.request(
        "POST", "/graphql", body, {"content-type": "application/json", "authorization": f"Bearer {secret}"}
    )
    result = json.loads(connection.getresponse().read())
    if "errors" in result:
        raise RuntimeError(f"{variables}: {result['errors']}")
    return result  # type: ignore[no-any-return]


def report(title: str, timings: dict[str, list[float]], goal: float) -> None:
    print(f"\n{title} (goal: p95 < {goal:.0f} ms)")
    print(f"  {'kind':<26}{'n':>5}{'median ms':>12}{'p95 ms':>10}")
    for kind, values in timings.items():
        p95 = percentile(values, 0.95)
        print(f"  {kind:<26}{len(values):>5}{statistics.median(values):>12.1f}{p95:>10.1f}")


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--people", type=int, default=200_000)
    arguments.add_argument("--searches", type=int, default=400)
    arguments.add_argument("--suggestions", type=int, default=100)
    args = arguments.parse_args()

    graph = Graph(args.people)
    started = time.perf_counter()
    graph.build()
    print(
        f"Generated {len(graph.people)} people, {len(graph.institutions)} institutions, {len(graph.teams)} "
        f"teams, {len(graph.projects)} projects, {len(graph.platforms)} platforms "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    with benchmark_database() as connection, tempfile.TemporaryDirectory(prefix="talentgraph-api-") as folder:

        async def prepare() -> str:
            db = connection.open(timeout=BATCH_TIMEOUT)
            try:
                await load(db, graph)
                _, secret = await create_key(db, "recruiter", name="search benchmark")
                return secret
            finally:
                await db.close()

        secret = asyncio.run(prepare())
        # The API runs in its own process, as in production, so that the client does not share its GIL.
        with serving(connection, TALENTGRAPH_DATA_DIR=folder) as base:
            port = int(base.rsplit(":", 1)[1])
            print(f"API on {base}/graphql, as a recruiter", flush=True)
            report(
                f"searchExperts over HTTP, {len(graph.people)} people",
                measure(port, secret, SEARCH, search_queries(graph, WARM_UP + args.searches)),
                100,
            )
            report(
                "collaborators over HTTP",
                measure(port, secret, COLLABORATORS, collaborator_queries(graph, WARM_UP + args.suggestions)),
                300,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
