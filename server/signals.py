"""Stop signals for a command that must clean up before it exits (`serve` stops the database it started).

SIGTERM (systemd, Docker, `kill`) and SIGINT (Ctrl-C) raise `Stop` once, in the main thread, wherever it is:
starting the database, migrating, loading the demo, or after uvicorn's own shutdown (uvicorn catches both
while it serves, closes its connections, restores these handlers and raises the signal again). Every later
signal is only acknowledged: the cleanup it would interrupt (stopping the database) runs to its end, and no
database is left half-stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stop(BaseException):
    """A stop signal arrived. A BaseException, so that no `except Exception` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """0 after SIGTERM (a service stopped as asked), 130 after Ctrl-C (as shells expect)."""
        return 0 if self.signum == signal.SIGTERM else 128 + self.signum


class StopSignals:
    """While installed: the first stop signal raises Stop, the others are acknowledged on stderr."""

    def __init__(self) -> None:
        self.stopping = False

    def shield(self) -> None:
        """From now on no signal raises: the caller is cleaning up."""
        self.stopping = True

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.stopping:
            # os.write, not print: a handler that prints while the main thread prints raises RuntimeError.
            os.write(2, f"{signal.Signals(signum).name}: still stopping, please wait…\n".encode())
            return
        self.stopping = True
        raise Stop(signum)


@contextlib.contextmanager
def stop_signals() -> Iterator[StopSignals]:
    """Install StopSignals for SIGTERM and SIGINT; the previous handlers come back after."""
    handler = StopSignals()
    previous = {signum: signal.signal(signum, handler._handle) for signum in STOP_SIGNALS}
    try:
        yield handler
    finally:
        for signum, action in previous.items():
            signal.signal(signum, action)
