// Filter: of level $level (NATIONAL, PROVINCIAL, MUNICIPAL).
pl.level = $level
