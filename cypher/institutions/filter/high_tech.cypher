// Filter: flagged (or not) as a high-tech enterprise: $highTech.
coalesce(i.highTech, false) = $highTech
