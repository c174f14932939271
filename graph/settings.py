"""Settings: one typed object, built from the environment in one place and passed explicitly."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPOSITORY = Path(__file__).resolve().parent.parent


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseSettings):
    """Everything configurable, read from environment variables (names in the README)."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    neo4j_uri: str | None = Field(default=None, validation_alias=_env("NEO4J_URI", "neo4j_uri"))
    neo4j_user: str = Field(default="neo4j", validation_alias=_env("NEO4J_USER", "neo4j_user"))
    neo4j_password: str = Field(default="", validation_alias=_env("NEO4J_PASSWORD", "neo4j_password"))
    neo4j_database: str = Field(default="neo4j", validation_alias=_env("NEO4J_DATABASE", "neo4j_database"))

    data_dir: Path = Field(
        default=REPOSITORY / "var" / "neo4j",
        validation_alias=_env("TALENTGRAPH_DATA_DIR", "data_dir"),
    )
    neo4j_heap: str = Field(default="1g", validation_alias=_env("TALENTGRAPH_NEO4J_HEAP", "neo4j_heap"))
    neo4j_pagecache: str = Field(default="1g", validation_alias=_env("TALENTGRAPH_NEO4J_PAGECACHE", "neo4j_pagecache"))
    id_salt: str | None = Field(default=None, validation_alias=_env("TALENTGRAPH_ID_SALT", "id_salt"))
    mode: Literal["development", "production"] = Field(
        default="production", validation_alias=_env("TALENTGRAPH_MODE", "mode")
    )
    introspection: bool = Field(default=True, validation_alias=_env("TALENTGRAPH_INTROSPECTION", "introspection"))
    max_page_size: int = Field(default=500, validation_alias=_env("TALENTGRAPH_MAX_PAGE_SIZE", "max_page_size"))
    max_depth: int = Field(default=12, validation_alias=_env("TALENTGRAPH_MAX_DEPTH", "max_depth"))
    max_aliases: int = Field(default=50, validation_alias=_env("TALENTGRAPH_MAX_ALIASES", "max_aliases"))
    max_tokens: int = Field(default=5000, validation_alias=_env("TALENTGRAPH_MAX_TOKENS", "max_tokens"))
    # Off (TALENTGRAPH_AUTH=off) every request is an administrator's: for development and benchmarks only.
    auth: bool = Field(default=True, validation_alias=_env("TALENTGRAPH_AUTH", "auth"))
    key_cache_seconds: float = Field(
        default=30.0, validation_alias=_env("TALENTGRAPH_KEY_CACHE_SECONDS", "key_cache_seconds")
    )
    # Operations (docs/operations.md): who may read /metrics, and how logs are written.
    metrics: Literal["off", "open", "token"] = Field(
        default="token", validation_alias=_env("TALENTGRAPH_METRICS", "metrics")
    )
    metrics_token: str = Field(default="", validation_alias=_env("TALENTGRAPH_METRICS_TOKEN", "metrics_token"))
    metrics_operations: str = Field(
        default="Dashboard", validation_alias=_env("TALENTGRAPH_METRICS_OPERATIONS", "metrics_operations")
    )
    log_format: Literal["text", "json"] = Field(
        default="text", validation_alias=_env("TALENTGRAPH_LOG_FORMAT", "log_format")
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", validation_alias=_env("TALENTGRAPH_LOG_LEVEL", "log_level")
    )
    access_log: bool = Field(default=True, validation_alias=_env("TALENTGRAPH_ACCESS_LOG", "access_log"))

    @property
    def embedded(self) -> bool:
        """True when no external Neo4j is configured and the project runs its own."""
        return not self.neo4j_uri

    @property
    def development(self) -> bool:
        return self.mode == "development"

    @property
    def metrics_operation_names(self) -> list[str]:
        """The GraphQL operation names that /metrics counts by name (the others are `unknown`)."""
        return [name.strip() for name in self.metrics_operations.split(",") if name.strip()]
