"""Professional titles (专业技术职称): grant and revoke, with the rules of their reference data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from graph.access import Caller, check_record, missing
from graph.audit import audited
from graph.database import Database, Transaction
from graph.derived import refresh_people
from graph.errors import Conflict, InvalidInput, NotFound
from graph.migrations import read_reference
from graph.people import lock_person

TITLE_LEVELS = {row["code"]: row for row in read_reference("title_levels")}
TITLE_SERIES = {row["code"]: row for row in read_reference("title_series")}
LEVEL_RANK = {code: int(row["rank"]) for code, row in TITLE_LEVELS.items()}
_CERTIFICATE = re.compile(r"^[0-9A-Za-z\-_/]{4,40}$")


@dataclass
class TitleGrant:
    """A title to grant to a person."""

    person: str
    certificate_no: str
    series: str
    level: str
    granted_on: dt.date
    name: str | None = None
    directed: bool = False
    region: str | None = None


async def grant_title(db: Database, grant: TitleGrant, caller: Caller, today: dt.date | None = None) -> str:
    """Validate and record a title held by a person; return its certificate number."""
    today = today or dt.date.today()
    certificate = grant.certificate_no.strip()
    if not _CERTIFICATE.match(certificate):
        raise InvalidInput(
            "A certificate number is 4 to 40 letters, digits, '-', '_' or '/'.",
            "证书编号应为4至40位字母、数字或 - _ /",
            "certificateNo",
        )
    if grant.series not in TITLE_SERIES:
        raise InvalidInput(f"Unknown title series {grant.series!r}.", f"未知的职称系列:{grant.series}", "series")
    if grant.level not in TITLE_LEVELS:
        raise InvalidInput(f"Unknown title level {grant.level!r}.", f"未知的职称级别:{grant.level}", "level")
    if grant.granted_on > today:
        raise InvalidInput("grantedOn cannot be in the future.", "取得时间不能晚于今天", "grantedOn")
    if grant.granted_on.year < 1950:
        raise InvalidInput("grantedOn is before 1950.", "取得时间早于1950年", "grantedOn")
    props = {
        "certificateNo": certificate,
        "series": grant.series,
        "level": grant.level,
        "name": (grant.name or "").strip() or _default_name(grant.series, grant.level),
        "grantedOn": grant.granted_on,
        "directed": grant.directed,
    }

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        await lock_person(tx, caller, grant.person, "personId")
        if grant.region is not None:
            [row] = await tx.run("institutions/references", region=grant.region, fields=[])
            if row["missingRegion"] is not None:
                raise NotFound("region", grant.region, "regionCode")
        existing = await tx.run("titles/get", certificateNo=certificate)
        if existing:
            raise Conflict(
                f"Certificate number {certificate} is already recorded.",
                f"证书编号{certificate}已登记",
                "certificateNo",
            )
        rows = await tx.run("titles/grant", person=grant.person, props=props, region=grant.region)
        if not rows:
            raise NotFound("person", grant.person, "personId")
        await refresh_people(tx, [grant.person])
        return certificate, [grant.person, certificate]

    return await audited(db, caller, "grantTitle", work)


def _default_name(series: str, level: str) -> str:
    return f"{TITLE_SERIES[series]['name']}{TITLE_LEVELS[level]['name']}"


async def revoke_title(
    db: Database,
    certificate_no: str,
    revoked_on: dt.date | None,
    reason: str | None,
    caller: Caller,
    today: dt.date | None = None,
) -> str:
    """Mark a title revoked from a date (kept for history); return the holder's id."""
    today = today or dt.date.today()
    revoked_on = revoked_on or today
    if revoked_on > today:
        raise InvalidInput("revokedOn cannot be in the future.", "撤销日期不能晚于今天", "revokedOn")

    async def work(tx: Transaction) -> tuple[str, list[str]]:
        holder = await tx.run("titles/get", certificateNo=certificate_no)
        if not holder:
            raise missing(caller, "title", certificate_no, "certificateNo")
        [locked] = await tx.run("people/lock", id=holder[0]["person"])
        check_record(caller, locked["employers"], "title", certificate_no, "certificateNo")
        # Read again under the holder's lock: a concurrent revocation has committed by now.
        existing = await tx.run("titles/get", certificateNo=certificate_no)
        if existing[0]["revokedOn"] is not None:
            raise Conflict(
                f"Title {certificate_no} was already revoked.", f"职称{certificate_no}已被撤销", "certificateNo"
            )
        if revoked_on < existing[0]["grantedOn"].to_native():
            raise InvalidInput("revokedOn is before the title was granted.", "撤销日期早于取得时间", "revokedOn")
        rows = await tx.run("titles/revoke", certificateNo=certificate_no, revokedOn=revoked_on, reason=reason)
        await refresh_people(tx, [rows[0]["person"]])
        return str(rows[0]["person"]), [str(rows[0]["person"]), certificate_no]

    return await audited(db, caller, "revokeTitle", work)
