"""Types of expert search results."""

from __future__ import annotations

import enum

import strawberry

from graph.access import Caller
from graph.search import ExpertHit
from server.people.types import Person, person_from


@strawberry.enum(description="The part of a person's record a search term was found in.")
class MatchedIn(enum.Enum):
    NAME = "NAME"
    PINYIN = "PINYIN"
    FIELD = "FIELD"
    INSTITUTION = "INSTITUTION"
    KEYWORD = "KEYWORD"


@strawberry.type(description="A search term and where it matched.")
class SearchMatch:
    term: str
    where: MatchedIn


@strawberry.type(description="An expert found by a search, with why they matched.")
class ExpertResult:
    person: Person
    score: float = strawberry.field(description="Full-text relevance (BM25); results are ranked by it first.")
    title_level_rank: int = strawberry.field(description="Rank of the highest title (5 = 正高级, 0 = none).")
    activity: int = strawberry.field(
        description="Team memberships, platform roles, and projects and visits of the last five years."
    )
    matched: list[SearchMatch] = strawberry.field(description="The search terms that matched, and where.")


def expert_from(hit: ExpertHit, caller: Caller) -> ExpertResult:
    """An ExpertResult from a ranked hit."""
    return ExpertResult(
        person=person_from(hit.person, caller),
        score=hit.score,
        title_level_rank=hit.level,
        activity=hit.activity,
        matched=[SearchMatch(term=m.term, where=MatchedIn(m.where)) for m in hit.matched],
    )
