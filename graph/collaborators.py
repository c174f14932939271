"""Collaborators across Beijing, Tianjin and Chengde: who, how well they fit, and why.

The score and its weights are documented in docs/collaborators.md. The work is bounded: candidates
come from the subject's neighbourhood (the people who share a team, platform, project or employer
with the subject's people, and the people in common behind them) and from at most
`FIELD_CANDIDATES` field-matched people in the target regions; contexts of more than `HUB` people
are only checked against the field-matched candidates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from cypher import STATEMENTS
from graph.collaborator_reasons import Reason, fact_reasons, render, steps_of
from graph.database import Database
from graph.errors import InvalidInput, NotFound
from graph.listing import fill_slots, projection
from graph.search import activity_since, token
from graph.taxonomy import Tree

#: The parts of a suggestion's score and their weights; each part lies in [0, 1].
WEIGHTS = {"field": 0.40, "closeness": 0.35, "level": 0.15, "activity": 0.10}
FIELD_EXACT, FIELD_RELATED = 1.0, 0.5
#: A person in common is an indirect tie: their path counts half.
IN_COMMON = 0.5
#: Activity at which the activity part reaches one half.
ACTIVITY_HALF = 3
TOP_LEVEL_RANK = 5
HUB = 200
COMMON_HUB = 50
FIELD_CANDIDATES = 100
#: The title levels of the field-matched candidates looked for first.
FIRST_LEVELS = ("SENIOR", "DEPUTY_SENIOR")
#: Paths given as reasons, strongest first (the facts that made a candidate rank follow them).
MAX_REASONS = 3
CHENGDE, BEIJING, TIANJIN = "130800", "110000", "120000"
SUBJECT_KINDS = ("person", "team", "institution")


@dataclass(frozen=True)
class Subject:
    """Whom suggestions are for: a person, a team or an institution, and what it is made of."""

    kind: str
    id: str
    name: str
    regions: list[str]
    fields: list[str]
    people: list[str]
    institutions: list[str]
    teams: list[str]


@dataclass(frozen=True)
class ScoreParts:
    """The parts of a score, each in [0, 1], and the Adamic-Adar sum behind `closeness`."""

    field_match: float
    closeness: float
    level: float
    activity: float
    adamic_adar: float

    def score(self) -> float:
        return (
            WEIGHTS["field"] * self.field_match
            + WEIGHTS["closeness"] * self.closeness
            + WEIGHTS["level"] * self.level
            + WEIGHTS["activity"] * self.activity
        )


@dataclass(frozen=True)
class Suggestion:
    """A suggested collaborator: who, how well they fit, and why."""

    person_id: str
    score: float
    parts: ScoreParts
    reasons: list[Reason]


async def load_subject(db: Database, kind: str, subject_id: str) -> Subject:
    """The subject of suggestions, or NotFound."""
    rows = await db.read(f"collaborators/subject_{kind}", id=subject_id)
    if not rows:
        raise NotFound(kind, subject_id, f"{kind}Id")
    row = rows[0]
    return Subject(
        kind=kind,
        id=subject_id,
        name=row["name"],
        regions=row["regions"],
        fields=row["fields"],
        people=row["people"],
        institutions=row["institutions"],
        teams=row["teams"],
    )


def default_regions(subject: Subject) -> list[str]:
    """Beijing and Tianjin for a Chengde subject, Chengde for a Beijing or Tianjin one."""
    if CHENGDE in subject.regions:
        return [BEIJING, TIANJIN]
    if BEIJING in subject.regions or TIANJIN in subject.regions:
        return [CHENGDE]
    raise InvalidInput(
        "The subject is in neither Chengde, Beijing nor Tianjin: say which regions to search.",
        "对象不在承德、北京或天津:请指定要查找的地区",
        "regions",
    )


def related_fields(tree: Tree, codes: Sequence[str]) -> list[str]:
    """The parents and children of `codes` that are not themselves asked for."""
    related: list[str] = []
    for code in codes:
        parent = tree.nodes[code]["parent"]
        for other in [parent, *tree.children.get(code, [])]:
            if other and other not in codes and other not in related:
                related.append(other)
    return related


def path_weight(path: dict[str, Any]) -> float:
    """Adamic-Adar: each shared context counts 1/ln(its size); a person in common, half the product."""
    weight = math.prod(1 / math.log(max(size, 2)) for size in path["sizes"])
    return weight * IN_COMMON if len(path["nodes"]) == 5 else weight


def _field_query(
    fields: Sequence[str], related: Sequence[str], regions: Sequence[str], levels: Sequence[str] = ()
) -> str:
    # Only the asked fields score: a hit scoring above zero is an exact match.
    codes = [f"{token(code)}^1" for code in fields] + [f"{token(code)}^0" for code in related]
    query = (
        f"+searchFieldCodes:({' OR '.join(codes)}) +searchRegions:({' OR '.join(token(code) for code in regions)})^0"
    )
    return query + (f" +searchLevel:({' OR '.join(token(code) for code in levels)})^0" if levels else "")


async def _field_candidates(
    db: Database, fields: list[str], related: list[str], regions: list[str], shape: dict[str, list[str]]
) -> list[str]:
    # The best are usually exact experts with a senior title: ask for those first, and for everyone
    # only when they are too few to fill the cap (the order is exact field, then title level).
    rows = await db.read(
        "collaborators/field_candidates",
        cap=FIELD_CANDIDATES,
        **shape,
        query=_field_query(fields, [], regions, FIRST_LEVELS),
    )
    if len(rows) < FIELD_CANDIDATES:
        rows = await db.read(
            "collaborators/field_candidates",
            query=_field_query(fields, related, regions),
            cap=FIELD_CANDIDATES,
            **shape,
        )
    return [row["id"] for row in rows]


_ACTIVITY = {"ACTIVITY": f"({projection('search/activity')})"}
_CANDIDATES = fill_slots(STATEMENTS["collaborators/candidates"], _ACTIVITY)
_FACTS = fill_slots(STATEMENTS["collaborators/facts"], _ACTIVITY)


async def suggest_collaborators(
    db: Database,
    subject: Subject,
    fields: list[str],
    related: list[str],
    regions: list[str],
    first: int,
    today: dt.date | None = None,
) -> list[Suggestion]:
    """The `first` best collaborators for `subject` in `regions` for `fields`, with their reasons."""
    shape = {"people": subject.people, "institutions": subject.institutions, "teams": subject.teams}
    field_candidates = await _field_candidates(db, fields, related, regions, shape) if fields else []
    path_rows = await db.read(
        "collaborators/paths",
        **shape,
        regions=regions,
        fieldCandidates=field_candidates,
        institution=subject.id if subject.kind == "institution" else None,
        employment=subject.kind != "institution",
        common=subject.kind == "person",
        hub=HUB,
        commonHub=COMMON_HUB,
    )
    paths = {row["id"]: row["paths"] for row in path_rows}
    ids = list(dict.fromkeys(field_candidates + list(paths)))
    if not ids:
        return []
    details = await db.read(
        "collaborators/candidates",
        _CANDIDATES,
        ids=ids,
        exact=fields,
        related=related,
        since=activity_since(today or dt.date.today()),
    )
    suggestions = [_suggestion(row, paths.get(row["id"], []), subject) for row in details]
    suggestions.sort(key=lambda suggestion: (-suggestion.score, suggestion.person_id))
    chosen = suggestions[:first]
    # What made them rank, named: only for the suggestions returned.
    facts = await db.read(
        "collaborators/facts",
        _FACTS,
        ids=[suggestion.person_id for suggestion in chosen],
        exact=fields,
        related=related,
        since=activity_since(today or dt.date.today()),
    )
    by_id = {row["id"]: row for row in facts}
    return [
        replace(
            s,
            reasons=s.reasons + fact_reasons(by_id[s.person_id], s.parts.field_match, s.parts.level, s.parts.activity),
        )
        for s in chosen
    ]


def _suggestion(row: dict[str, Any], paths: list[dict[str, Any]], subject: Subject) -> Suggestion:
    weighted = sorted(
        ((path_weight(path), steps_of(path)) for path in paths),
        key=lambda pair: (-pair[0], [step.id for step in pair[1]]),
    )
    adamic_adar = sum(weight for weight, _ in weighted)
    activity = int(row["activity"])
    parts = ScoreParts(
        field_match=float(row["fieldMatch"]),
        closeness=1 - math.exp(-adamic_adar),
        level=int(row["level"]) / TOP_LEVEL_RANK,
        activity=activity / (activity + ACTIVITY_HALF),
        adamic_adar=adamic_adar,
    )
    reasons = [Reason(weight, steps, *render(steps, subject.kind)) for weight, steps in weighted[:MAX_REASONS]]
    return Suggestion(person_id=row["id"], score=parts.score(), parts=parts, reasons=reasons)


@dataclass(frozen=True)
class Need:
    """A Chengde institution, team or platform whose fields an expert matches."""

    kind: str
    id: str
    name: str
    institution_id: str
    fields: list[str]
    field_match: float


async def institutions_needing(
    db: Database, fields: list[str], related: list[str], region_codes: list[str], first: int
) -> list[Need]:
    """Institutions, teams and platforms in `region_codes` focused on `fields` (or a parent or child)."""
    rows = await db.read("collaborators/needs", exact=fields, related=related, regionCodes=region_codes, limit=first)
    return [
        Need(
            kind=row["kind"],
            id=row["id"],
            name=row["name"],
            institution_id=row["institution"],
            fields=row["fields"],
            field_match=float(row["fieldMatch"]),
        )
        for row in rows
    ]
