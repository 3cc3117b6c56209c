"""The ``explainer`` command's entry point: ctrl+C while the program is still starting.

The command line (:mod:`explainer.cli`) imports click, pydantic and the content model
before :func:`explainer.cli.main` can catch anything: a ctrl+C in that time (about a
third of a second) would end with a ``KeyboardInterrupt`` traceback. This module imports
nothing heavy: it answers ctrl+C with one line and exit code 130 until the command line
is loaded, then hands over. Standard library only.
"""

from __future__ import annotations

import os
import signal
import sys

EXIT_INTERRUPTED = 130
"""Exit code after ctrl+C (the shell's 128 + SIGINT)."""


def _interrupted_while_starting(signum: int, frame: object) -> None:
    """Say so in one line and exit 130 at once (nothing has been read or written yet)."""
    try:
        if sys.stderr is not None:
            sys.stderr.write("explainer: interrupted\n")
            sys.stderr.flush()
    finally:
        os._exit(EXIT_INTERRUPTED)


def main() -> None:
    """Run :func:`explainer.cli.main` with ``sys.argv``; ctrl+C while it is being loaded
    exits 130 with one line on stderr.

    Raises:
        SystemExit: always, with the command's exit code.
    """
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:  # not when the parent ignores SIGINT
        signal.signal(signal.SIGINT, _interrupted_while_starting)
    from explainer.cli import main as cli_main

    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    cli_main()
