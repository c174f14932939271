"""The audit trail: read-only, for administrators."""
