"""People's facts read from the graph, and what graph/derivation.py derives from them.

Three statements give them: `derived/facts` (the people, locked), `derived/institutions` (their employers,
once each) and `derived/reference` (the reference trees, once per transaction, or once per bulk load
through a `ReferenceCache`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph.database import Transaction, date_of
from graph.derivation import Derived, Facts, Job, Reference, Title, Workplace, derive, reference_from


class ReferenceCache:
    """The reference trees, read on first use in a transaction and kept: one per bulk load.

    Only migrations write them; facts naming a field or region the kept trees lack have them read again."""

    def __init__(self) -> None:
        self._reference: Reference | None = None

    async def reference(self, tx: Transaction) -> Reference:
        if self._reference is None:
            await self.refresh(tx)
        assert self._reference is not None
        return self._reference

    async def refresh(self, tx: Transaction) -> Reference:
        [row] = await tx.run("derived/reference")
        self._reference = reference_from(row)
        return self._reference


def workplace_from(row: Mapping[str, Any]) -> Workplace:
    """A Workplace from a `derived/institutions` row (or a map of the same keys)."""
    return Workplace(id=row["id"], name=row["name"], type=row["type"], regions=tuple(row["regions"]))


def facts_from(row: Mapping[str, Any], workplaces: Mapping[str, Workplace]) -> Facts:
    """Facts from a `derived/facts` row and the workplaces of its employments."""
    return Facts(
        id=row["id"],
        pinyin=row["pinyin"],
        keywords=tuple(row["keywords"] or ()),
        gender=row["gender"],
        birth_year=row["birthYear"],
        fields=tuple((code, weight) for code, weight in row["fields"]),
        jobs=tuple(
            Job(at=workplaces[job["institution"]], since=date_of(job["since"]), until=date_of(job["until"]))
            for job in row["jobs"]
        ),
        titles=tuple(
            Title(
                certificate_no=title["certificateNo"],
                level=title["level"],
                series=title["series"],
                granted_on=date_of(title["grantedOn"]),
                revoked_on=date_of(title["revokedOn"]),
            )
            for title in row["titles"]
        ),
        withdrawn_on=date_of(row["withdrawnOn"]),
    )


async def derive_people(tx: Transaction, ids: Sequence[str], cache: ReferenceCache | None = None) -> dict[str, Derived]:
    """The search document and talent spans of each of the people `ids` that exists, read and derived in `tx`."""
    rows = await tx.run("derived/facts", ids=list(ids))
    institutions = list({job["institution"] for row in rows for job in row["jobs"]})
    workplaces = {row["id"]: workplace_from(row) for row in await tx.run("derived/institutions", ids=institutions)}
    facts = [facts_from(row, workplaces) for row in rows]
    cache = cache or ReferenceCache()
    reference = await cache.reference(tx)
    if not all(reference.covers(person) for person in facts):
        reference = await cache.refresh(tx)
    return {person.id: derive(person, reference) for person in facts}
