"""Backup and restore of the whole graph in a portable, versioned file (docs/backup.md)."""
