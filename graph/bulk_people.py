"""People new to the graph, created in bulk with everything derived from them in one statement.

A first load is mostly people the graph has never seen. Their facts follow from the rows in hand plus a
little reference data (their institutions' names, types and regions, the field and region trees, the level
ranks), read in the batch's own transaction together with a check that none of their keys exists yet (for
rows validation marked `new`, only their ids: the uniqueness constraints refuse anyone created since, see
`plan`). So a batch derives their search documents and talent spans from those facts (graph/derivation.py,
as for every other write) and creates them without reading anyone back; people already in the graph go the
other way, merged by `bulk/people` and then derived from the graph (graph/derived.py), but for rows whose
title already carries their import fingerprint: those are only counted unchanged, so that re-running a
file sends none of its rows back.

The reference trees (fields, regions, title levels) are written only by migrations, so a load reads them
once (graph/facts.py `ReferenceCache`); the keys and institutions are read in every batch's transaction.

A person's rows are all new or all not: a person whose hash, id or any certificate is known, whose
certificate appears twice in the batch, or whose institution or a field is missing goes the other way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.database import Transaction, date_of
from graph.derivation import Facts, Job, Reference, Title, Workplace, derive
from graph.facts import ReferenceCache, workplace_from
from graph.stats.spans import Span


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
    institutions = {row["id"]: workplace_from(row) for row in known["institutions"]}
    trees = await (reference or ReferenceCache()).reference(tx)

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
            or any(code not in trees.fields for code in codes)
            or not all(region in trees.regions for region in institution.regions)
        ):
            rest.add(id_hash)
            continue
        person, spans = _derive(id_hash, group, codes, institution, trees)
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
    id_hash: str, group: list[dict[str, Any]], codes: list[str], institution: Workplace, reference: Reference
) -> tuple[dict[str, Any], list[Span]]:
    """The bulk/create_people parameter and the talent spans of one new person and their rows."""
    props: dict[str, Any] = {"idHash": id_hash, "id": group[0]["personId"]}
    for row in group:
        # Later rows win, as `SET p += row.person` row after row would have it.
        props.update(row["person"])
    facts = Facts(
        id=props["id"],
        pinyin=props.get("pinyin"),
        keywords=tuple(props.get("keywords") or ()),
        gender=props.get("gender"),
        birth_year=props.get("birthYear"),
        # As bulk/create_people links them: each field once, weight 1.0; one current employment.
        fields=tuple((code, 1.0) for code in codes),
        jobs=(Job(at=institution),),
        titles=tuple(
            [
                Title(title["certificateNo"], title["level"], title["series"], date_of(title.get("grantedOn")))
                for title in (row["title"] for row in group)
            ]
        ),
    )
    derived = derive(facts, reference)
    props.update(derived.document)
    person = {
        "props": props,
        "institution": institution.id,
        "fields": codes,
        "titles": [{"props": row["title"], "fingerprint": row["fingerprint"]} for row in group],
    }
    return person, derived.spans
