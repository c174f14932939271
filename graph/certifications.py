"""Institution certifications (high-tech enterprise, tech SME, provincial leader enterprise) and their validity.

A certificate runs from its date for its status's term (`TERMS`) unless a validity end is given; progress counts
the institutions holding one valid on a day (graph/stats/progress.py). Recorded by admins (server/) and loaders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.access import Caller
from graph.audit import audited
from graph.database import Database, Transaction, date_of
from graph.errors import Conflict, InvalidInput, NotFound
from graph.vocabulary import CertificationStatus, codes

#: How many years a certificate of each status runs from its date: a high-tech certificate three, a tech SME
#: registration one (it is renewed every year); a provincial leader enterprise is reviewed every three years.
TERMS: dict[str, int] = {
    CertificationStatus.HIGH_TECH: 3,
    CertificationStatus.TECH_SME: 1,
    CertificationStatus.PROVINCIAL_LEADER: 3,
}


@dataclass(frozen=True, kw_only=True)
class CertificationDraft:
    institution_id: str
    status: str
    certified_on: dt.date
    valid_until: dt.date | None = None
    """Default: the status's term from `certified_on` (the day before the anniversary)."""
    certificate_no: str | None = None


@dataclass(frozen=True, kw_only=True)
class Certification:
    institution_id: str
    status: str
    certified_on: dt.date
    valid_until: dt.date
    certificate_no: str | None


def term_end(status: str, certified_on: dt.date) -> dt.date:
    """The last day a certificate of `status` dated `certified_on` is valid, by its status's term."""
    years = TERMS[status]
    try:
        anniversary = certified_on.replace(year=certified_on.year + years)
    except ValueError:  # 29 February: the term ends with February
        anniversary = dt.date(certified_on.year + years, 3, 1)
    return anniversary - dt.timedelta(days=1)


def check_certification(draft: CertificationDraft, today: dt.date, where: str = "") -> dict[str, object]:
    """The row to store for a draft; InvalidInput naming the field for a bad status or dates."""
    if draft.status not in codes(CertificationStatus):
        raise InvalidInput(
            f"Unknown status {draft.status!r}; known: {', '.join(sorted(codes(CertificationStatus)))}.",
            f"未知的认定类型:{draft.status}",
            f"{where}status",
        )
    if draft.certified_on > today:
        raise InvalidInput(
            f"A certificate cannot be dated in the future ({draft.certified_on}).",
            f"认定日期不能晚于今天({draft.certified_on})",
            f"{where}certifiedOn",
        )
    valid_until = draft.valid_until or term_end(draft.status, draft.certified_on)
    if valid_until < draft.certified_on:
        raise InvalidInput(
            f"The validity ends ({valid_until}) before it starts ({draft.certified_on}).",
            f"有效期截止日期({valid_until})早于认定日期({draft.certified_on})",
            f"{where}validUntil",
        )
    number = (draft.certificate_no or "").strip() or None
    return {
        "institution": draft.institution_id.strip(),
        "status": draft.status,
        "validFrom": draft.certified_on,
        "validUntil": valid_until,
        "certificateNo": number,
    }


def _certification(row: dict[str, object]) -> Certification:
    return Certification(
        institution_id=str(row["institution"]),
        status=str(row["status"]),
        certified_on=date_of(row["validFrom"]),  # type: ignore[arg-type]
        valid_until=date_of(row["validUntil"]),  # type: ignore[arg-type]
        certificate_no=row["certificateNo"],  # type: ignore[arg-type]
    )


async def write_certifications(tx: Transaction, rows: list[dict[str, object]]) -> list[Certification]:
    """Store checked rows in `tx`: NotFound for an unknown institution, Conflict for a different certificate
    already recorded for the same institution, status and date; the same one again changes nothing."""
    stored = await tx.run("certifications/record", rows=rows)
    found = {row["institution"] for row in stored}
    for row in rows:
        if row["institution"] not in found:
            raise NotFound("institution", str(row["institution"]), "institutionId")
    for row in stored:
        if not row["same"]:
            raise Conflict(
                f"Institution {row['institution']} already has a {row['status']} certificate dated "
                f"{row['validFrom']} with another validity or number.",
                f"单位{row['institution']}已有{row['validFrom']}的同类认定,有效期或证书编号不同",
                "certifiedOn",
            )
    return [_certification(row) for row in stored]


async def record_certification(
    db: Database, draft: CertificationDraft, caller: Caller, today: dt.date | None = None
) -> Certification:
    """Record one certification (audited); typed errors name the field, and nothing is written on one."""
    row = check_certification(draft, today or dt.date.today())

    async def work(tx: Transaction) -> tuple[Certification, list[str]]:
        [stored] = await write_certifications(tx, [row])
        return stored, [f"{stored.institution_id}/{stored.status}/{stored.certified_on}"]

    return await audited(db, caller, "recordCertification", work)
