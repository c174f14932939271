"""People: titled staff, experts, foreign experts."""
