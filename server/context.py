"""The per-request context: database, settings, DataLoaders, the statement counter."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from strawberry.dataloader import DataLoader

from graph.access import Caller
from graph.database import Database, StatementCount, count_statements
from graph.institutions import INSTITUTIONS
from graph.people import PEOPLE
from graph.platforms import PLATFORMS
from graph.settings import Settings
from graph.taxonomy import Tree, field_tree, region_tree
from graph.teams import TEAMS
from graph.visits import VISITS


@dataclass
class Context:
    """What every resolver gets as `info.context`; created anew for each request."""

    db: Database
    settings: Settings
    id_salt: str
    caller: Caller
    request: Request | None = None
    statements: StatementCount = field(default_factory=count_statements)
    people: DataLoader[str, dict[str, Any] | None] = field(init=False)
    institutions: DataLoader[str, dict[str, Any] | None] = field(init=False)
    teams: DataLoader[str, dict[str, Any] | None] = field(init=False)
    platforms: DataLoader[str, dict[str, Any] | None] = field(init=False)
    visits: DataLoader[str, dict[str, Any] | None] = field(init=False)
    _trees: dict[str, asyncio.Task[Tree]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.people = DataLoader(load_fn=lambda ids: PEOPLE.by_ids(self.db, list(ids)))
        self.institutions = DataLoader(load_fn=lambda ids: INSTITUTIONS.by_ids(self.db, list(ids)))
        self.teams = DataLoader(load_fn=lambda ids: TEAMS.by_ids(self.db, list(ids)))
        self.platforms = DataLoader(load_fn=lambda ids: PLATFORMS.by_ids(self.db, list(ids)))
        self.visits = DataLoader(load_fn=lambda ids: VISITS.by_ids(self.db, list(ids)))

    async def regions(self) -> Tree:
        """The region tree, read at most once per request."""
        return await self._tree("regions", region_tree)

    async def fields(self) -> Tree:
        """The field tree, read at most once per request."""
        return await self._tree("fields", field_tree)

    async def _tree(self, name: str, read: Any) -> Tree:
        if name not in self._trees:
            self._trees[name] = asyncio.ensure_future(read(self.db))
        return await self._trees[name]
