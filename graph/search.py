"""Expert search: a full-text query over each person's search document, filtered and ranked.

Every person carries a search document (derived by graph/derivation.py): name, pinyin in three
forms ("zhang wei", "zhangwei", "zw"), the names of their fields and current employers, keywords,
and facets (regions, field codes, title level). Writes that change it, bulk loads included, refresh
it for the people they touch in their own transaction (graph/derived.py); after writing people any
other way, call `rebuild_search_documents`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from cypher import STATEMENTS
from graph.database import Database, Transaction
from graph.derivation import token
from graph.errors import InvalidInput
from graph.facts import ReferenceCache, derive_people
from graph.listing import decode_values, encode_cursor, fill_slots, projection
from graph.titles import LEVEL_RANK

#: How far back activity counts (projects by year, visits by arrival).
ACTIVITY_YEARS = 5
MAX_TERMS = 8
#: How many hits beyond a page, by (relevance, level), are ranked further at first; all of them when
#: that is too few to be sure of the page.
WINDOW = 200
EVERY_HIT = 2**31 - 1
_LUCENE_SPECIAL = re.compile(r'[+\-&|!(){}\[\]^"~*?:\\/,;，。、；：（）]+')
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

#: Where a term may match, by the search document's property: what `matched` reports for each.
TEXT_PROPERTIES = {
    "name": "NAME",
    "pinyin": "PINYIN",
    "pinyinCompact": "PINYIN",
    "pinyinInitials": "PINYIN",
    "searchFields": "FIELD",
    "searchInstitution": "INSTITUTION",
    "searchKeywords": "KEYWORD",
}


def query_terms(text: str | None) -> list[str]:
    """The terms of a search text: lower-cased, Lucene syntax removed, at most MAX_TERMS."""
    return _LUCENE_SPECIAL.sub(" ", text or "").lower().split()[:MAX_TERMS]


#: Properties that hold Chinese text, and pinyin forms matched by prefix ("zhangw", "zw").
_CHINESE_PROPERTIES = ("name", "searchFields", "searchInstitution", "searchKeywords")
_PREFIX_PROPERTIES = ("pinyinCompact", "pinyinInitials")


def _term_clause(term: str) -> str:
    if _HAN.search(term):
        # A phrase of single-character tokens: the term as an exact substring.
        return "(" + " OR ".join(f'{prop}:"{term}"' for prop in _CHINESE_PROPERTIES) + ")"
    # Latin text and digits: a whole token scores by BM25; a pinyin prefix counts a little.
    whole = [f"{prop}:{term}" for prop in TEXT_PROPERTIES if prop != "name"]
    return "(" + " OR ".join(whole + [f"{prop}:{term}*^0.5" for prop in _PREFIX_PROPERTIES]) + ")"


@dataclass(frozen=True)
class ExpertQuery:
    """What a recruiter searches: free text and filters (regions and fields include what is below)."""

    text: str | None = None
    fields: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    min_level: str | None = None

    def terms(self) -> list[str]:
        return query_terms(self.text)

    def lucene(self) -> str:
        """The Lucene query: every term required (in some property), filters as zero-weight clauses."""
        clauses = [f"+{_term_clause(term)}" for term in self.terms()]
        if self.fields:
            codes = " OR ".join(f"{token(code)} OR under_{token(code)}" for code in self.fields)
            clauses.append(f"+searchFieldCodes:({codes})^0")
        if self.regions:
            clauses.append(f"+searchRegions:({' OR '.join(token(code) for code in self.regions)})^0")
        if self.min_level:
            levels = [token(code) for code, rank in LEVEL_RANK.items() if rank >= LEVEL_RANK[self.min_level]]
            clauses.append(f"+searchLevel:({' OR '.join(levels)})^0")
        if not clauses:
            raise InvalidInput("Give a search text or at least one filter.", "请输入检索词或至少一个筛选条件", "query")
        return " ".join(clauses)


@dataclass(frozen=True)
class Match:
    """A search term and the part of the person's record it was found in."""

    term: str
    where: str


@dataclass(frozen=True)
class ExpertHit:
    """One ranked result: the person (people/projection), score, the ranking keys and the matches."""

    person: dict[str, Any]
    score: float
    level: int
    activity: int
    matched: list[Match]

    def cursor(self) -> str:
        return encode_cursor(self.score, self.level, self.activity, self.person["id"])


def _after(cursor: str | None) -> dict[str, Any] | None:
    if cursor is None:
        return None
    score, level, activity, person_id = decode_values(cursor, ((int, float), int, int, str))
    return {"score": float(score), "level": level, "activity": activity, "id": person_id}


def matches(terms: list[str], person: dict[str, Any], document: dict[str, Any]) -> list[Match]:
    """Which terms are found where in a person's search document (for highlighting and `matched`)."""
    values = {**document, "name": person.get("name"), "pinyin": person.get("pinyin")}
    found: list[Match] = []
    for term in terms:
        for prop, where in TEXT_PROPERTIES.items():
            if _contains(values.get(prop), term) and Match(term, where) not in found:
                found.append(Match(term, where))
    return found


def _contains(value: Any, term: str) -> bool:
    texts = value if isinstance(value, list) else [value] if value else []
    for text in map(str.lower, map(str, texts)):
        if _HAN.search(term):
            if term in text:
                return True
        elif any(word.startswith(term) for word in text.split()):
            return True
    return False


def activity_since(today: dt.date) -> dt.date:
    """The first day from which projects and visits count as recent activity."""
    return today.replace(year=today.year - ACTIVITY_YEARS, day=min(today.day, 28))


_EXPERTS = fill_slots(
    STATEMENTS["search/experts"],
    {"ACTIVITY": f"({projection('search/activity')})", "PERSON": projection("people/projection")},
)


async def search_experts(
    db: Database, query: ExpertQuery, first: int, after: str | None, today: dt.date | None = None
) -> tuple[list[ExpertHit], bool]:
    """One page of experts for `query`, best first, and whether more follow."""
    params = {
        "query": query.lucene(),
        "after": _after(after),
        "limit": first + 1,
        "since": activity_since(today or dt.date.today()),
    }
    # Without text every hit scores alike and ties reach far: rank them all at once.
    window = WINDOW + first + 1 if query.terms() else EVERY_HIT
    rows = await db.read("search/experts", _EXPERTS, **params, window=window)
    if rows[0]["truncated"]:
        rows = await db.read("search/experts", _EXPERTS, **params, window=EVERY_HIT)
    rows = sorted(
        (row for row in rows if row["person"] is not None),
        key=lambda row: (-row["score"], -row["level"], -row["activity"], row["person"]["id"]),
    )
    terms = query.terms()
    hits = [
        ExpertHit(
            person=row["person"],
            score=float(row["score"]),
            level=int(row["level"]),
            activity=int(row["activity"]),
            matched=matches(terms, row["person"], row["document"]),
        )
        for row in rows[:first]
    ]
    return hits, len(rows) > first


async def count_experts(db: Database, query: ExpertQuery) -> int:
    """How many people match `query` in all."""
    rows = await db.read("search/count", query=query.lucene())
    return int(rows[0]["total"])


async def rebuild_search_documents(db: Database, batch: int = 5000) -> int:
    """Recompute every person's search document, in batches (after writing people outside the API and loaders)."""
    done, after, reference = 0, None, ReferenceCache()
    while True:
        ids = [row["id"] for row in await db.read("search/people_after", after=after, batch=batch)]
        if not ids:
            return done

        async def write(tx: Transaction, ids: list[str] = ids) -> None:
            derived = await derive_people(tx, ids, reference)
            documents = [{"id": person, "document": result.document} for person, result in derived.items()]
            await tx.run("derived/write_documents", documents=documents)

        await db.write_tx(write)
        done += len(ids)
        after = ids[-1]
