"""Withdrawing a record entered by mistake: kept in the graph as withdrawn, out of every count and list from then.

A withdrawn record keeps its relationships and its audit trail; it carries `withdrawnOn` (the first day it no
longer counts), `withdrawnAt`, `withdrawnBy` (the key's id), `withdrawnRole` and `withdrawnReason`. Lists and
their counts leave it out (each domain's `list`/`count` statement), and statistics as of a day before
`withdrawnOn` still count it: a person's talent spans end the day before (graph/stats/spans.py), a team,
platform, visit or project stops counting in `stats/progress` from that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph.access import Caller, check_record, missing
from graph.audit import audited
from graph.database import Database, Transaction
from graph.derived import refresh_people
from graph.errors import Conflict, InvalidInput
from graph.stats.spans import EPOCH


@dataclass(frozen=True)
class RecordKind:
    """A kind of record that can be withdrawn: its scope statement (cypher/records/scope/) and its names."""

    code: str
    entity: str
    entity_zh: str
    withdrawable: bool = True


#: The kinds of record corrections lock (`lock_record`) and, where `withdrawable`, withdrawals take.
KINDS = {
    kind.code: kind
    for kind in (
        RecordKind("person", "person", "人员"),
        RecordKind("team", "team", "团队"),
        RecordKind("platform", "platform", "平台"),
        RecordKind("visit", "visit", "来访记录"),
        RecordKind("project", "project", "项目"),
        # Corrected, not withdrawn: its staff and records would be left without a place.
        RecordKind("institution", "institution", "单位", withdrawable=False),
    )
}
MAX_REASON = 500


async def lock_record(tx: Transaction, caller: Caller, kind: str, record: str, field: str = "id") -> dict[str, Any]:
    """Lock `record` of `kind` for the rest of `tx` before a correction checks anything about it, and refuse a
    caller who may not change it (NotFound for one it may not see, as for none) or a record already withdrawn.
    Return its scope row (records/scope/<kind>: element id, institutions, withdrawal date)."""
    spec = KINDS[kind]
    rows = await tx.run(f"records/scope/{spec.code}", id=record)
    if not rows:
        raise missing(caller, spec.entity, record, field)
    [row] = rows
    check_record(caller, row["institutions"], spec.entity, record, field)
    if row["withdrawnOn"] is not None:
        raise Conflict(
            f"{spec.entity.capitalize()} {record} was withdrawn from {row['withdrawnOn']}.",
            f"{spec.entity_zh} {record} 已于 {row['withdrawnOn']} 撤销",
            field,
        )
    return dict(row)


@dataclass(frozen=True)
class Withdrawn:
    """What a withdrawal did: the record, and the first day it no longer counts."""

    kind: str
    id: str
    on: dt.date


async def withdraw_record(
    db: Database,
    kind: str,
    record: str,
    caller: Caller,
    on: dt.date | None = None,
    reason: str | None = None,
    today: dt.date | None = None,
) -> Withdrawn:
    """Withdraw `record` of `kind` from `on` (today when None) in one transaction, recounting what it changes;
    allowed to the callers who may change the record (graph/access.py), refused for a record withdrawn already."""
    spec = KINDS[kind]
    assert spec.withdrawable, kind
    today = today or dt.date.today()
    day = on or today
    if not EPOCH <= day <= today:
        raise InvalidInput(
            f"A withdrawal takes effect between {EPOCH} and today.", f"撤销日期须在{EPOCH}至今天之间", "on"
        )
    cleaned = " ".join(reason.split()) if reason else None
    if cleaned is not None and len(cleaned) > MAX_REASON:
        raise InvalidInput(f"A reason is at most {MAX_REASON} characters.", f"原因不超过{MAX_REASON}个字符", "reason")

    async def work(tx: Transaction) -> tuple[Withdrawn, list[str]]:
        row = await lock_record(tx, caller, kind, record)
        await tx.run(
            "records/withdraw",
            element=row["element"],
            on=day,
            reason=cleaned,
            keyId=caller.key_id,
            role=caller.role.value,
        )
        if spec.code == "person":
            # Their talent spans end the day before; their search document leaves the search.
            await refresh_people(tx, [record])
        return Withdrawn(kind, record, day), [record]

    return await audited(db, caller, "withdrawRecord", work)
