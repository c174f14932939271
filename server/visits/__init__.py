"""Foreign experts and their visits (外国专家来访, counted in person-visits 人次)."""
