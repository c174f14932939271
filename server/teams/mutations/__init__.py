"""Team mutations, one file each, gathered into one root type."""

import strawberry

from server.teams.mutations.add_team_member import add_team_member
from server.teams.mutations.recognize_team import recognize_team
from server.teams.mutations.register_team import register_team
from server.teams.mutations.remove_team_member import remove_team_member
from server.teams.mutations.resubmit_team import resubmit_team
from server.teams.mutations.review_team import review_team


@strawberry.type
class TeamMutations:
    register_team = strawberry.mutation(resolver=register_team, description="Register a team (status submitted).")
    review_team = strawberry.mutation(resolver=review_team, description="Approve or reject a submitted team (admin).")
    recognize_team = strawberry.mutation(
        resolver=recognize_team, description="Recognize an approved team from a date (admin)."
    )
    resubmit_team = strawberry.mutation(resolver=resubmit_team, description="Submit a rejected team again.")
    add_team_member = strawberry.mutation(
        resolver=add_team_member, description="Add a member to a team not yet recognized."
    )
    remove_team_member = strawberry.mutation(
        resolver=remove_team_member, description="Remove a member (not the leader) from a team not yet recognized."
    )
