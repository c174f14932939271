"""People new to the graph, created in bulk with everything derived from them in one statement.

A first load is mostly people the graph has never seen. What their statistics and search documents
need follows from the rows in hand plus a little reference data (their institutions' names, types and
regions, the field and region trees, the level ranks), read in the batch's own transaction together
with a check that none of their keys exists yet (for rows validation marked `new`, only their ids: the
uniqueness constraints refuse anyone created since, see `plan`). So a batch creates them with their search document
(as `search/refresh` would write it) and computes their talent spans (as `stats/person_facts` would
give them) without reading anyone back; people already in the graph go the other way, merged by
`bulk/people` and then recounted and re-indexed from the graph (graph/derived.py), but for rows whose
title already carries their import fingerprint: those are only counted unchanged, so that re-running a
file sends none of its rows back. Tests check that both ways leave the same graph.

The reference trees (fields, regions, title levels) are written only by migrations, so a load reads them
once (`ReferenceCache`); the keys and institutions are read in every batch's transaction.

A person's rows are all new or all not: a person whose hash, id or any certificate is known, whose
certificate appears twice in the batch, or whose institution or a field is missing goes the other way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.database import Transaction
from graph.stats.spans import Employment, HeldTitle, PersonFacts, Span, talent_spans


@dataclass
class NewPeople:
    """The rows of a batch split into people to create here and rows to merge the usual way."""

    people: list[dict[str, Any]] = field(default_factory=list)
    """`people` of bulk/create_people, one per person."""
    institutions: list[str] = field(default_factory=list)
    """`institutions` of bulk/create_people: the ids the people's `institution` positions point into."""
    fields: list[str] = field(default_factory=list)
    """`fields` of bulk/create_people: the codes the people's `fields` positions point into."""
    spans: list[Span] = field(default_factory=list)
    """The talent spans of those people."""
    keys: list[str] = field(default_factory=list)
    """The certificate numbers of their rows."""
    rest: list[dict[str, Any]] = field(default_factory=list)
    """Rows of people that are not new (or not simple to create), in their order, but for the unchanged."""
    unchanged: int = 0
    """Rows left out of `rest` because their title's stored import fingerprint is theirs: `bulk/people`
    would leave them alone (re-running a file sends none of its rows back to the database)."""


@dataclass(frozen=True)
class ReferenceTrees:
    """What new people are placed in: fields (text and codes above), regions (codes within), level ranks."""

    fields: dict[str, dict[str, Any]]
    regions: dict[str, list[str]]
    ranks: dict[str, int]


class ReferenceCache:
    """The reference trees, read on first use in a transaction and kept: one per load."""

    def __init__(self) -> None:
        self._trees: ReferenceTrees | None = None

    async def trees(self, tx: Transaction) -> ReferenceTrees:
        if self._trees is None:
            [row] = await tx.run("bulk/reference_trees")
            self._trees = ReferenceTrees(
                fields={field["code"]: field for field in row["fields"]},
                regions={region["code"]: region["within"] for region in row["regions"]},
                ranks={level["code"]: level["rank"] for level in row["levels"]},
            )
        return self._trees


def _codes(code: str) -> str:
    # search/refresh turns codes into single tokens.
    return code.replace("-", "_")


async def plan(
    tx: Transaction, rows: Sequence[dict[str, Any]], reference: ReferenceCache | None = None, hints: bool = False
) -> NewPeople:
    """Split people rows (as graph/bulk.py takes them) into new people, fully derived, and the rest, less the
    rows `bulk/people` would leave alone (their title's stored import fingerprint is theirs), which are counted.

    `reference`: the load's cache of reference trees; without it they are read here. With `hints`, a person
    whose rows are all marked `new` (loaders/load.py: not in the graph when the file was validated) is not
    looked for again by identity hash or certificate: if someone created them, or one of their titles, since,
    creating them fails on a uniqueness constraint (Conflict), and the caller runs the batch again without hints."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["idHash"], []).append(row)
    certificates = Counter(row["title"]["certificateNo"] for row in rows)
    unsure = [group for group in groups.values() if not (hints and all(row.get("new") for row in group))]
    [known] = await tx.run(
        "bulk/new_people",
        hashes=[group[0]["idHash"] for group in unsure],
        # Everyone's id, though: a talent span left by a person removed straight from the graph is no constraint.
        ids=[group[0]["personId"] for group in groups.values()],
        certificates=[row["title"]["certificateNo"] for group in unsure for row in group],
        institutions=list({group[0]["institution"] for group in groups.values()}),
    )
    known_people, known_ids = set(known["knownPeople"]), set(known["knownIds"])
    known_titles: dict[str, str | None] = dict(known["knownTitles"])
    institutions = {row["id"]: row for row in known["institutions"]}
    trees = await (reference or ReferenceCache()).trees(tx)
    fields, regions, ranks = trees.fields, trees.regions, trees.ranks

    new = NewPeople()
    rest: set[str] = set()
    places: dict[str, int] = {}
    codes_at: dict[str, int] = {}
    for id_hash, group in groups.items():
        numbers = [row["title"]["certificateNo"] for row in group]
        codes = list(dict.fromkeys(code for row in group for code in row["fields"]))
        institution = institutions.get(group[0]["institution"])
        if (
            id_hash in known_people
            or group[0]["personId"] in known_ids
            or institution is None
            or any(number in known_titles or certificates[number] > 1 for number in numbers)
            or any(code not in fields for code in codes)
        ):
            rest.add(id_hash)
            continue
        person, spans = _derive(id_hash, group, codes, institution, fields, regions, ranks)
        person["institution"] = places.setdefault(person["institution"], len(places))
        person["fields"] = [codes_at.setdefault(code, len(codes_at)) for code in person["fields"]]
        new.people.append(person)
        new.spans += spans
        new.keys += numbers
    for row in rows:
        if row["idHash"] not in rest:
            continue
        number = row["title"]["certificateNo"]
        # As bulk/people decides it, in this transaction; a certificate twice in the batch goes there, where the
        # second row compares with what the first one wrote.
        stored = known_titles.get(number)
        if certificates[number] == 1 and stored is not None and stored == row["fingerprint"]:
            new.unchanged += 1
        else:
            new.rest.append(row)
    new.institutions, new.fields = list(places), list(codes_at)
    return new


def _derive(
    id_hash: str,
    group: list[dict[str, Any]],
    codes: list[str],
    institution: dict[str, Any],
    fields: dict[str, dict[str, Any]],
    regions: dict[str, list[str]],
    ranks: dict[str, int],
) -> tuple[dict[str, Any], list[Span]]:
    """The bulk/create_people parameter and the talent spans of one new person and their rows."""
    props: dict[str, Any] = {"idHash": id_hash, "id": group[0]["personId"]}
    for row in group:
        # Later rows win, as `SET p += row.person` row after row would have it.
        props.update(row["person"])
    pinyin = props.get("pinyin") or ""
    titles = [row["title"] for row in group]
    ranked = [(ranks[title["level"]], title["level"]) for title in titles if title.get("level") in ranks]
    top = max(ranked) if ranked else None
    props.update(
        pinyinCompact=pinyin.replace(" ", ""),
        pinyinInitials="".join(syllable[:1] for syllable in pinyin.split(" ")),
        searchFields=sorted(fields[code]["text"] for code in codes if fields[code]["text"] is not None),
        searchInstitution=[institution["name"]] if institution["name"] is not None else [],
        searchKeywords=list(props.get("keywords") or []),
        searchRegions=sorted({code for region in institution["regions"] for code in regions.get(region, [])}),
        searchFieldCodes=sorted(_codes(code) for code in codes)
        + sorted({"under_" + _codes(above) for code in codes for above in fields[code]["above"]}),
        searchLevel=[top[1].lower()] if top else [],
        levelRank=top[0] if top else 0,
    )
    facts = PersonFacts(
        person=props["id"],
        gender=props.get("gender"),
        birth_year=props.get("birthYear"),
        field=min(codes) if codes else None,
        employments=(
            Employment(
                institution=institution["id"],
                region=institution["regions"][0] if institution["regions"] else None,
                institution_type=institution["type"],
                since=None,
                until=None,
            ),
        ),
        titles=tuple(
            HeldTitle(
                certificate_no=title["certificateNo"],
                level=title["level"],
                rank=ranks[title["level"]],
                series=title.get("series"),
                granted_on=_day(title["grantedOn"]),
                revoked_on=None,
            )
            for title in titles
            if title.get("level") in ranks and title.get("grantedOn") is not None
        ),
    )
    person = {
        "props": props,
        "institution": institution["id"],
        "fields": codes,
        "titles": [{"props": row["title"], "fingerprint": row["fingerprint"]} for row in group],
    }
    return person, talent_spans(facts)


def _day(value: Any) -> dt.date:
    return value.to_native() if hasattr(value, "to_native") else value
