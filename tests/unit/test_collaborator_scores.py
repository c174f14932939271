"""The score parts, the per-employer cap of the first page and the evaluation's metrics: pure functions."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from bench.collaborators_eval import metrics
from graph.collaborator_scores import EMPLOYER_CAP, capped_by_employer, recency, shared_since


@dataclass(frozen=True)
class Ranked:
    person_id: str
    score: float
    employer: str | None


def test_the_first_page_takes_at_most_three_of_one_employer_when_others_score_nearly_as_high() -> None:
    big = [Ranked(f"a{n}", 0.90 - 0.01 * n, "big") for n in range(10)]
    small = [Ranked(f"b{n}", 0.88 - 0.002 * n, f"small{n}") for n in range(10)]
    ranked = sorted(big + small, key=lambda s: -s.score)
    assert [s.employer for s in ranked[:10]].count("big") == 4
    page = capped_by_employer(ranked, 10)
    employers = [suggestion.employer for suggestion in page]
    assert employers.count("big") == EMPLOYER_CAP
    assert {s.person_id for s in page[:4]} == {"a0", "a1", "a2", "b0"}
    assert len(page) == 10 and len(set(employers)) == 8


def test_the_cap_gives_way_to_a_candidate_far_ahead_of_everyone_else() -> None:
    ranked = [Ranked(f"a{n}", 0.90 - 0.01 * n, "big") for n in range(5)] + [Ranked("b", 0.50, "small")]
    page = capped_by_employer(ranked, 5)
    assert [s.person_id for s in page] == ["a0", "a1", "a2", "a3", "a4"]


def test_work_shared_three_years_ago_counts_half_as_recent() -> None:
    today = dt.date(2024, 1, 1)
    assert recency(today, today) == 1.0
    assert abs(recency(dt.date(2021, 1, 1), today) - 0.5) < 0.01
    assert recency(None, today) == 0.0


def test_shared_work_is_dated_by_the_projects_year_or_the_later_joining() -> None:
    today = dt.date(2024, 6, 1)
    project = {
        "nodes": [{"labels": ["Person"]}, {"labels": ["Project"], "year": 2022}, {"labels": ["Person"]}],
        "rels": [{}, {}],
    }
    team = {
        "nodes": [{"labels": ["Person"]}, {"labels": ["Team"]}, {"labels": ["Person"]}],
        "rels": [{"since": dt.date(2019, 3, 1)}, {"since": dt.date(2021, 5, 1)}],
    }
    assert shared_since(project, today) == dt.date(2022, 1, 1)
    assert shared_since(team, today) == dt.date(2021, 5, 1)


def test_recall_ndcg_and_reciprocal_rank_of_a_ranked_list() -> None:
    recall, ndcg, mrr = metrics(["x", "a", "y", "b"], {"a", "b", "c"})
    assert recall == 2 / 3 and mrr == 0.5
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4)
    assert abs(ndcg - (1 / math.log2(3) + 1 / math.log2(5)) / ideal) < 1e-12
