"""The operator's backup commands: `backup`, `restore` (portable, online) and `db dump`/`db load` (offline)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.backup.restore import restore_backup
from graph.backup.take import take_backup
from graph.database import Database
from graph.runtime import Neo4jConnection, connect, embedded_for
from graph.secrets import configured_salt, id_salt
from graph.settings import Settings
from graph.stats.verify import verify_talent_stats


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=quiet,
    )


async def _on_database(connection: Neo4jConnection, timeout: float, work: Any) -> Any:
    db = connection.open(timeout=timeout)
    try:
        return await work(db)
    finally:
        await db.close()


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    path = Path(args.file)
    salt = id_salt(settings)
    with _progress(args.quiet) as progress:
        task = progress.add_task("backup: nodes and relationships", total=None)

        def tick(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        connection = connect(settings, quiet=args.quiet)
        reader = connection.open_reader()
        try:
            summary = asyncio.run(
                _on_database(
                    connection, settings.batch_timeout_seconds, lambda db: take_backup(db, reader, path, salt, tick)
                )
            )
        finally:
            reader.close()
            connection.release()
    counts = summary.counts
    print(
        f"Backed up {counts.nodes:,} nodes and {counts.relationships:,} relationships to {summary.path} "
        f"({summary.bytes / 1e6:,.1f} MB) in {summary.seconds:.1f} s; writes were paused for "
        f"{summary.paused_seconds:.1f} s. The identity salt is not in the file: keep it with the backup, apart."
    )
    return 0


def cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"talentgraph restore: no file {path}", file=sys.stderr)
        return 2
    salt = configured_salt(settings)
    with _progress(args.quiet) as progress:
        task = progress.add_task("restore: checking the file", total=None)

        def tick(phase: str, done: int, total: int) -> None:
            progress.update(task, description=f"restore: {phase}", completed=done, total=total or None)

        async def work(db: Database) -> Any:
            summary = await restore_backup(
                db, path, salt, replace=args.replace, check_salt=not args.ignore_salt, tick=tick
            )
            progress.update(task, description="restore: verifying the statistics", total=None)
            return summary, await verify_talent_stats(db, dt.date.today(), "130800")

        connection = connect(settings, quiet=args.quiet)
        try:
            summary, problems = asyncio.run(_on_database(connection, settings.batch_timeout_seconds, work))
        finally:
            connection.release()
    counts = summary.counts
    print(
        f"Restored {counts.nodes:,} nodes and {counts.relationships:,} relationships from {path} in "
        f"{summary.seconds:.1f} s (the file checked in {summary.check_seconds:.1f} s); counts by label and "
        "type equal the backup's."
    )
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} statistics groupings differ from a recount: run `talentgraph stats rebuild`.")
        return 1
    print("Statistics agree with a recount.")
    return 0


def cmd_db_file(settings: Settings, args: argparse.Namespace) -> int:
    """`db dump FILE` and `db load FILE`: the offline store dump of the stopped embedded database."""
    from graph.store_dump import dump_store, load_store

    if not args.file:
        print(f"talentgraph db {args.action}: name the dump file", file=sys.stderr)
        return 2
    embedded = embedded_for(settings)
    if args.action == "dump":
        target = dump_store(embedded, Path(args.file))
        print(
            f"Dumped the embedded database ({embedded.data_dir}) to {target} ({target.stat().st_size / 1e6:,.1f} MB)."
        )
    else:
        load_store(embedded, Path(args.file), overwrite=args.overwrite)
        print(f"Loaded {args.file} into {embedded.data_dir}: start it with `talentgraph db start` or `serve`.")
    return 0


def register_commands(commands: Any) -> None:
    """Add `backup` and `restore` to the `talentgraph` command line."""
    backup = commands.add_parser(
        "backup", help="write the whole graph to a portable file while the API serves (docs/backup.md)"
    )
    backup.add_argument("file", help="the file to write, e.g. talentgraph-2025-01-31.jsonl.gz")
    backup.add_argument("--quiet", action="store_true", help="no progress")
    backup.set_defaults(run=cmd_backup)

    restore = commands.add_parser(
        "restore", help="restore a backup file into an empty database, checked whole first (docs/backup.md)"
    )
    restore.add_argument("file", help="the backup file")
    restore.add_argument(
        "--replace", action="store_true", help="delete everything in the database first (it need not be empty)"
    )
    restore.add_argument(
        "--ignore-salt",
        action="store_true",
        help="restore although this deployment's identity salt is not the backup's (identity numbers stop matching)",
    )
    restore.add_argument("--quiet", action="store_true", help="no progress")
    restore.set_defaults(run=cmd_restore)
