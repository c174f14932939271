"""Certification mutations (administrators only), gathered into one root type."""

import strawberry

from server.certifications.mutations.record_certification import record_certification


@strawberry.type
class CertificationMutations:
    record_certification = strawberry.mutation(
        resolver=record_certification,
        description="Record an institution's certification (high-tech, tech SME, provincial leader) with its "
        "validity (admin).",
    )
