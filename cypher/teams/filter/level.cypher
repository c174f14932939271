// Filter: of level $level (NATIONAL, PROVINCIAL, MUNICIPAL).
t.level = $level
