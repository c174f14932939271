// Filter: a foreign expert (外国专家) when $foreignExpert is true, anyone else when false.
(p:ForeignExpert) = $foreignExpert
