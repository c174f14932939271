"""`talentgraph`: the operator's command line (serve, db, migrate, load, generate, keys, schema, backup, restore)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from graph.database import Database
from graph.errors import DatabaseUnavailable, DomainError, SetupError
from graph.migrations import migrate
from graph.runtime import Neo4jConnection, connect, embedded_for
from graph.settings import REPOSITORY, Settings
from server.signals import Stop, stop_signals


def _with_database(settings: Settings, work: Callable[[Database], Awaitable[Any]], quiet: bool = False) -> Any:
    """Run `work` on the configured database (starting the embedded one if needed, and stopping it after)."""
    connection = connect(settings, quiet=quiet)
    try:
        return asyncio.run(_run(connection, work, settings.batch_timeout_seconds))
    finally:
        connection.release()


async def _run(connection: Neo4jConnection, work: Callable[[Database], Awaitable[Any]], timeout: float) -> Any:
    """Run `work` on a driver to `connection` whose transactions end after `timeout` seconds."""
    db = connection.open(timeout=timeout)
    try:
        return await work(db)
    finally:
        await db.close()


def cmd_db(settings: Settings, args: argparse.Namespace) -> int:
    if settings.neo4j_uri and args.action != "install":
        print(f"NEO4J_URI is set ({settings.neo4j_uri}): there is no embedded database to manage.")
        return 0 if args.action == "status" else 1
    if args.action in ("dump", "load"):
        from server.backup_cli import cmd_db_file

        return cmd_db_file(settings, args)
    if args.action == "install":
        from graph.embedded import install

        print(f"Neo4j launcher ready: {install()}")
        return 0
    embedded = embedded_for(settings)
    if args.action == "start":
        running, started = embedded.start()
        print(
            f"Neo4j {'started' if started else 'already running'}: {running.uri} (pid {running.pid}), "
            f"data in {embedded.data_dir}; user neo4j, password in {embedded.password_file}"
        )
    elif args.action == "stop":
        print("Neo4j stopped." if embedded.stop(quiet=False) else "Neo4j was not running.")
    else:
        status = embedded.status()
        if status is None:
            print(f"Neo4j is not running (data folder {embedded.data_dir}).")
            return 3
        print(
            f"Neo4j is running: {status.uri} (pid {status.pid}), data in {embedded.data_dir}; "
            f"user neo4j, password in {embedded.password_file}"
        )
    return 0


def _say(message: str) -> None:
    """A line on stderr saying what a command is waiting for."""
    print(message, file=sys.stderr, flush=True)


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    applied = _with_database(settings, lambda db: migrate(db, _say))
    print("Applied: " + ", ".join(applied) if applied else "Schema up to date; reference data loaded.")
    return 0


def cmd_keys(settings: Settings, args: argparse.Namespace) -> int:
    from graph.keys import create_key, list_keys, revoke_key

    try:
        if args.action == "create":
            key, secret = _with_database(
                settings, lambda db: create_key(db, args.role, args.institution, args.name), quiet=True
            )
            bound = f", institution {key.institution}" if key.institution else ""
            print(
                f"Created key {key.id} (role {key.role}{bound}). Send it as `Authorization: Bearer <key>`; "
                "it is shown only now and stored only as a hash:"
            )
            print(secret)
        elif args.action == "revoke":
            key = _with_database(settings, lambda db: revoke_key(db, args.id), quiet=True)
            print(
                f"Revoked key {key.id} (role {key.role}). Running servers refuse it within "
                f"{settings.key_cache_seconds:g} seconds."
            )
        else:
            keys = _with_database(settings, list_keys, quiet=True)
            if not keys:
                print("No keys yet: create one with `talentgraph keys create --role admin`.")
            for key in keys:
                state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
                print(
                    f"{key.id}  {key.role:<11} {key.institution or '-':<36} {state:<24} "
                    f"created {key.created_at:%Y-%m-%d %H:%M}  {key.name or ''}".rstrip()
                )
    except DomainError as error:
        print(f"talentgraph keys: {error.message}", file=sys.stderr)
        return 2
    return 0


def cmd_schema(settings: Settings, args: argparse.Namespace) -> int:
    from server.schema import schema

    text = schema.as_str() + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Wrote {args.output}")
    return 0


def cmd_stats(settings: Settings, args: argparse.Namespace) -> int:
    import datetime as dt

    from graph.stats.rebuild import rebuild_talent_stats
    from graph.stats.verify import verify_talent_stats

    if args.action == "rebuild":

        def show(people: int) -> None:
            print(f"\r{people:,} people read", end="", flush=True)

        people = _with_database(
            settings, lambda db: rebuild_talent_stats(db, None if args.quiet else show), quiet=args.quiet
        )
        if not args.quiet:
            print(f"\rStatistics rebuilt from {people:,} people.")
        return 0
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    problems = _with_database(settings, lambda db: verify_talent_stats(db, as_of, args.region))
    for problem in problems:
        print(problem)
    print(
        "Statistics agree with a recount."
        if not problems
        else f"{len(problems)} groupings differ: run `talentgraph stats rebuild`."
    )
    return 0 if not problems else 1


def _port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
            return True
        except OSError:
            return False


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    """Serve until SIGTERM or SIGINT; then stop the embedded database if this command started it."""
    from graph.embedded import free_port
    from server.logs import configure_logging

    if args.dev:
        settings = settings.model_copy(update={"mode": "development"})
    if not args.access_log:
        settings = settings.model_copy(update={"access_log": False})
    configure_logging(settings)
    port = args.port or free_port()
    if not _port_is_free(args.host, port):
        print(
            f"Port {port} on {args.host} is in use: choose another with --port (or --port 0 for any free one).",
            file=sys.stderr,
        )
        return 2
    with stop_signals() as signals:
        try:
            connection = connect(settings)
            try:
                _serve(settings, args, connection, port)
            finally:
                signals.shield()
                connection.release()
        except Stop as stop:
            return stop.exit_status
    return 0


def _serve(settings: Settings, args: argparse.Namespace, connection: Neo4jConnection, port: int) -> None:
    import uvicorn

    from server.app import create_app
    from server.graphiql import IdeSetup, demo_setup

    asyncio.run(_run(connection, lambda db: migrate(db, _say), settings.batch_timeout_seconds))
    ide: IdeSetup | None = None
    if args.demo:
        from loaders.demo import demo_key, load_demo

        _say("Loading the demo data set…")
        demo = asyncio.run(_run(connection, lambda db: load_demo(db, settings), settings.batch_timeout_seconds))
        print(
            f"Demo data {'loaded' if demo.loaded else 'already loaded'} ({demo.rows['people']:,} title rows, "
            f"{demo.seconds:.0f} s): its ids start with DEMO-, its institutions' names end with （演示）.",
            flush=True,
        )
        ide = demo_setup(None)
        if settings.auth:
            key = asyncio.run(_run(connection, lambda db: demo_key(db, settings), settings.batch_timeout_seconds))
            ide = demo_setup(key)
            print(
                f"Demo analyst key (kept in {settings.data_dir / 'demo-key'}): send it as the header\n"
                f"  Authorization: Bearer {key}",
                flush=True,
            )
    print(f"Talent Graph: http://{args.host}:{port}/ (dashboard), http://{args.host}:{port}/graphql (API)", flush=True)
    uvicorn.run(
        create_app(settings, connection, ide),
        host=args.host,
        port=port,
        # Logging as configure_logging set it; access lines come from server/metrics.py, with the request id.
        log_config=None,
        log_level=settings.log_level,
        access_log=False,
        # Slow and idle connections (docs/security.md): idle keep-alive connections close, connections
        # beyond the limit get 503 at once, request heads stay small; X-Forwarded-For is believed only
        # from the proxies listed.
        timeout_keep_alive=settings.keep_alive_seconds,
        limit_concurrency=settings.max_connections,
        h11_max_incomplete_event_size=16 * 1024,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )


def parser() -> argparse.ArgumentParser:
    """The command line's arguments."""
    root = argparse.ArgumentParser(prog="talentgraph", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API and dashboard (embedded Neo4j unless NEO4J_URI)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: this machine only)"
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="the port to listen on (default 8000; 0 picks a free one)"
    )
    serve.add_argument("--demo", action="store_true", help="load the demo data set first (idempotent)")
    serve.add_argument("--dev", action="store_true", help="development mode: full error messages")
    serve.add_argument(
        "--no-access-log",
        dest="access_log",
        action="store_false",
        help="no line per request (TALENTGRAPH_ACCESS_LOG=off does the same)",
    )
    serve.set_defaults(run=cmd_serve)

    db = commands.add_parser("db", help="manage the embedded Neo4j")
    db.add_argument(
        "action",
        choices=["start", "stop", "status", "install", "dump", "load"],
        help="start or stop the database, show whether it runs, install its jars (Maven), or dump it to a file "
        "and load it back (offline: the database must be stopped; docs/backup.md)",
    )
    db.add_argument("file", nargs="?", help="dump, load: the dump file")
    db.add_argument("--overwrite", action="store_true", help="load: replace the database that is there")
    db.set_defaults(run=cmd_db)

    commands.add_parser("migrate", help="apply constraints, indexes and reference data").set_defaults(run=cmd_migrate)

    stats = commands.add_parser(
        "stats", help="statistics aggregates: verify against a recount, or rebuild after writing the graph by hand"
    )
    stats.add_argument(
        "action",
        choices=["rebuild", "verify"],
        help="rebuild the aggregates from the graph, or check them against a recount",
    )
    stats.add_argument("--as-of", help="verify: the day to check (YYYY-MM-DD, default today)")
    stats.add_argument("--region", default="130800", help="verify: the region to check (default Chengde)")
    stats.add_argument("--quiet", action="store_true", help="rebuild: no progress")
    stats.set_defaults(run=cmd_stats)
    keys = commands.add_parser("keys", help="create, list and revoke API keys (stored only as hashes)")
    key_actions = keys.add_subparsers(dest="action", required=True)
    create = key_actions.add_parser("create", help="create a key; prints it alone on the last line")
    create.add_argument(
        "--role",
        required=True,
        choices=["admin", "analyst", "recruiter", "institution"],
        help="what the key may do (docs: who may do what)",
    )
    create.add_argument("--institution", help="the institution id an institution key belongs to")
    create.add_argument("--name", help="a note saying whose key it is")
    key_actions.add_parser("list", help="every key, revoked ones included (never the secrets)")
    revoke = key_actions.add_parser("revoke", help="revoke a key by its id")
    revoke.add_argument("id", help="the key's id, as `keys list` shows it (not the secret)")
    keys.set_defaults(run=cmd_keys)

    schema = commands.add_parser("schema", help="export the GraphQL schema (SDL)")
    schema.add_argument("--output", default=str(REPOSITORY / "schema.graphql"), help="file, or - for stdout")
    schema.set_defaults(run=cmd_schema)

    from loaders.cli import register_commands
    from server.backup_cli import register_commands as register_backup_commands

    register_commands(commands)
    register_backup_commands(commands)
    return root


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `talentgraph` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    try:
        return int(args.run(Settings(), args) or 0)
    except (SetupError, DatabaseUnavailable) as error:
        print(f"talentgraph: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
