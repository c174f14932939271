"""Title mutations, one file each, gathered into one root type."""

import strawberry

from server.titles.mutations.grant_title import grant_title
from server.titles.mutations.revoke_title import revoke_title


@strawberry.type
class TitleMutations:
    grant_title = strawberry.mutation(resolver=grant_title, description="Grant a title to a person.")
    revoke_title = strawberry.mutation(resolver=revoke_title, description="Revoke a title from a date.")
