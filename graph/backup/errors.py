"""What goes wrong with a backup: a file that is not a whole, unaltered backup; a target that is not empty."""

from __future__ import annotations

from graph.errors import SetupError


class BadBackup(SetupError):
    """The file is not a complete, unaltered backup in a format this version reads: nothing was written."""


class RestoreRefused(SetupError):
    """The target database cannot take this backup as it is (not empty, another identity salt, too old)."""


class BackupFailed(SetupError):
    """The backup could not be taken (writes did not settle, the database failed): no file was left."""
