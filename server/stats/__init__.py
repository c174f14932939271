"""Statistics: progress toward the plan's targets, talent statistics, plans and their goals, exports."""
