"""Professional titles: granted, revoked, counted."""
