// A target's own goal for one region within the plan's city (a county's goal): one per plan, target and region.
CREATE CONSTRAINT region_goal_key IF NOT EXISTS FOR (g:RegionGoal) REQUIRE (g.plan, g.target, g.region) IS UNIQUE;
