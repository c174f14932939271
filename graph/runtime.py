"""Which Neo4j to use: the one `NEO4J_URI` names, or the embedded one, found running or started."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.database import Database, Locate, StreamingReader
from graph.embedded import EmbeddedNeo4j
from graph.settings import Settings


@dataclass
class Neo4jConnection:
    """Where the database is, and the embedded instance this process started (to stop it after)."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str
    started: EmbeddedNeo4j | None = None
    #: The embedded database behind `uri`, if it is one: drivers follow it when it is restarted elsewhere.
    embedded: EmbeddedNeo4j | None = None
    #: No line on stderr when the embedded database this process started is stopped.
    quiet: bool = True

    def open(self, *, timeout: float) -> Database:
        """A new driver to this database, whose transactions end after `timeout` seconds."""
        return Database.connect(
            self.uri, self.user, self.password, self.database, timeout=timeout, locate=self._locate()
        )

    def _locate(self) -> Locate | None:
        embedded = self.embedded or self.started
        if embedded is None:
            return None

        def where() -> tuple[str, str] | None:
            running = embedded.status()
            return (running.uri, running.password) if running else None

        return where

    def open_reader(self) -> StreamingReader:
        """A synchronous driver to this database for one long streamed read (a backup)."""
        return StreamingReader(self.uri, self.user, self.password, self.database)

    def release(self) -> None:
        """Stop the embedded database if this process started it."""
        if self.started is not None:
            self.started.stop(quiet=self.quiet)
            self.started = None


def embedded_for(settings: Settings) -> EmbeddedNeo4j:
    """The embedded database of the configured data folder."""
    return EmbeddedNeo4j(settings.data_dir, heap=settings.neo4j_heap, pagecache=settings.neo4j_pagecache)


def connect(settings: Settings, quiet: bool = False) -> Neo4jConnection:
    """`NEO4J_URI` as given if set; else the embedded database, started here unless already running."""
    if settings.neo4j_uri:
        return Neo4jConnection(
            settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
        )
    embedded = embedded_for(settings)
    running, started_here = embedded.start(quiet=quiet)
    return Neo4jConnection(
        running.uri,
        running.user,
        running.password,
        "neo4j",
        started=embedded if started_here else None,
        embedded=embedded,
        quiet=quiet,
    )
