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
    # Statistics for anonymous callers (and, with stats_suppress_all, every caller) suppress counts of fewer
    # people than stats_threshold and what would give them back (graph/stats/disclosure.py); such answers
    # group by at most stats_max_suppressed_dimensions dimensions.
    stats_threshold: int = Field(
        default=5, ge=1, validation_alias=_env("TALENTGRAPH_STATS_THRESHOLD", "stats_threshold")
    )
    stats_suppress_all: bool = Field(
        default=False, validation_alias=_env("TALENTGRAPH_STATS_SUPPRESS_ALL", "stats_suppress_all")
    )
    stats_max_suppressed_dimensions: int = Field(
        default=3,
        ge=1,
        validation_alias=_env("TALENTGRAPH_STATS_MAX_SUPPRESSED_DIMENSIONS", "stats_max_suppressed_dimensions"),
    )
    # An XLSX is a zip: what its members take once unzipped is checked before it is read (loaders/readers.py).
    xlsx_max_uncompressed_mb: int = Field(
        default=256, gt=0, validation_alias=_env("TALENTGRAPH_XLSX_MAX_UNCOMPRESSED_MB", "xlsx_max_uncompressed_mb")
    )
    xlsx_max_ratio: float = Field(
        default=100.0, gt=1, validation_alias=_env("TALENTGRAPH_XLSX_MAX_RATIO", "xlsx_max_ratio")
    )

    @property
    def embedded(self) -> bool:
        """True when no external Neo4j is configured and the project runs its own."""
        return not self.neo4j_uri

    @property
    def development(self) -> bool:
        return self.mode == "development"
