"""Innovation and entrepreneurship teams (创新创业团队): registration, review, recognition, members.

A team is registered `submitted`; an administrator approves or rejects it; an approved team is
recognized (what the `innovation-teams` target counts); a rejected one may be resubmitted.
Members may change while a team is not recognized. A team always has one leader, and nobody leads
two active (not rejected) teams.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from graph.access import Caller, check_record, check_write, may_read, missing
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import Conflict, InvalidInput, NotFound
from graph.institutions import check_host
from graph.listing import Filter, Listing, SortKey
from graph.text import NAME
from graph.vocabulary import Level, TeamOrigin, TeamRole, TeamStatus, codes

TEAMS = Listing(
    domain="teams",
    variable="t",
    projection_slot="TEAM",
    item="team",
    orders={
        "NAME": SortKey("t.name", "t.name IS NOT NULL"),
        "STATUS": SortKey("coalesce(t.status, '')"),
        "LEVEL": SortKey("coalesce(t.level, '')"),
        "ID": SortKey("t.id", "t.id IS NOT NULL"),
    },
)
#: The roles a member other than the leader may have.
MEMBER_ROLES = codes(TeamRole) - {TeamRole.LEADER.value}
SUBMITTED, APPROVED, REJECTED, RECOGNIZED = (
    TeamStatus.SUBMITTED.value,
    TeamStatus.APPROVED.value,
    TeamStatus.REJECTED.value,
    TeamStatus.RECOGNIZED.value,
)


@dataclass(frozen=True)
class TeamFilter(Filter):
    """What a team list is filtered by (teams/filter/*); None means "any"."""

    status: tuple[str, ...] | None = None
    institution: tuple[str, ...] | None = None
    field: tuple[str, ...] | None = None
    origin: tuple[str, ...] | None = None
    level: tuple[str, ...] | None = None
    name: str | None = None
    member: tuple[str, ...] | None = None


@dataclass(frozen=True)
class MemberDraft:
    """A person named for a team; `invited` when they work elsewhere and are invited explicitly."""

    person: str
    role: str = "member"
    invited: bool = False


@dataclass
class TeamDraft:
    """A team as registered, before validation; `institution` None means the caller's own."""

    name: str
    fields: list[str]
    leader: MemberDraft
    origin: str
    level: str | None = None
    institution: str | None = None
    members: list[MemberDraft] = field(default_factory=list)


def _check_name(name: str) -> str:
    cleaned = NAME.check_field(" ".join(name.split()), "name")
    if not cleaned:
        raise InvalidInput("A team needs a name.", "团队名称不能为空", "name")
    return cleaned


async def _check_people(
    tx: Transaction, caller: Caller, people: list[MemberDraft], institution: str, team: str | None, field_name: str
) -> None:
    """Every person exists, works at the institution or is invited; a leader leads no other active team."""
    rows = await tx.run("teams/people", people=[person.person for person in people], institution=institution, team=team)
    found = {row["id"]: row for row in rows}
    for person in people:
        row = found[person.person]
        if not row["exists"]:
            raise NotFound("person", person.person, field_name)
        if not row["local"] and not person.invited:
            raise InvalidInput(
                f"Person {person.person} does not work at institution {institution}: "
                "set `invited: true` to invite them from elsewhere.",
                f"人员 {person.person} 不在本单位任职:如从外单位邀请,请设置 invited: true",
                field_name,
            )
        if person.role == "leader" and row["leads"]:
            led = row["leads"][0]
            # Only a team the caller may read is named: another institution's does not exist for it.
            which, which_zh = (
                (f"the active team {led['id']}", f"在册团队 {led['id']} 的")
                if may_read(caller, [led["institution"]])
                else ("an active team of another institution", "其他单位在册团队的")
            )
            raise Conflict(
                f"Person {person.person} already leads {which}; nobody leads two active teams.",
                f"人员 {person.person} 已是{which_zh}带头人,不能同时带领两个团队",
                field_name,
            )


async def register_team(db: Database, draft: TeamDraft, caller: Caller, today: dt.date | None = None) -> str:
    """Validate and register a team in status `submitted`; return its id."""
    today = today or dt.date.today()
    name = _check_name(draft.name)
    institution = caller.own_institution(draft.institution)
    if institution is None:
        raise InvalidInput("Name the institution the team is based at.", "请填写团队依托单位", "institutionId")
    check_write(caller, institution, "teams")
    if draft.origin not in codes(TeamOrigin):
        raise InvalidInput(f"Unknown origin {draft.origin!r}.", f"未知的团队来源:{draft.origin}", "origin")
    if draft.level is not None and draft.level not in codes(Level):
        raise InvalidInput(f"Unknown level {draft.level!r}.", f"未知的级别:{draft.level}", "level")
    if not draft.fields:
        raise InvalidInput("Name at least one field the team works in.", "请至少填写一个团队领域", "fields")
    leader = MemberDraft(draft.leader.person, "leader", draft.leader.invited)
    for member in draft.members:
        if member.role not in MEMBER_ROLES:
            raise InvalidInput(
                "A member's role is core or member; the leader is named as leader.",
                "成员角色应为核心成员或成员;带头人请在 leader 中填写",
                "members",
            )
    people = [leader, *draft.members]
    ids = [person.person for person in people]
    if len(set(ids)) != len(ids):
        raise InvalidInput("A person is named twice on the team.", "同一人员在团队中出现了两次", "members")
    props = {"id": str(uuid.uuid4()), "name": name, "origin": draft.origin, "level": draft.level}

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        # The rule about the leader is checked under their lock: a concurrent registration waits, then sees this one.
        await tx.run("people/lock", id=leader.person)
        await check_host(tx, institution, draft.fields)
        await _check_people(tx, caller, [leader], institution, None, "leader")
        await _check_people(tx, caller, draft.members, institution, None, "members")
        members = [{"person": p.person, "role": p.role, "invited": p.invited} for p in people]
        [created] = await tx.run(
            "teams/register",
            props={k: v for k, v in props.items() if v is not None},
            institution=institution,
            fields=draft.fields,
            members=members,
            since=today,
        )
        return str(created["id"]), [str(created["id"])]

    return await audited(db, caller, "registerTeam", work)


async def _team(tx: Transaction, team_id: str, caller: Caller) -> dict[str, Any]:
    """The team's state, under its lock; NotFound for a team the caller may not see, as for none."""
    rows = await tx.run("teams/get", id=team_id)
    if not rows:
        raise missing(caller, "team", team_id, "id")
    check_record(caller, [rows[0]["institution"]], "team", team_id, "id")
    return rows[0]


def _require_status(team_id: str, status: str, allowed: str, action: str, action_zh: str) -> None:
    if status != allowed:
        raise Conflict(
            f"Team {team_id} is {status}: only a {allowed} team can be {action}.",
            f"团队 {team_id} 当前状态为 {status},只有 {allowed} 状态的团队才能{action_zh}",
            "id",
        )


async def review_team(db: Database, team_id: str, approve: bool, comment: str | None, caller: Caller) -> str:
    """Approve or reject a submitted team, with the reviewer's comment; return its id."""

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        team = await _team(tx, team_id, caller)
        _require_status(team_id, team["status"], SUBMITTED, "reviewed", "审核")
        await tx.run(
            "teams/set_status",
            id=team_id,
            status=APPROVED if approve else REJECTED,
            props={"reviewComment": comment, "reviewedAt": dt.datetime.now(dt.UTC)},
        )
        return team_id, [team_id]

    return await audited(db, caller, "reviewTeam", work)


async def recognize_team(
    db: Database, team_id: str, recognized_on: dt.date, caller: Caller, today: dt.date | None = None
) -> str:
    """Mark an approved team recognized from `recognized_on` (what the innovation-teams target counts)."""
    if recognized_on > (today or dt.date.today()):
        raise InvalidInput("The recognition date cannot be in the future.", "认定日期不能晚于今天", "on")

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        team = await _team(tx, team_id, caller)
        _require_status(team_id, team["status"], APPROVED, "recognized", "认定")
        await tx.run("teams/set_status", id=team_id, status=RECOGNIZED, props={"recognizedOn": recognized_on})
        return team_id, [team_id]

    return await audited(db, caller, "recognizeTeam", work)


async def resubmit_team(db: Database, team_id: str, caller: Caller) -> str:
    """Submit a rejected team again (after fixing its members); its leader must lead no other active team."""

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        team = await _team(tx, team_id, caller)
        _require_status(team_id, team["status"], REJECTED, "resubmitted", "重新提交")
        await tx.run("people/lock", id=team["leader"])
        leader = MemberDraft(team["leader"], "leader", True)
        await _check_people(tx, caller, [leader], team["institution"], team_id, "leader")
        await tx.run(
            "teams/set_status",
            id=team_id,
            status=SUBMITTED,
            props={"submittedAt": dt.datetime.now(dt.UTC), "reviewedAt": None},
        )
        return team_id, [team_id]

    return await audited(db, caller, "resubmitTeam", work)


def _require_open(team_id: str, status: str) -> None:
    if status == RECOGNIZED:
        raise Conflict(
            f"Team {team_id} is recognized: its members can no longer change.",
            f"团队 {team_id} 已认定,成员不能再变更",
            "teamId",
        )


async def add_team_member(
    db: Database, team_id: str, member: MemberDraft, caller: Caller, today: dt.date | None = None
) -> str:
    """Add a core member or member to a team that is not recognized; return the team's id."""
    if member.role not in MEMBER_ROLES:
        raise InvalidInput(
            "A member's role is core or member: a team has one leader.",
            "成员角色应为核心成员或成员:一个团队只有一位带头人",
            "role",
        )

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        team = await _team(tx, team_id, caller)
        _require_open(team_id, team["status"])
        if member.person in team["members"]:
            raise Conflict(
                f"Person {member.person} is already on team {team_id}.",
                f"人员 {member.person} 已在团队 {team_id} 中",
                "personId",
            )
        await _check_people(tx, caller, [member], team["institution"], team_id, "personId")
        await tx.run(
            "teams/add_member",
            team=team_id,
            person=member.person,
            role=member.role,
            since=today or dt.date.today(),
            invited=member.invited,
        )
        return team_id, [team_id, member.person]

    return await audited(db, caller, "addTeamMember", work)


async def remove_team_member(db: Database, team_id: str, person: str, caller: Caller) -> str:
    """Remove a member (not the leader) from a team that is not recognized; return the team's id."""

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        team = await _team(tx, team_id, caller)
        _require_open(team_id, team["status"])
        if person == team["leader"]:
            raise InvalidInput(
                "The leader cannot be removed: a team always has a leader.",
                "不能移除带头人:团队必须有带头人",
                "personId",
            )
        if person not in team["members"]:
            raise NotFound("team member", person, "personId")
        await tx.run("teams/remove_member", team=team_id, person=person)
        return team_id, [team_id, person]

    return await audited(db, caller, "removeTeamMember", work)
