"""The salt under which identity numbers are hashed: from the settings, or kept in the data folder."""

from __future__ import annotations

import os
import secrets

from graph.settings import Settings


def id_salt(settings: Settings) -> str:
    """TALENTGRAPH_ID_SALT if set; else a random salt created once in the data folder (mode 0600)."""
    if settings.id_salt:
        return settings.id_salt
    path = settings.data_dir / "id-salt"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()
