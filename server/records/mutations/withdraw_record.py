"""withdrawRecord: withdraw a record entered by mistake; it stays in the graph, out of counts and lists from a day."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.records import withdraw_record as withdraw
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error


@strawberry.enum(description="A kind of record that can be withdrawn.")
class RecordKind(enum.Enum):
    PERSON = "person"
    TEAM = "team"
    PLATFORM = "platform"
    VISIT = "visit"
    PROJECT = "project"


@strawberry.input(description="A record to withdraw.")
class WithdrawRecordInput:
    kind: RecordKind
    id: strawberry.ID
    on: dt.date | None = strawberry.field(
        default=None,
        description="The first day the record no longer counts (default today; not in the future). Statistics as "
        "of an earlier day still count it.",
    )
    reason: str | None = strawberry.field(default=None, description="Why, at most 500 characters.")


@strawberry.type(description="A record withdrawn: kept in the graph with who withdrew it and when.")
class RecordWithdrawn:
    kind: RecordKind
    id: strawberry.ID
    on: dt.date = strawberry.field(description="The first day it no longer counts.")


WithdrawRecordResult = Annotated[
    RecordWithdrawn | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("WithdrawRecordResult"),
]


async def withdraw_record(info: strawberry.Info, input: WithdrawRecordInput) -> WithdrawRecordResult:
    """Withdraw a record; typed errors for a day out of range, a record the caller may not change or see, one
    withdrawn already."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="withdrawRecord")
        done = await withdraw(
            context.db, input.kind.value, str(input.id), context.caller, on=input.on, reason=input.reason
        )
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return RecordWithdrawn(kind=RecordKind(done.kind), id=strawberry.ID(done.id), on=done.on)
