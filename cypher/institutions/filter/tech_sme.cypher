// Filter: flagged (or not) as a technology-based SME: $techSme.
coalesce(i.techSme, false) = $techSme
