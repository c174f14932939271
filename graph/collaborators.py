"""Collaborators across Beijing, Tianjin and Chengde: who, how well they fit, and why.

The score and its weights are documented in docs/collaborators.md. The work is bounded: candidates
come from the subject's neighbourhood (the people who share a team, platform, project or employer
with the subject's people, and the people in common behind them) and from at most
`FIELD_CANDIDATES` field-matched people in the target regions; contexts of more than `HUB` people
are only checked against the field-matched candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from cypher import STATEMENTS
from graph.collaborator_reasons import Reason, Step, fact_reasons, partner_reason, recency_reason, render, steps_of
from graph.collaborator_scores import (
    WEIGHTS,
    ScoreParts,
    Weights,
    capped_by_employer,
    parts_of,
    path_weight,
    shared_since,
)
from graph.collaborator_scores import recency as recency_of
from graph.database import Database
from graph.errors import InvalidInput, NotFound
from graph.listing import fill_slots, projection
from graph.search import activity_since, token
from graph.taxonomy import Tree

HUB = 200
COMMON_HUB = 50
FIELD_CANDIDATES = 100
#: The institutions that have worked with the subject's looked at, and the field experts taken from each.
PARTNERS, PER_PARTNER = 20, 10
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
class Partner:
    """An institution that has worked with the subject's: how often, and the latest joint work."""

    id: str
    name: str
    works: int
    latest: dict[str, Any]


@dataclass(frozen=True)
class Suggestion:
    """A suggested collaborator: who, how well they fit, and why."""

    person_id: str
    score: float
    parts: ScoreParts
    reasons: list[Reason]
    employer: str | None = None
    #: The candidate's employer, where it has worked with the subject's institutions.
    partner: Partner | None = None


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


async def score_candidates(
    db: Database,
    subject: Subject,
    fields: list[str],
    related: list[str],
    regions: list[str],
    today: dt.date | None = None,
    weights: Weights = WEIGHTS,
) -> list[Suggestion]:
    """Every candidate for `subject` in `regions` for `fields`, scored by `weights`, best first, with the
    reasons that are paths (the facts are named by `suggest_collaborators` for those it returns)."""
    today = today or dt.date.today()
    shape = {"people": subject.people, "institutions": subject.institutions, "teams": subject.teams}
    partners = [
        Partner(row["id"], row["name"], int(row["works"]), row["latest"])
        for row in await db.read(
            "collaborators/partners", institutions=subject.institutions, regions=regions, limit=PARTNERS
        )
    ]
    field_candidates = await _field_candidates(db, fields, related, regions, shape) if fields else []
    if fields and partners:
        rows = await db.read(
            "collaborators/partner_candidates",
            employers=[partner.id for partner in partners],
            exact=fields,
            related=related,
            perEmployer=PER_PARTNER,
            **shape,
        )
        field_candidates = list(dict.fromkeys(field_candidates + [row["id"] for row in rows]))
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
        since=activity_since(today),
    )
    by_employer = {partner.id: partner for partner in partners}
    scored = [
        _suggestion(row, paths.get(row["id"], []), subject, by_employer.get(row["employer"]), today, weights)
        for row in details
    ]
    scored.sort(key=lambda suggestion: (-suggestion.score, suggestion.person_id))
    return scored


async def suggest_collaborators(
    db: Database,
    subject: Subject,
    fields: list[str],
    related: list[str],
    regions: list[str],
    first: int,
    today: dt.date | None = None,
) -> list[Suggestion]:
    """The `first` best collaborators for `subject` in `regions` for `fields`, at most EMPLOYER_CAP of one
    employer where others score nearly as high, each with its reasons."""
    today = today or dt.date.today()
    chosen = first_page(await score_candidates(db, subject, fields, related, regions, today), first)
    return await explain(db, chosen, fields, related, today)


def first_page(scored: list[Suggestion], first: int) -> list[Suggestion]:
    """The `first` suggestions shown of `scored` (best first): at most EMPLOYER_CAP of one employer
    where others score nearly as high."""
    return capped_by_employer(scored, first)


async def explain(
    db: Database, chosen: list[Suggestion], fields: list[str], related: list[str], today: dt.date
) -> list[Suggestion]:
    """The suggestions chosen, with the facts that made them rank added to their reasons."""
    facts = await db.read(
        "collaborators/facts",
        _FACTS,
        ids=[suggestion.person_id for suggestion in chosen],
        exact=fields,
        related=related,
        since=activity_since(today),
    )
    by_id = {row["id"]: row for row in facts}
    return [
        replace(
            s,
            reasons=s.reasons
            + _partner_reasons(s, by_id[s.person_id])
            + fact_reasons(by_id[s.person_id], s.parts, WEIGHTS),
        )
        for s in chosen
    ]


def _partner_reasons(suggestion: Suggestion, row: dict[str, Any]) -> list[Reason]:
    partner = suggestion.partner
    if partner is None or WEIGHTS.partnership <= 0:
        return []
    candidate = Step(kind="PERSON", id=row["id"], name=row["name"], relation="WORKS_AT", former=False)
    return [
        partner_reason(candidate, partner.name, partner.id, partner.works, partner.latest, suggestion.parts.partnership)
    ]


def _suggestion(
    row: dict[str, Any],
    paths: list[dict[str, Any]],
    subject: Subject,
    partner: Partner | None,
    today: dt.date,
    weights: Weights,
) -> Suggestion:
    weighted = sorted(
        ((path_weight(path), steps_of(path), shared_since(path, today)) for path in paths),
        key=lambda found: (-found[0], [step.id for step in found[1]]),
    )
    adamic_adar = sum(weight for weight, _, _ in weighted)
    dated = [(when, steps) for _, steps, when in weighted if when is not None]
    latest = max(dated, key=lambda pair: (pair[0], [step.id for step in pair[1]])) if dated else None
    parts = parts_of(
        row, adamic_adar, partner.works if partner else 0, recency_of(latest[0] if latest else None, today)
    )
    reasons = [Reason(weight, steps, *render(steps, subject.kind)) for weight, steps, _ in weighted[:MAX_REASONS]]
    if latest is not None and parts.recency > 0 and WEIGHTS.recency > 0:
        reasons.append(recency_reason(latest[0], latest[1], subject.kind, parts.recency))
    return Suggestion(
        person_id=row["id"],
        score=parts.score(weights),
        parts=parts,
        reasons=reasons,
        employer=row["employer"],
        partner=partner,
    )


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
