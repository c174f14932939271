// One page of the registrations referred to the bureau (people/refer_identity), newest first. Slots as
// people/list (no filters; /*REFERRAL*/ from people/referrals/projection). Parameters: $cursor, $limit.
MATCH (r:IdentityReferral)
WHERE true /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH r, /*SORT_KEYS*/
ORDER BY /*ORDER*/
LIMIT $limit
RETURN /*SORT_VALUES*/ AS sortKeys, /*REFERRAL*/ AS referral
