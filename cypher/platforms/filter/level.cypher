// Filter: of one of the levels $level (a list of NATIONAL, PROVINCIAL, MUNICIPAL).
pl.level IN $level
