// Filter: of one of the levels $level (a list of NATIONAL, PROVINCIAL, MUNICIPAL).
t.level IN $level
