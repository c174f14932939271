// One page of the registrations referred to the bureau (people/refer_identity), newest first. Slots as
// people/list (no filters; /*REFERRAL*/ from people/referrals/projection). Parameters: $afterKey,
// $afterId, $limit.
MATCH (r:IdentityReferral)
WHERE true /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH r, /*SORT_KEY*/ AS sortKey
ORDER BY sortKey /*DIRECTION*/, r.id /*DIRECTION*/
LIMIT $limit
RETURN sortKey, /*REFERRAL*/ AS referral
