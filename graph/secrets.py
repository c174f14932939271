"""The salt under which identity numbers are hashed: from the settings, or kept in the data folder."""

from __future__ import annotations

import hashlib
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


def configured_salt(settings: Settings) -> str | None:
    """The salt this deployment already has (TALENTGRAPH_ID_SALT, or the data folder's file); None, making none."""
    if settings.id_salt:
        return settings.id_salt
    path = settings.data_dir / "id-salt"
    return path.read_text().strip() if path.exists() else None


#: PBKDF2 iterations of a salt's fingerprint: slow enough that a backup's fingerprint is no shortcut to
#: guessing a weak salt.
_FINGERPRINT_ROUNDS = 200_000


def salt_fingerprint(salt: str) -> str:
    """A one-way fingerprint of the identity salt, by which a restore checks it has the same salt."""
    return hashlib.pbkdf2_hmac("sha256", salt.encode(), b"talentgraph-backup-salt", _FINGERPRINT_ROUNDS).hex()
