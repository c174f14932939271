"""Who may do what: the caller of a request, from the HTTP layer down to the graph, and the one scope rule.

`access` is the only place that decides what a caller may do with a record: a person, or a record of an
institution (the institution itself, its teams and platforms, the visits it hosts, the projects it runs).
Every read and write of the API asks it, through the helpers of this module; nothing else compares a
key's institution with a record's. docs/security.md explains the rule to users.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from graph.errors import NotAllowed, NotFound


class Role(enum.Enum):
    """What a key allows (see `access`); the operator is the command line, which holds no key."""

    ADMIN = "admin"
    ANALYST = "analyst"
    RECRUITER = "recruiter"
    INSTITUTION = "institution"
    ANONYMOUS = "anonymous"
    OPERATOR = "operator"


#: Roles that read records of individuals (an institution key only its own).
READERS = (Role.ADMIN, Role.ANALYST, Role.RECRUITER, Role.INSTITUTION)
#: Roles that register and change records (an institution key only its own).
WRITERS = (Role.ADMIN, Role.INSTITUTION)


@dataclass(frozen=True)
class Caller:
    """Who makes a request or a change: a role, the key's id, and for institution keys the institution.

    Made from the request's key by server/auth.py and handed unchanged to every graph function, which
    records it in the audit trail of the changes it makes."""

    role: Role
    key_id: str | None = None
    institution: str | None = None

    def own_institution(self, given: str | None) -> str | None:
        """The institution a write is for: the one given, else an institution key's own (the only one it may write)."""
        return given or self.institution

    def require(self, *roles: Role, action: str) -> None:
        """Raise NotAllowed unless the caller has one of `roles`; `action` says what was refused."""
        if self.role not in roles:
            allowed = ", ".join(role.value for role in roles)
            raise NotAllowed(
                f"{action} needs a key with the role {allowed}; this request has {self.role.value}.",
                f"{action}需要以下角色的密钥:{allowed};当前为 {self.role.value}",
                None,
            )


ANONYMOUS = Caller(Role.ANONYMOUS)
#: Changes made from the command line by the operator, who holds no key.
OPERATOR = Caller(Role.OPERATOR)


@dataclass(frozen=True)
class Access:
    """What a caller may do with one record."""

    record: bool
    """Read the whole record (of a person: everything but what `contact` withholds)."""
    profile: bool
    """Read a person's public profile (PUBLIC_PERSON)."""
    contact: bool
    """Read a person's email and phone."""
    write: bool
    """Change the record."""


# The only answers `access` gives, made once: it runs for every person of every page.
_EVERYTHING = Access(record=True, profile=True, contact=True, write=True)
_READS_EVERYTHING = Access(record=True, profile=True, contact=True, write=False)
_READS_ALL_BUT_CONTACT = Access(record=True, profile=True, contact=False, write=False)
_PUBLIC_PROFILE = Access(record=False, profile=True, contact=False, write=False)
_NOTHING = Access(record=False, profile=False, contact=False, write=False)


def access(caller: Caller, institutions: Collection[str | None], consented: bool = False) -> Access:
    """What `caller` may do with a record of `institutions`: for a person, their current employers;
    for a team, platform or visit, its institution; for a project, the institutions that ran it; for an
    institution, itself. `consented`: the person agreed to be contacted by recruiters.

    The rule:
    - Administrators (and the operator at the command line) read and change everything.
    - Analysts read everything and change nothing.
    - Recruiters read everything but a person's email and phone, which they see only where the person
      consented to be contacted; they change nothing.
    - An institution key reads and changes the records of its own institution: the institution, its
      teams and platforms, the visits it hosts, the projects it runs (as lead or partner), and the whole
      record of its current staff. Of anyone else it sees the public profile only (PUBLIC_PERSON and
      PUBLIC_TITLE: name, pinyin, current employer and region, fields, keywords, foreign-expert status,
      titles' series, level and name), never contact details, certificate numbers, birth year, gender,
      degree, employment history or revocations. Inviting someone into one of its teams or projects
      does not change that. A record of another institution does not exist for it.
    - Anonymous callers see no individual at all (aggregate statistics only).
    No raw identity number is ever stored, so no caller ever sees one.
    """
    role = caller.role
    if role is Role.ADMIN or role is Role.OPERATOR:
        return _EVERYTHING
    if role is Role.ANALYST:
        return _READS_EVERYTHING
    if role is Role.RECRUITER:
        return _READS_EVERYTHING if consented else _READS_ALL_BUT_CONTACT
    if role is Role.INSTITUTION:
        return _EVERYTHING if caller.institution is not None and caller.institution in institutions else _PUBLIC_PROFILE
    return _NOTHING


#: The keys of a person's map (people/projection) in their public profile; `titles` and `employment`
#: are cut down apart (PUBLIC_TITLE, current employment only).
PUBLIC_PERSON = frozenset(
    {"id", "name", "pinyin", "consentToContact", "foreignExpert", "nationality", "highEnd", "keywords", "fields"}
)
#: The keys of a title in a public profile: no certificate number, and only titles not revoked.
PUBLIC_TITLE = frozenset({"series", "level", "name", "grantedOn", "directed", "region"})


def current_employers(person: dict[str, Any]) -> list[str]:
    """The ids of the institutions a person (a people/projection map) works at now."""
    return [str(job["institution"]["id"]) for job in person["employment"] if job.get("until") is None]


def person_seen_by(caller: Caller, person: dict[str, Any]) -> dict[str, Any] | None:
    """What `caller` may see of a person (a people/projection map): the same map cut down to it; None for nothing.

    Every Person the API returns is made from what this gives (server/people/types.py `person_from`)."""
    grant = access(caller, current_employers(person), bool(person.get("consentToContact")))
    if not grant.profile:
        return None
    if grant.record:
        return person if grant.contact else {**person, "email": None, "phone": None}
    seen = {key: value for key, value in person.items() if key in PUBLIC_PERSON}
    seen["titles"] = [
        {key: value for key, value in title.items() if key in PUBLIC_TITLE}
        for title in person["titles"]
        if title.get("revokedOn") is None
    ]
    seen["employment"] = [
        {"institution": job["institution"], "role": job.get("role"), "since": None, "until": None}
        for job in person["employment"]
        if job.get("until") is None
    ]
    return seen


def may_read(caller: Caller, institutions: Collection[str | None]) -> bool:
    """Whether `caller` may read a record of `institutions`; one it may not is answered as missing."""
    return access(caller, institutions).record


def reads_everything(caller: Caller) -> bool:
    """Whether `caller` reads the records of every institution (not bound to one)."""
    return access(caller, ()).record


def list_scope(caller: Caller, requested: str | None, action: str) -> str | None:
    """The institution a list of records is limited to: `requested` (None: any) for a caller who reads
    every institution's records; an institution key's own, refusing another one it asks for."""
    if reads_everything(caller):
        return requested
    if caller.institution is None or (requested is not None and not may_read(caller, (requested,))):
        raise NotAllowed(
            f"{action}: this key belongs to institution {caller.institution} and reads only its own records.",
            f"{action}:该密钥属于单位 {caller.institution},只能查看本单位的记录",
            "institutionId",
        )
    return caller.institution


def check_write(caller: Caller, institution: str | None, what: str) -> None:
    """Refuse a write that names `institution` (a new record's, or a person's new employer) when `caller`
    may not change that institution's records; `what` names them ("teams")."""
    if not access(caller, (institution,) if institution else ()).write:
        raise NotAllowed(
            f"This key belongs to institution {caller.institution}: it may only write {what} of that institution.",
            f"该密钥属于单位 {caller.institution},只能登记或修改本单位的{_ZH.get(what, what)}",
            None,
        )


def missing(caller: Caller, entity: str, key: str, field: str | None) -> NotFound:
    """The error for a record that does not exist, or that `caller` may not see: the same words for both."""
    return NotFound(entity, key, field, within=None if reads_everything(caller) else caller.institution)


def check_record(
    caller: Caller, institutions: Collection[str | None], entity: str, key: str, field: str | None
) -> None:
    """Before a change to an existing record of `institutions`: answer a record `caller` may not see
    exactly as a missing one (NotFound), and refuse one it sees but may not change (NotAllowed)."""
    grant = access(caller, institutions)
    if not grant.record:
        raise missing(caller, entity, key, field)
    if not grant.write:
        raise NotAllowed(
            f"This key ({caller.role.value}) may not change {entity} {key}.",
            f"该密钥({caller.role.value})不能修改{entity} {key}",
            field,
        )


_ZH = {
    "people": "人员",
    "teams": "团队",
    "platforms": "平台",
    "visits": "来访记录",
    "titles": "职称",
    "projects": "项目",
}
