// How many registrations are referred to the bureau. Slot: /*FILTERS*/ (none).
MATCH (r:IdentityReferral)
WHERE true /*FILTERS*/
RETURN count(r) AS total
