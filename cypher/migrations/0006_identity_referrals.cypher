// Registrations referred to the bureau because another person holds their identity hash (graph/people.py):
// unique ids, and found by hash when the same number is registered again.
CREATE CONSTRAINT identity_referral_id IF NOT EXISTS FOR (r:IdentityReferral) REQUIRE r.id IS UNIQUE;
CREATE INDEX identity_referral_id_hash IF NOT EXISTS FOR (r:IdentityReferral) ON (r.idHash);
