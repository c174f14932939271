"""Science and technology projects: evidence of collaboration."""
