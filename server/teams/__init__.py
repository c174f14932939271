"""Innovation and entrepreneurship teams (创新创业团队): registered, reviewed, recognized."""
