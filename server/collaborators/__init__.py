"""Collaborator suggestions with their reasons, and the institutions that need an expert."""
