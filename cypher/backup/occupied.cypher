// Whether the database holds anything but what `migrate` writes: a node without any of the $owned labels
// (the reference data and migration records), a target goal set by an administrator, or a plan the code does
// not ship. $owned: labels; $plans: the codes of the shipped plans.
RETURN EXISTS { MATCH (n) WHERE none(label IN labels(n) WHERE label IN $owned) }
    OR EXISTS { MATCH (t:Target) WHERE t.goalSetBy IS NOT NULL }
    OR EXISTS { MATCH (p:Plan) WHERE NOT p.code IN $plans } AS occupied
