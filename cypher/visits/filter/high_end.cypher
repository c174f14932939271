// Filter: made by a high-end foreign expert (高端外国专家) when $highEnd is true, by others when false.
EXISTS { MATCH (e:ForeignExpert)-[:MADE]->(v) WHERE coalesce(e.highEnd, false) = $highEnd }
