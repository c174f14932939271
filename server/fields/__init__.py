"""Fields of expertise: the plan's taxonomy (钒钛新材料 under 新材料 …)."""
