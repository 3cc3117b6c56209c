"""What kind of output the reader has: decides between the app and plain mode.

Tiny on purpose: the command line asks it before importing either mode.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO


def plain_wanted(stdout: TextIO | None = None, environ: dict[str, str] | None = None) -> bool:
    """Return True when plain mode should be chosen without ``--plain``.

    That is when ``stdout`` (default: the process's) is not a terminal, or the ``TERM``
    environment variable (from ``environ``, default ``os.environ``) is ``dumb``.
    """
    stream = stdout or sys.stdout
    env = os.environ if environ is None else environ
    if env.get("TERM", "") == "dumb":
        return True
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return True
