"""Offline evaluation of collaborator suggestions, as recommender systems are evaluated.

    .venv/bin/python bench/collaborators_eval.py [--people 5000] [--seed 2] [--subjects 300] [--tune]

Generates a city whose collaborations follow the written-down process of loaders/generate_collaborations.py,
loads it into a database AS IT WAS ON THE CUT-OFF DATE (nothing that started later is written: no team
membership, project, platform role or title after it), asks `collaborators` about Chengde people and
institutions as of that day, and scores the answers against the Beijing and Tianjin people they went on
to work with after it (team memberships and project participations formed after the cut-off: the held-out
collaborations). It prints recall@10, nDCG@10 and MRR@10 of the production ranking and, in the same run,
of baselines; and how diverse the first pages are (distinct employers in the top 10).

With --tune it learns the weights on this city instead (pairwise logistic regression, then a coordinate
search on recall@10) and prints them: learn on one seed, report on another (docs/collaborators.md).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import math
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import collaborators as graph  # noqa: E402
from graph.collaborator_scores import HAND_SET, PART_NAMES, WEIGHTS, Weights, capped_by_employer  # noqa: E402
from graph.database import Database  # noqa: E402
from graph.names import pinyin_of  # noqa: E402
from graph.search import rebuild_search_documents  # noqa: E402
from graph.taxonomy import Tree, field_tree  # noqa: E402
from loaders.generate_collaborations import CHENGDE, City, Human, generate_city  # noqa: E402

K = 10
BATCH = 2000


# ---- the city as it was at the cut-off, and what happened after it ----


def _rows(city: City) -> dict[str, list[dict[str, Any]]]:
    """The rows of cypher/bench/* that write the city as it was on the cut-off date."""
    cut = city.cutoff
    people = [
        {
            "id": h.id,
            "name": h.name,
            "pinyin": pinyin_of(h.name),
            "birthYear": 1960 + n % 38,
            "employer": h.employer,
            "since": (h.former[-1][2] + dt.timedelta(days=1)) if h.former else dt.date(2012, 1, 1),
            "former": [{"id": old, "since": since, "until": until} for old, since, until in h.former],
            "fields": list(h.fields),
            "titles": (
                [
                    {
                        "certificateNo": f"C{h.id}",
                        "series": "ENGINEERING",
                        "level": h.level,
                        "grantedOn": dt.date(2015, 6, 1),
                    }
                ]
                if h.level
                else []
            ),
        }
        for n, h in enumerate(city.people)
    ]
    before = [w for w in city.works if w.started < cut]
    ids = [h.id for h in city.people]

    def ties(work: Any) -> list[Any]:
        return [t for t in work.ties if t.since < cut]

    teams = [
        {
            "id": w.id,
            "name": w.name,
            "institution": w.host,
            "fields": [w.focus],
            "members": [{"id": ids[t.person], "since": t.since, "until": None, "role": t.role} for t in ties(w)],
        }
        for w in before
        if w.kind == "TEAM"
    ]
    projects = [
        {
            "id": w.id,
            "name": w.name,
            "kind": "MUNICIPAL",
            "year": w.started.year,
            "institution": w.host,
            "participants": [ids[t.person] for t in ties(w)],
            "fields": [w.focus],
            "partners": w.partners,
        }
        for w in before
        if w.kind == "PROJECT"
    ]
    platforms = [
        {"id": w.id, "name": w.name, "institution": w.host, "people": [], "fields": [w.focus]}
        for w in before
        if w.kind == "PLATFORM"
    ]
    roles = [
        {"platform": w.id, "person": ids[t.person], "role": t.role, "since": t.since}
        for w in before
        if w.kind == "PLATFORM"
        for t in ties(w)
    ]
    institutions = [
        {"id": o.id, "name": o.name, "type": o.type, "region": o.region, "fields": list(o.fields)}
        for o in city.organisations
    ]
    return {
        "institutions": institutions,
        "people": people,
        "teams": teams,
        "projects": projects,
        "platforms": platforms,
        "roles": roles,
    }


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


async def load_city(db: Database, city: City, quiet: bool = False) -> None:
    """Write `city` as it was on its cut-off date into an empty, migrated database, with search documents."""
    for name, rows in _rows(city).items():
        started = time.perf_counter()
        for batch in _batches(rows):
            await db.write(f"bench/{name}", rows=batch)
        if not quiet:
            print(f"  loaded {len(rows):>7} {name} in {time.perf_counter() - started:.0f} s", flush=True)
    await rebuild_search_documents(db)


@dataclass
class Truth:
    """The held-out collaborations: for each Chengde person and institution, the Beijing and Tianjin people
    they first worked with after the cut-off (not already their teammates on it), and how many were new."""

    people: dict[str, set[str]] = field(default_factory=dict)
    institutions: dict[str, set[str]] = field(default_factory=dict)
    #: Who `collaborators` leaves out as already working with the subject on the cut-off: current teammates.
    excluded: dict[str, set[str]] = field(default_factory=dict)
    pairs: int = 0
    before: int = 0


def held_out(city: City) -> Truth:
    """Who worked with whom after the cut-off, among Chengde and Beijing or Tianjin people."""
    cut, people = city.cutoff, city.people
    teammates: dict[int, set[int]] = {}
    for work in city.works:
        if work.kind == "TEAM":
            current = [t.person for t in work.ties if t.since < cut]
            for member in current:
                teammates.setdefault(member, set()).update(current)
    team_of_host: dict[str, set[int]] = {}
    for work in city.works:
        if work.kind == "TEAM":
            team_of_host.setdefault(work.host, set()).update(t.person for t in work.ties if t.since < cut)
    area = {o.id: o.area for o in city.organisations}
    truth = Truth()
    for member, others in teammates.items():
        truth.excluded[people[member].id] = {people[n].id for n in others if people[n].area != CHENGDE}
    for host, members in team_of_host.items():
        truth.excluded[host] = {people[n].id for n in members if people[n].area != CHENGDE}
    for work in city.works:
        for a in work.ties:
            for b in work.ties:
                chengde, partner = people[a.person], people[b.person]
                if chengde.area != CHENGDE or partner.area == CHENGDE:
                    continue
                joined = max(a.since, b.since)
                if joined < cut:
                    truth.before += 1
                    continue
                truth.pairs += 1
                if b.person not in teammates.get(a.person, set()):
                    truth.people.setdefault(chengde.id, set()).add(partner.id)
                for host in {chengde.employer, work.host}:
                    if b.person not in team_of_host.get(host, set()) and area[host] == CHENGDE:
                        truth.institutions.setdefault(host, set()).add(partner.id)
    return truth


# ---- metrics ----


def metrics(ranked: Sequence[str], relevant: set[str]) -> tuple[float, float, float]:
    """recall@K, nDCG@K and reciprocal rank within K of one ranked list against the held-out partners."""
    top = list(ranked[:K])
    hits = [n for n, person in enumerate(top) if person in relevant]
    dcg = sum(1 / math.log2(n + 2) for n in hits)
    ideal = sum(1 / math.log2(n + 2) for n in range(min(len(relevant), K)))
    return len(hits) / len(relevant), dcg / ideal, 1 / (hits[0] + 1) if hits else 0.0


@dataclass
class Score:
    """A ranker's figures over every query: means of recall@K, nDCG@K, MRR@K; distinct employers in the top K."""

    name: str
    recall: list[float] = field(default_factory=list)
    ndcg: list[float] = field(default_factory=list)
    mrr: list[float] = field(default_factory=list)
    employers: list[int] = field(default_factory=list)
    most_of_one: list[int] = field(default_factory=list)

    def add(self, ranked: Sequence[str], relevant: set[str], employer: Callable[[str], str | None]) -> None:
        recall, ndcg, mrr = metrics(ranked, relevant)
        self.recall.append(recall)
        self.ndcg.append(ndcg)
        self.mrr.append(mrr)
        named = [employer(person) for person in ranked[:K]]
        self.employers.append(len(set(named)))
        self.most_of_one.append(max((named.count(e) for e in set(named)), default=0))

    def mean(self, values: list[float] | list[int]) -> float:
        return statistics.fmean(values) if values else 0.0

    def stderr(self) -> float:
        return statistics.stdev(self.recall) / math.sqrt(len(self.recall)) if len(self.recall) > 1 else 0.0


@dataclass
class Evaluation:
    """Every ranker's Score, for person subjects and institution subjects, and how the test was set up."""

    people: dict[str, Score]
    institutions: dict[str, Score]
    coverage: float
    truth: Truth
    seconds: float

    def recall(self, ranker: str) -> float:
        score = self.people[ranker]
        return score.mean(score.recall)


PRODUCTION = "production"
RANKERS = (
    PRODUCTION,
    "production, no employer cap",
    "hand-set formula",
    "Adamic-Adar only",
    "field match only",
    "random",
)
BASELINES = ("Adamic-Adar only", "field match only", "random")


@dataclass
class Query:
    """One subject's question as of the cut-off: the production pool (scored) and the held-out partners."""

    kind: str
    id: str
    relevant: set[str]
    pool: list[graph.Suggestion]
    production: list[str]
    fields: list[str]
    related: list[str]
    excluded: set[str]


def _eligible(city: City) -> list[Human]:
    return [h for h in city.people if h.area != CHENGDE]


def _field_only(
    rng: random.Random, partners: list[Human], fields: list[str], related: list[str], excluded: set[str]
) -> list[str]:
    """Beijing and Tianjin people by field match alone (an asked field, then a parent or child), ties at random."""
    exact = [h.id for h in partners if set(h.fields) & set(fields) and h.id not in excluded]
    near = [h.id for h in partners if not set(h.fields) & set(fields) and set(h.fields) & set(related)]
    near = [person for person in near if person not in excluded]
    return rng.sample(exact, min(K, len(exact))) + rng.sample(near, min(max(0, K - len(exact)), len(near)))


def _by(pool: list[graph.Suggestion], weights: Weights) -> list[graph.Suggestion]:
    return sorted(pool, key=lambda s: (-s.parts.score(weights), s.person_id))


async def ask(
    db: Database, city: City, tree: Tree, kind: str, subject_id: str, relevant: set[str], excluded: set[str]
) -> Query:
    """The production answer and the scored pool for one subject, as of the cut-off."""
    subject = await graph.load_subject(db, kind, subject_id)
    related = graph.related_fields(tree, subject.fields)
    regions = graph.default_regions(subject)
    pool = await graph.score_candidates(db, subject, subject.fields, related, regions, city.cutoff)
    # The first page exactly as graph.suggest_collaborators chooses it from the same pool (its reasons
    # are not needed here).
    answer = graph.first_page(pool, K)
    return Query(
        kind,
        subject_id,
        relevant,
        pool,
        [s.person_id for s in answer],
        subject.fields,
        related,
        excluded | set(subject.people),
    )


def choose_subjects(city: City, truth: Truth, subjects: int, seed: int) -> list[tuple[str, str, set[str]]]:
    """Up to `subjects` Chengde people and a fifth as many Chengde institutions with held-out partners."""
    rng = random.Random(seed)
    people = sorted(truth.people.items())
    institutions = sorted(truth.institutions.items())
    chosen = [("person", key, value) for key, value in rng.sample(people, min(subjects, len(people)))]
    return chosen + [
        ("institution", key, value) for key, value in rng.sample(institutions, min(subjects // 5, len(institutions)))
    ]


async def collect(db: Database, city: City, subjects: int, seed: int) -> tuple[list[Query], Truth]:
    """Every chosen subject's question, asked of the database holding the city as of the cut-off."""
    truth = held_out(city)
    tree = await field_tree(db)
    return [
        await ask(db, city, tree, kind, key, relevant, truth.excluded.get(key, set()))
        for kind, key, relevant in choose_subjects(city, truth, subjects, seed)
    ], truth


def score(queries: list[Query], city: City, truth: Truth, seconds: float, seed: int) -> Evaluation:
    """Every ranker's figures on the questions."""
    rng = random.Random(seed)
    employer_of = {h.id: h.employer for h in city.people}
    partners = _eligible(city)
    result: dict[str, dict[str, Score]] = {
        kind: {name: Score(name) for name in RANKERS} for kind in ("person", "institution")
    }
    found = total = 0
    for query in queries:
        scores = result[query.kind]
        pooled = {s.person_id for s in query.pool}
        found += len(query.relevant & pooled)
        total += len(query.relevant)
        lists = {
            PRODUCTION: query.production,
            "production, no employer cap": [s.person_id for s in _by(query.pool, WEIGHTS)],
            "hand-set formula": [s.person_id for s in _by(query.pool, HAND_SET)],
            "Adamic-Adar only": [s.person_id for s in _by(query.pool, Weights(closeness=1.0))],
            "field match only": _field_only(rng, partners, query.fields, query.related, query.excluded),
            "random": rng.sample([h.id for h in partners if h.id not in query.excluded], K),
        }
        for name, ranked in lists.items():
            scores[name].add(ranked, query.relevant, employer_of.get)
    return Evaluation(result["person"], result["institution"], found / max(total, 1), truth, seconds)


async def evaluate(db: Database, city: City, subjects: int = 300, seed: int = 0) -> Evaluation:
    """The evaluation of `city`, loaded by `load_city` into `db`: every ranker on the same questions."""
    started = time.perf_counter()
    queries, truth = await collect(db, city, subjects, seed)
    return score(queries, city, truth, time.perf_counter() - started, seed)


def table(evaluation: Evaluation) -> str:
    """The figures as a Markdown table (people and institutions as subjects)."""
    lines = [
        "| subjects | ranking | recall@10 | nDCG@10 | MRR@10 | distinct employers in top 10 | most of one employer |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, scores in (("people", evaluation.people), ("institutions", evaluation.institutions)):
        for name, s in scores.items():
            if not s.recall:
                continue
            lines.append(
                f"| {kind} ({len(s.recall)}) | {name} | {s.mean(s.recall):.3f} ± {s.stderr():.3f} "
                f"| {s.mean(s.ndcg):.3f} | {s.mean(s.mrr):.3f} | {s.mean(s.employers):.1f} "
                f"| {s.mean(s.most_of_one):.1f} |"
            )
    return "\n".join(lines)


# ---- learning the weights ----


def _pairs(queries: list[Query], rng: random.Random, negatives: int = 30) -> list[list[float]]:
    """Feature differences (held-out partner minus another candidate of the same question)."""
    pairs: list[list[float]] = []
    for query in queries:
        positives = [s for s in query.pool if s.person_id in query.relevant]
        others = [s for s in query.pool if s.person_id not in query.relevant]
        for positive in positives:
            for negative in rng.sample(others, min(negatives, len(others))):
                pairs.append([p - n for p, n in zip(positive.parts.vector(), negative.parts.vector(), strict=True)])
    return pairs


def logistic(pairs: list[list[float]], steps: int = 300, rate: float = 0.5, decay: float = 1e-3) -> list[float]:
    """Non-negative weights w minimising the mean log(1 + exp(-w·d)) over the pairs d (projected gradient)."""
    w = [1.0 / len(PART_NAMES)] * len(PART_NAMES)
    for _ in range(steps):
        gradient = [decay * x for x in w]
        for d in pairs:
            margin = sum(a * b for a, b in zip(w, d, strict=True))
            pull = -1 / (1 + math.exp(min(margin, 50))) / len(pairs)
            for n, x in enumerate(d):
                gradient[n] += pull * x
        w = [max(0.0, x - rate * g) for x, g in zip(w, gradient, strict=True)]
    total = sum(w) or 1.0
    return [x / total for x in w]


def _recall(queries: list[Query], weights: list[float]) -> float:
    chosen = Weights(*weights)
    values = []
    for query in queries:
        ranked = capped_by_employer(_score_again(query.pool, chosen), K)
        values.append(metrics([s.person_id for s in ranked], query.relevant)[0])
    return statistics.fmean(values)


def _score_again(pool: list[graph.Suggestion], weights: Weights) -> list[graph.Suggestion]:
    return sorted((replace(s, score=s.parts.score(weights)) for s in pool), key=lambda s: (-s.score, s.person_id))


def coordinate_search(queries: list[Query], start: list[float], step: float = 0.05, sweeps: int = 4) -> list[float]:
    """Raise recall@10 one weight at a time on a grid of `step`, keeping the weights summing to one."""
    best, best_recall = [round(x / step) * step for x in start], 0.0
    best_recall = _recall(queries, best)
    for _ in range(sweeps):
        improved = False
        for n in range(len(best)):
            for delta in (-2 * step, -step, step, 2 * step):
                trial = list(best)
                trial[n] = max(0.0, trial[n] + delta)
                total = sum(trial) or 1.0
                trial = [round(x / total, 2) for x in trial]
                recall = _recall(queries, trial)
                if recall > best_recall + 1e-9:
                    best, best_recall, improved = trial, recall, True
        if not improved:
            break
    return best


def tune(queries: list[Query], seed: int) -> tuple[list[float], list[float]]:
    """Weights learnt on `queries`: by logistic regression on pairs, then refined on recall@10."""
    learnt = logistic(_pairs([q for q in queries if q.kind == "person"], random.Random(seed)))
    return learnt, coordinate_search(queries, learnt)


# ---- the command ----


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--people", type=int, default=5000)
    arguments.add_argument("--seed", type=int, default=2, help="the city's seed (the weights were learnt on 1)")
    arguments.add_argument("--subjects", type=int, default=300, help="Chengde people asked about")
    arguments.add_argument("--tune", action="store_true", help="learn the weights on this city and print them")
    args = arguments.parse_args()

    from bench.common import BATCH_TIMEOUT, benchmark_database
    from graph.migrations import migrate

    started = time.perf_counter()
    city = generate_city(args.people, args.seed)
    print(
        f"Generated city seed {args.seed}: {len(city.people)} people, {len(city.organisations)} institutions, "
        f"{len(city.works)} works, cut-off {city.cutoff}, in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    with benchmark_database() as connection:

        async def run() -> int:
            db = connection.open(timeout=BATCH_TIMEOUT)
            try:
                await migrate(db)
                began = time.perf_counter()
                await load_city(db, city)
                print(f"Loaded the city as of {city.cutoff} in {time.perf_counter() - began:.0f} s", flush=True)
                began = time.perf_counter()
                queries, truth = await collect(db, city, args.subjects, args.seed)
                asked = time.perf_counter() - began
                if args.tune:
                    learnt, refined = tune(queries, args.seed)
                    hand = [getattr(HAND_SET, n) for n in PART_NAMES]
                    current = [getattr(WEIGHTS, n) for n in PART_NAMES]
                    trials = (
                        ("hand-set", hand),
                        ("production", current),
                        ("logistic regression", learnt),
                        ("refined on recall@10", refined),
                    )
                    for name, weights in trials:
                        named = ", ".join(f"{n}={w:.2f}" for n, w in zip(PART_NAMES, weights, strict=True))
                        print(f"{name}: {named}; recall@10 on this city {_recall(queries, weights):.3f}")
                    return 0
                evaluation = score(queries, city, truth, asked, args.seed)
                report(evaluation, asked, len(queries))
                return 0
            finally:
                await db.close()

        return asyncio.run(run())


def report(evaluation: Evaluation, asked: float, questions: int) -> None:
    truth = evaluation.truth
    held = truth.pairs / max(truth.pairs + truth.before, 1)
    print(
        f"\nHeld out: {truth.pairs} Chengde-Beijing/Tianjin pairs formed after the cut-off ({held:.0%} of all), "
        f"{len(truth.people)} Chengde people and {len(truth.institutions)} institutions with held-out partners; "
        f"{questions} questions asked in {asked:.0f} s; {evaluation.coverage:.0%} of held-out partners are in "
        "the production's candidate pool (the ceiling of every pool-based ranking)\n"
    )
    print(table(evaluation))
    best = max(evaluation.recall(name) for name in BASELINES)
    field_only = evaluation.recall("field match only")
    production = evaluation.recall(PRODUCTION)
    print(
        f"\nproduction recall@10 {production:.3f}: {production / best if best else float('inf'):.2f}x the best "
        f"baseline's, {production / field_only if field_only else float('inf'):.2f}x field match only's "
        f"(goal 1.5x); the employer cap costs "
        f"{evaluation.recall('production, no employer cap') - production:+.3f} recall@10 on people"
    )


if __name__ == "__main__":
    sys.exit(main())
