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
    # Cost before work (docs/security.md): sizes are checked before a body is parsed, cost before execution.
    max_body_bytes: int = Field(
        default=1_048_576, validation_alias=_env("TALENTGRAPH_MAX_BODY_BYTES", "max_body_bytes")
    )
    max_document_chars: int = Field(
        default=100_000, validation_alias=_env("TALENTGRAPH_MAX_DOCUMENT_CHARS", "max_document_chars")
    )
    max_cost: int = Field(default=50_000, validation_alias=_env("TALENTGRAPH_MAX_COST", "max_cost"))
    document_cache_bytes: int = Field(
        default=32 * 1_048_576, validation_alias=_env("TALENTGRAPH_DOCUMENT_CACHE_BYTES", "document_cache_bytes")
    )
    # Every statement of an API request; commands (loads, migrations, rebuilds) use `batch_timeout_seconds`.
    query_timeout_seconds: float = Field(
        default=10.0, gt=0, validation_alias=_env("TALENTGRAPH_QUERY_TIMEOUT_SECONDS", "query_timeout_seconds")
    )
    batch_timeout_seconds: float = Field(
        default=900.0, gt=0, validation_alias=_env("TALENTGRAPH_BATCH_TIMEOUT_SECONDS", "batch_timeout_seconds")
    )
    # In-memory, per process (`limits` notation: "600/minute", several separated by ";"); "" switches one off.
    rate_limit_address: str = Field(
        default="600/minute;60/second", validation_alias=_env("TALENTGRAPH_RATE_LIMIT_ADDRESS", "rate_limit_address")
    )
    rate_limit_key: str = Field(
        default="1200/minute;100/second", validation_alias=_env("TALENTGRAPH_RATE_LIMIT_KEY", "rate_limit_key")
    )
    # Connections (`talentgraph serve`, uvicorn): idle keep-alive connections are closed after
    # `keep_alive_seconds`; beyond `max_connections` at once new ones get 503; a body must arrive
    # within `body_timeout_seconds` (408). A reverse proxy should bound slow headers (docs/security.md).
    keep_alive_seconds: int = Field(
        default=5, gt=0, validation_alias=_env("TALENTGRAPH_KEEP_ALIVE_SECONDS", "keep_alive_seconds")
    )
    max_connections: int = Field(
        default=200, gt=0, validation_alias=_env("TALENTGRAPH_MAX_CONNECTIONS", "max_connections")
    )
    body_timeout_seconds: float = Field(
        default=10.0, gt=0, validation_alias=_env("TALENTGRAPH_BODY_TIMEOUT_SECONDS", "body_timeout_seconds")
    )
    forwarded_allow_ips: str = Field(
        default="127.0.0.1", validation_alias=_env("TALENTGRAPH_FORWARDED_ALLOW_IPS", "forwarded_allow_ips")
    )
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
    # Uploads through the API (docs/import-formats.md, "Uploading through the API"): the largest file, how long
    # its body may take to arrive, and the folder where files wait for their job (None: a private temporary one).
    upload_max_mb: int = Field(default=50, gt=0, validation_alias=_env("TALENTGRAPH_UPLOAD_MAX_MB", "upload_max_mb"))
    upload_timeout_seconds: float = Field(
        default=300.0, gt=0, validation_alias=_env("TALENTGRAPH_UPLOAD_TIMEOUT_SECONDS", "upload_timeout_seconds")
    )
    upload_dir: Path | None = Field(default=None, validation_alias=_env("TALENTGRAPH_UPLOAD_DIR", "upload_dir"))
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
