"""API keys: created and revoked by the operator, stored only as the SHA-256 hash of their secret."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from graph.access import OPERATOR
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import Conflict, InvalidInput, NotFound

#: The roles a key can carry (anonymous is the absence of a key).
KEY_ROLES = ("admin", "analyst", "recruiter", "institution")
_PREFIX = "tg_"


@dataclass(frozen=True)
class ApiKey:
    """A key as stored: never its secret."""

    id: str
    role: str
    institution: str | None
    name: str | None
    created_at: dt.datetime
    revoked_at: dt.datetime | None


def hash_secret(secret: str) -> str:
    """The hash under which a key's secret is stored and looked up.

    Secrets are 256 random bits, so a plain SHA-256 cannot be reversed by guessing: no salt or slow hash needed.
    """
    return hashlib.sha256(secret.strip().encode()).hexdigest()


def _key_from(row: dict[str, Any]) -> ApiKey:
    revoked = row.get("revokedAt")
    return ApiKey(
        id=row["id"],
        role=row["role"],
        institution=row.get("institution"),
        name=row.get("name"),
        created_at=row["createdAt"].to_native(),
        revoked_at=revoked.to_native() if revoked else None,
    )


async def create_key(
    db: Database, role: str, institution: str | None = None, name: str | None = None
) -> tuple[ApiKey, str]:
    """Create a key; return it and its secret, which is shown once and stored only as a hash."""
    if role not in KEY_ROLES:
        raise InvalidInput(f"Unknown role {role!r}: choose one of {', '.join(KEY_ROLES)}.", f"未知角色:{role}", "role")
    if role == "institution" and not institution:
        raise InvalidInput(
            "An institution key needs the institution it belongs to.", "单位密钥须指定所属单位", "institution"
        )
    if role != "institution" and institution:
        raise InvalidInput(
            f"A {role} key is not bound to an institution: leave the institution out.",
            f"{role} 密钥不绑定单位",
            "institution",
        )
    key_id = secrets.token_hex(6)
    secret = _PREFIX + secrets.token_urlsafe(32)

    async def work(tx: Transaction) -> tuple[ApiKey, list[str]]:
        if institution is not None:
            [row] = await tx.run("institutions/exists", id=institution)
            if not row["exists"]:
                raise NotFound("institution", institution, "institution")
        [row] = await tx.run(
            "keys/create", id=key_id, hash=hash_secret(secret), role=role, institution=institution, name=name
        )
        return _key_from(row["key"]), [key_id]

    return await audited(db, OPERATOR, "createKey", work), secret


async def list_keys(db: Database) -> list[ApiKey]:
    """Every key, newest first, revoked ones included."""
    return [_key_from(row["key"]) for row in await db.read("keys/list")]


async def revoke_key(db: Database, key_id: str) -> ApiKey:
    """Revoke a key from now on; NotFound or Conflict (already revoked) otherwise."""

    async def work(tx: Transaction) -> tuple[ApiKey, list[str]]:
        rows = await tx.run("keys/revoke", id=key_id)
        if not rows:
            raise NotFound("key", key_id, "id")
        if rows[0]["alreadyRevoked"]:
            raise Conflict(f"Key {key_id} was already revoked.", f"密钥 {key_id} 已被撤销", "id")
        return _key_from(rows[0]["key"]), [key_id]

    return await audited(db, OPERATOR, "revokeKey", work)


async def active_key(db: Database, key_hash: str) -> ApiKey | None:
    """The unrevoked key whose secret has this hash (`hash_secret`), or None."""
    rows = await db.read("keys/by_hash", hash=key_hash)
    return _key_from(rows[0]["key"]) if rows else None
