"""recordCertification: an administrator records that an institution holds a status from a date, for a term."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import Role
from graph.certifications import CertificationDraft
from graph.certifications import record_certification as record
from graph.errors import DomainError
from server.common.enums import CertificationStatus, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error


@strawberry.input(description="A certification of an institution: its status, date and validity.")
class RecordCertificationInput:
    institution_id: strawberry.ID
    status: CertificationStatus
    certified_on: dt.date = strawberry.field(description="The certificate's date; not in the future.")
    valid_until: dt.date | None = strawberry.field(
        default=None,
        description="The last day it is valid; default: its status's term (high-tech 3 years, tech SME 1 year, "
        "provincial leader 3 years) from certifiedOn, the day before the anniversary.",
    )
    certificate_no: str | None = strawberry.field(default=None, description="The certificate's number, if any.")


@strawberry.type(description="A certification as recorded.")
class Certification:
    institution_id: strawberry.ID
    status: CertificationStatus
    certified_on: dt.date
    valid_until: dt.date
    certificate_no: str | None


@strawberry.type
class CertificationRecorded:
    certification: Certification


RecordCertificationResult = Annotated[
    CertificationRecorded | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RecordCertificationResult"),
]


async def record_certification(info: strawberry.Info, input: RecordCertificationInput) -> RecordCertificationResult:
    """Record a certification; the same one again changes nothing. Typed errors for a date in the future, a
    validity ending before it starts, an unknown institution, a different certificate on the same day."""
    context = info.context
    draft = CertificationDraft(
        institution_id=str(input.institution_id),
        status=code_of(input.status),
        certified_on=input.certified_on,
        valid_until=input.valid_until,
        certificate_no=input.certificate_no,
    )
    try:
        context.caller.require(Role.ADMIN, action="Recording a certification")
        stored = await record(context.db, draft, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return CertificationRecorded(
        certification=Certification(
            institution_id=strawberry.ID(stored.institution_id),
            status=CertificationStatus(stored.status),
            certified_on=stored.certified_on,
            valid_until=stored.valid_until,
            certificate_no=stored.certificate_no,
        )
    )
