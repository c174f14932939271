"""Institutions: universities, institutes, enterprises, hospitals, schools, government bodies."""
