"""The loaders' commands: `load`, `load-all`, `generate`, `demo` (registered by server/cli.py)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from graph.runtime import connect
from graph.secrets import id_salt
from graph.settings import Settings
from loaders.errors import HeaderError
from loaders.formats import KINDS
from loaders.load import LoadSummary, load_file
from loaders.readers import XlsxLimits

#: The order in which a folder of import files loads: what others refer to comes first.
LOAD_ORDER = ("institutions", "people", "platforms", "teams", "projects", "visits", "certifications", "indicators")


def _progress(console: Console, quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TransferSpeedless(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=quiet,
        transient=False,
    )


class TransferSpeedless(TextColumn):
    """Rows per second of a task."""

    def __init__(self) -> None:
        super().__init__("")

    def render(self, task: Any) -> Any:
        from rich.text import Text

        return Text(f"{task.speed or 0:,.0f}/s")


async def _load_files(
    settings: Settings, files: list[tuple[str, Path]], args: argparse.Namespace, console: Console
) -> list[LoadSummary]:
    connection = connect(settings, quiet=args.quiet)
    db = connection.open(timeout=settings.batch_timeout_seconds)
    summaries: list[LoadSummary] = []
    try:
        from graph.migrations import migrate

        await migrate(db, None if args.quiet else console.print)
        salt = id_salt(settings)
        with _progress(console, args.quiet) as progress:
            for kind, path in files:
                task = progress.add_task(f"{path.name}: validating", total=None)

                def tick(phase: str, done: int, total: int | None, task: Any = task, name: str = path.name) -> None:
                    progress.update(task, description=f"{name}: {phase}", completed=done, total=total)

                summary = await load_file(
                    db,
                    path,
                    kind,
                    salt,
                    skip_invalid=args.skip_invalid,
                    dry_run=args.dry_run,
                    batch_size=args.batch_size,
                    tick=tick,
                    workers=args.workers,
                    xlsx_limits=XlsxLimits.of(settings),
                )
                summaries.append(summary)
                if not summary.written and not args.dry_run:
                    break
    finally:
        await db.close()
        connection.release()
    return summaries


def _report(console: Console, summaries: list[LoadSummary], args: argparse.Namespace) -> int:
    table = Table(title="导入结果 Import summary")
    for column in ("file", "rows", "created", "updated", "unchanged", "rejected", "written", "seconds", "rows/s"):
        table.add_column(column, justify="right" if column not in ("file", "written") else "left")
    status = 0
    for summary in summaries:
        rate = summary.rows / summary.seconds if summary.seconds else 0
        table.add_row(
            summary.path.name,
            str(summary.rows),
            str(summary.outcome["created"]),
            str(summary.outcome["updated"]),
            str(summary.outcome["unchanged"]),
            str(summary.rejected),
            "yes" if summary.written else "no",
            f"{summary.seconds:.1f}",
            f"{rate:,.0f}",
        )
        for error in summary.errors[: args.show_errors]:
            console.print(
                f"[red]{summary.path.name}:{error.line}[/red] {error.column}: {error.reason_zh} / {error.reason_en}"
            )
        if summary.error_count > args.show_errors:
            console.print(f"… {summary.error_count - args.show_errors} more errors in {summary.path.name}")
        if summary.rejected_file:
            console.print(f"Rejected rows written to {summary.rejected_file}")
        if summary.file_error is not None:
            what = "header row" if isinstance(summary.file_error, HeaderError) else "file"
            console.print(
                f"[red]{summary.path.name}: nothing was written[/red]: the {what} is wrong; fix it and load again "
                "(the columns of each kind: docs/import-formats.md)"
            )
            status = 1
        elif summary.error_count and not summary.written and not args.dry_run:
            console.print(f"[red]{summary.path.name}: nothing was written[/red] (fix the rows, or --skip-invalid)")
            status = 1
        if args.dry_run and summary.error_count:
            status = 1
    console.print(table)
    return status


def cmd_load(settings: Settings, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        print(f"talentgraph load: no file {path}", file=sys.stderr)
        return 2
    console = Console(stderr=True, width=max(100, Console(stderr=True).width))
    summaries = asyncio.run(_load_files(settings, [(args.kind, path)], args, console))
    return _report(console, summaries, args)


def cmd_load_all(settings: Settings, args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    files = [(kind, folder / f"{kind}.csv") for kind in LOAD_ORDER if (folder / f"{kind}.csv").exists()]
    if not files:
        print(f"talentgraph load-all: no import files ({', '.join(LOAD_ORDER)}.csv) in {folder}", file=sys.stderr)
        return 2
    console = Console(stderr=True, width=max(100, Console(stderr=True).width))
    summaries = asyncio.run(_load_files(settings, files, args, console))
    return _report(console, summaries, args)


def cmd_generate(settings: Settings, args: argparse.Namespace) -> int:
    from loaders.generate import generate

    counts = generate(args.people, args.seed, Path(args.out))
    for kind, rows in counts.items():
        print(f"{Path(args.out) / (kind + '.csv')}: {rows} rows")
    return 0


def _load_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--skip-invalid", action="store_true", help="write the valid rows; the refused ones go to <file>.rejected.csv"
    )
    parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    parser.add_argument("--batch-size", type=int, default=2000, help="rows per write transaction")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes that validate files of 10,000 rows or more (default: one per core but one, at most 3; 0: none)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--show-errors", type=int, default=50, help="how many errors to print")


def register_commands(commands: Any) -> None:
    """Add the loaders' commands to the `talentgraph` command line."""
    load = commands.add_parser("load", help="import a CSV or XLSX file (validated first; idempotent)")
    load.add_argument("kind", choices=KINDS, help="what the file holds (its columns: docs/import-formats.md)")
    load.add_argument("file", help="the .csv or .xlsx file to import")
    _load_options(load)
    load.set_defaults(run=cmd_load)

    load_all = commands.add_parser("load-all", help="import every <kind>.csv of a folder, in dependency order")
    load_all.add_argument("folder", help=f"the folder holding {', '.join(f'{kind}.csv' for kind in LOAD_ORDER)}")
    _load_options(load_all)
    load_all.set_defaults(run=cmd_load_all)

    generate = commands.add_parser("generate", help="write realistic import files for a city")
    generate.add_argument("--people", type=int, default=1000, help="how many people the city has (default 1000)")
    generate.add_argument(
        "--seed", type=int, default=2021, help="the random seed: the same seed writes the same files (default 2021)"
    )
    generate.add_argument("--out", required=True, help="the folder to write the import files into")
    generate.set_defaults(run=cmd_generate)
