"""Mutations on records of every kind, one file each, gathered into one root type."""

import strawberry

from server.records.mutations.withdraw_record import withdraw_record


@strawberry.type
class RecordMutations:
    withdraw_record = strawberry.mutation(
        resolver=withdraw_record,
        description="Withdraw a record entered by mistake: kept as withdrawn, out of counts and lists from a day.",
    )
