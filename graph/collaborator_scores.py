"""How a collaborator suggestion scores: its parts, their weights, and the per-employer cap of the first page.

Every part lies in [0, 1]; the score is their weighted sum. The weights were learnt on one generated
city and checked on another (bench/collaborators_eval.py, docs/collaborators.md "How the weights were
chosen"); `HAND_SET` is the formula they replaced, kept as the evaluation's reference.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from typing import Any

#: A person in common is an indirect tie: their path counts half.
IN_COMMON = 0.5
#: Activity at which the activity part reaches one half.
ACTIVITY_HALF = 3
#: Joint works of the candidate's employer with the subject's institutions at which `partnership` is one half.
PARTNER_HALF = 2
#: Works in the field (a related field's count half) at which `fieldWork` reaches one half.
FIELD_WORK_HALF = 1
#: Years after which shared work counts half as recent.
RECENCY_HALF_LIFE = 3.0
TOP_LEVEL_RANK = 5
#: The first page holds at most this many people of one employer, unless the next of them outscores
#: every other candidate by more than DIVERSITY_MARGIN.
EMPLOYER_CAP = 3
DIVERSITY_MARGIN = 0.05


@dataclass(frozen=True)
class Weights:
    """The weight of each score part (named as in ScoreParts)."""

    field_match: float = 0.0
    closeness: float = 0.0
    level: float = 0.0
    activity: float = 0.0
    partnership: float = 0.0
    field_work: float = 0.0
    recency: float = 0.0


#: Learnt by pairwise logistic regression on city seed 1, refined by coordinate search (docs/collaborators.md).
WEIGHTS = Weights(
    field_match=0.05, closeness=0.29, level=0.12, activity=0.12, partnership=0.29, field_work=0.08, recency=0.06
)
#: The hand-set formula before the evaluation existed.
HAND_SET = Weights(field_match=0.40, closeness=0.35, level=0.15, activity=0.10)
PART_NAMES = tuple(f.name for f in fields(Weights))


@dataclass(frozen=True)
class ScoreParts:
    """The parts of a score, each in [0, 1], and the Adamic-Adar sum behind `closeness`."""

    field_match: float
    closeness: float
    level: float
    activity: float
    partnership: float
    field_work: float
    recency: float
    adamic_adar: float

    def vector(self) -> tuple[float, ...]:
        """The parts in the order of Weights' fields."""
        return astuple(self)[: len(PART_NAMES)]

    def score(self, weights: Weights = WEIGHTS) -> float:
        return sum(w * p for w, p in zip(astuple(weights), self.vector(), strict=True))


def path_weight(path: dict[str, Any]) -> float:
    """Adamic-Adar: each shared context counts 1/ln(its size); a person in common, half the product."""
    weight = math.prod(1 / math.log(max(size, 2)) for size in path["sizes"])
    return weight * IN_COMMON if len(path["nodes"]) == 5 else weight


def shared_since(path: dict[str, Any], today: dt.date) -> dt.date | None:
    """When the work a direct path shares was last shared: a project's year, the later of two joinings,
    the end of an overlap at a former employer; None for a person in common or where no date is known."""
    nodes, rels = path["nodes"], path["rels"]
    if len(nodes) == 5:
        return None
    context = nodes[-2] if len(nodes) == 3 else nodes[0]
    if "Project" in context["labels"] and context.get("year"):
        return dt.date(int(context["year"]), 1, 1)
    ends = [rel["until"] for rel in rels if rel.get("until") is not None]
    if ends:
        return min(_date(end) for end in ends)
    starts = [rel.get("since") for rel in rels]
    if starts and all(start is not None for start in starts):
        return min(max(_date(start) for start in starts), today)
    return None


def _date(value: Any) -> dt.date:
    return value.to_native() if hasattr(value, "to_native") else value  # type: ignore[no-any-return]


def recency(when: dt.date | None, today: dt.date) -> float:
    """1 for work shared today, one half RECENCY_HALF_LIFE years ago; 0 when nothing dated is shared."""
    if when is None:
        return 0.0
    return float(0.5 ** (max((today - when).days, 0) / 365.25 / RECENCY_HALF_LIFE))


def parts_of(row: dict[str, Any], adamic_adar: float, partner_works: int, last_shared: float) -> ScoreParts:
    """The score parts of a candidate: `row` from collaborators/candidates, the sums worked out around it."""
    activity = int(row["activity"])
    work = int(row["exactWork"]) + 0.5 * int(row["relatedWork"])
    return ScoreParts(
        field_match=float(row["fieldMatch"]),
        closeness=1 - math.exp(-adamic_adar),
        level=int(row["level"]) / TOP_LEVEL_RANK,
        activity=activity / (activity + ACTIVITY_HALF),
        partnership=partner_works / (partner_works + PARTNER_HALF),
        field_work=work / (work + FIELD_WORK_HALF),
        recency=last_shared,
        adamic_adar=adamic_adar,
    )


def capped_by_employer(
    ranked: Sequence[Any], first: int, cap: int = EMPLOYER_CAP, margin: float = DIVERSITY_MARGIN
) -> list[Any]:
    """The first `first` of `ranked` (best first, each with .score and .employer), taking at most `cap`
    of one employer while someone else scores within `margin` of the next of them."""
    chosen: list[Any] = []
    taken: dict[str, int] = {}
    rest = list(ranked)
    while rest and len(chosen) < first:
        pick = rest[0]
        if pick.employer is not None and taken.get(pick.employer, 0) >= cap:
            other = next((s for s in rest if s.employer is None or taken.get(s.employer, 0) < cap), None)
            if other is not None and pick.score - other.score <= margin:
                pick = other
        chosen.append(pick)
        rest.remove(pick)
        if pick.employer is not None:
            taken[pick.employer] = taken.get(pick.employer, 0) + 1
    return chosen
