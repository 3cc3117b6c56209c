"""The command textual-serve runs for each browser tab when ``explainer serve`` preloads.

Run as ``python -I -S serve_client.py SOCKET``: it imports only the standard library
(so it starts in about 20 ms), hands its standard streams (fds 0, 1, 2), environment
and working folder to the preloaded app server listening on the Unix socket SOCKET
(:mod:`explainer.preload`), which forks an app process for this tab. It then waits and
exits with the app's exit code. SIGTERM and SIGINT are passed on to the app process.
If the socket does not answer, it runs ``explainer open`` itself, as it would without
preloading, from the command line in the environment variable
``EXPLAINER_PRELOAD_FALLBACK`` (so a tab always gets its app).

Protocol (one connection per tab): the client sends one JSON object ``{"env": {...},
"cwd": "..."}`` followed by a newline, with fds 0, 1, 2 attached (SCM_RIGHTS); the
server answers ``{"pid": N}\\n`` once the app process exists and ``{"exit": CODE}\\n``
when it ends.
"""

import json
import os
import shlex
import signal
import socket
import sys


def _fallback() -> None:
    """Run the app without the preloaded server (replaces this process)."""
    command = shlex.split(os.environ.get("EXPLAINER_PRELOAD_FALLBACK", ""))
    if not command:
        sys.stderr.write("explainer: the preloaded app server is not running\n")
        sys.exit(1)
    os.execv(command[0], command)


def main() -> None:
    """Hand this tab to the preloaded app server and exit with the app's exit code."""
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(sys.argv[1])
        request = json.dumps({"env": dict(os.environ), "cwd": os.getcwd()}).encode() + b"\n"
        socket.send_fds(connection, [request], [0, 1, 2])
    except (OSError, IndexError):
        _fallback()
        return
    # The app process holds the streams now: let go of them, so the tab's pipes end
    # when the app ends.
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    reader = connection.makefile("rb")
    child = 0

    def forward(number: int, _frame: object) -> None:
        if child:
            try:
                os.kill(child, number)
            except OSError:
                pass
        else:
            sys.exit(128 + number)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    code = 1
    for line in reader:
        message = json.loads(line)
        if "pid" in message:
            child = int(message["pid"])
        elif "exit" in message:
            code = int(message["exit"])
            break
    sys.exit(code)


if __name__ == "__main__":
    main()
