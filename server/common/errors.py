"""Expected failures as schema types: every mutation returns its success type or one of these."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from graph.errors import Conflict, DomainError, InvalidInput, NotAllowed, NotFound


@strawberry.interface(description="A failure the caller can act on, in English and Chinese.")
class UserError:
    message: str
    message_zh: str
    field: str | None = strawberry.field(description="The input field at fault, where there is one.")


@strawberry.type(description="A value is missing, malformed or out of range.")
class InvalidInputError(UserError):
    pass


@strawberry.type(description="Something the input refers to does not exist.")
class NotFoundError(UserError):
    entity: str
    key: str


@strawberry.type(description="The write would duplicate a unique value or break a rule of state.")
class ConflictError(UserError):
    pass


@strawberry.type(description="The caller's key does not allow this.")
class NotAllowedError(UserError):
    pass


def user_error(error: DomainError) -> NotFoundError | ConflictError | NotAllowedError | InvalidInputError:
    """The schema type for a domain error."""
    if isinstance(error, NotFound):
        return NotFoundError(
            message=error.message, message_zh=error.message_zh, field=error.field, entity=error.entity, key=error.key
        )
    if isinstance(error, Conflict):
        return ConflictError(message=error.message, message_zh=error.message_zh, field=error.field)
    if isinstance(error, NotAllowed):
        return NotAllowedError(message=error.message, message_zh=error.message_zh, field=error.field)
    assert isinstance(error, InvalidInput), error
    return InvalidInputError(message=error.message, message_zh=error.message_zh, field=error.field)


class RequestError(GraphQLError):
    """An expected error of a query (bad cursor, page too large): shown to clients even in production."""

    def __init__(self, error: DomainError) -> None:
        super().__init__(
            error.message,
            extensions={"code": type(error).__name__, "messageZh": error.message_zh, "field": error.field},
        )
