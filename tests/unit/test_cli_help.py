"""Every option and argument of `talentgraph`, in every subcommand, says what it is for."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from server.cli import parser

pytestmark = pytest.mark.unit


def actions(command: argparse.ArgumentParser, path: str = "talentgraph") -> Iterator[tuple[str, argparse.Action]]:
    """Every action of `command` and of its subcommands, with the command line that reaches it."""
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            for listed in action._choices_actions:
                yield f"{path} {listed.dest}", listed
            for name, sub in action.choices.items():
                yield from actions(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            yield path, action


def test_every_cli_option_argument_and_subcommand_has_help_text() -> None:
    found = list(actions(parser()))
    missing = [f"{path}: {'/'.join(a.option_strings) or a.dest}" for path, a in found if not (a.help or "").strip()]
    assert not missing, missing
    assert len(found) > 40  # the whole tree was walked
