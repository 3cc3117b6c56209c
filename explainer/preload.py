"""A preloaded app server for ``explainer serve``: one warm process forks an app per tab.

textual-serve starts one app process per browser tab. Started from nothing, each takes
about 0.55 s of CPU before its first screen (Python, Textual, pydantic, the pack, the
first frame: docs/performance.md), so 40 students arriving in the same second wait
about 11 s on a 2-core machine. This module does that work once:

1. :func:`start` (called by ``explainer serve``) runs ``python -m explainer.preload
   SOCKET PACK CLASS_DIR`` with the environment textual-serve gives its apps. That
   process imports the app, loads the pack, runs the app once headless up to the
   sign-in screen (so Textual's CSS, style and markup caches are filled), freezes what
   it holds for the garbage collector, and listens on a Unix socket in a private
   folder (mode 0700, so only this user can connect).
2. textual-serve runs :mod:`explainer.serve_client` for each tab, a standard-library
   script that hands its streams and environment over the socket.
3. The server forks: the child takes the tab's streams and environment, reloads the
   pack only if its files changed, and runs :class:`~explainer.app.ExplainerApp` for
   the class, exactly as ``explainer open PACK --class-dir DIR`` would. Copy-on-write
   shares the loaded modules between all the tabs.

The server is single-threaded (forking a process with threads is unsafe), reaps its
children, tells each client its app's exit code, and on SIGTERM ends every app it
started. If it cannot start, ``explainer serve`` falls back to one ``explainer open``
per tab. Only POSIX systems fork: elsewhere :func:`start` returns None.
"""

from __future__ import annotations

import json
import os
import selectors
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

LANGUAGE_ENV = "EXPLAINER_LANG"
"""Where ``explainer serve --lang`` puts the class's language for every tab."""

READY = "explainer-preload-ready"
"""The line the server prints on stdout once it listens."""

START_SECONDS = 60.0
"""How long :func:`start` waits for the server to be ready before falling back."""

WEB_ENVIRONMENT = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM_PROGRAM": "textual",
}
"""What textual-serve puts in every app's environment (textual_serve/app_service.py,
``_build_environment``) and Textual reads when it is imported: the server is started
with it, so the modules it preloads see what each tab's app would."""


@dataclass
class Preloader:
    """A running preloaded app server.

    Attributes:
        process: the server process.
        folder: the private folder holding its socket (removed by :meth:`stop`).
        command: the shell command textual-serve runs per tab (the client script).
    """

    process: subprocess.Popen[str]
    folder: Path
    command: str

    def stop(self) -> None:
        """End the server and every app it started; remove its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for child in self.folder.iterdir():
            child.unlink(missing_ok=True)
        self.folder.rmdir()


def start(pack_folder: Path, class_dir: Path, fallback: str) -> Preloader | None:
    """Start the preloaded app server and wait until it listens.

    Args:
        pack_folder: the pack every tab opens (absolute).
        class_dir: the class folder (absolute).
        fallback: the command a tab runs if the server is gone (``explainer open ...``),
            put in the environment for :mod:`explainer.serve_client`.

    Returns:
        The :class:`Preloader`, whose ``command`` textual-serve runs per tab; or None
        when this system cannot fork or the server did not start within
        :data:`START_SECONDS` (the caller then starts ``explainer open`` per tab).
    """
    if not hasattr(os, "fork") or not hasattr(socket, "send_fds"):
        return None
    folder = Path(tempfile.mkdtemp(prefix="explainer-serve-"))
    folder.chmod(0o700)
    address = folder / "apps.sock"
    environment = {**os.environ, **WEB_ENVIRONMENT, "EXPLAINER_PRELOAD_FALLBACK": fallback}
    os.environ["EXPLAINER_PRELOAD_FALLBACK"] = fallback  # the clients get it from textual-serve
    process = subprocess.Popen(
        [sys.executable, "-m", "explainer.preload", str(address), str(pack_folder), str(class_dir)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        env=environment,
        text=True,
    )
    selector = selectors.DefaultSelector()
    assert process.stdout is not None
    selector.register(process.stdout, selectors.EVENT_READ)
    ready = bool(selector.select(START_SECONDS)) and process.stdout.readline().strip() == READY
    selector.close()
    client = Path(__file__).with_name("serve_client.py")
    preloader = Preloader(process, folder, shlex.join([sys.executable, "-I", "-S", str(client), str(address)]))
    if not ready:
        preloader.stop()
        return None
    return preloader


# ------------------------------------------------------------------------------ server


def _warm_up(pack: object) -> None:
    """Run the class app once, headless, up to its first screen, so the caches Textual
    fills on a first run (CSS, styles, markup) are filled before any fork."""
    import asyncio

    from explainer.app import ExplainerApp

    async def run() -> None:
        with tempfile.TemporaryDirectory() as scratch:
            app = ExplainerApp(pack, class_dir=Path(scratch), class_code=None)  # type: ignore[arg-type]
            async with app.run_test(size=(100, 32)) as pilot:
                await pilot.pause()

    asyncio.run(run())


def _run_app(request: dict, fds: list[int], pack_folder: Path, class_dir: Path) -> int:
    """In a forked child: take the tab's streams and environment and run its app.

    Returns:
        The exit code for the tab's process.
    """
    import importlib

    for target, fd in enumerate(fds[:3]):
        os.dup2(fd, target)
    for fd in fds:
        os.close(fd)
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in dict(request.get("env", {})).items()})
    try:
        os.chdir(str(request.get("cwd", "/")))
    except OSError:
        pass
    import textual.constants

    importlib.reload(textual.constants)  # as if Textual were imported in this environment
    from explainer.app import ExplainerApp
    from explainer.launch import run_lessons
    from explainer.serve import CLASS_CODE_ENV

    code = os.environ.get(CLASS_CODE_ENV) or None

    def class_app(lesson, student):  # type: ignore[no-untyped-def]
        return ExplainerApp(lesson.pack, class_dir=class_dir, class_code=code, languages=lesson.languages, student=student)

    # unchanged files: the preloaded pack, from memory; the language as explainer open chooses it
    return run_lessons(pack_folder, os.environ.get(LANGUAGE_ENV) or None, class_app)


def serve(address: Path, pack_folder: Path, class_dir: Path) -> None:
    """Preload, listen on ``address`` and fork an app per client until SIGTERM.

    Raises:
        SystemExit: 1 when the pack cannot be loaded; 0 after SIGTERM.
    """
    import gc

    from explainer.pack.cache import load_pack_cached

    import explainer.app  # noqa: F401 - preloaded for the children
    import explainer.screens.signin  # noqa: F401
    import textual.drivers.web_driver  # noqa: F401

    from explainer.launch import open_lesson

    pack = load_pack_cached(pack_folder)
    try:  # what every tab does first (its translations, their drift check): its imports and caches
        open_lesson(pack_folder, None)
    except Exception:  # noqa: BLE001 - a tab meets the same problem and is told, as explainer open tells
        pass
    _warm_up(pack)
    gc.collect()
    gc.freeze()  # the children inherit these objects: never walk (and so copy) them
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(address))
    listener.listen(128)
    listener.setblocking(False)
    clients: dict[int, socket.socket] = {}
    stopping = False

    def stop(_number: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(READY, flush=True)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    while not stopping:
        for _key, _events in selector.select(timeout=0.1):
            try:
                connection, _ = listener.accept()
            except BlockingIOError:
                continue
            connection.setblocking(True)
            connection.settimeout(5)
            try:
                message, fds, _flags, _addr = socket.recv_fds(connection, 1 << 20, 3)
                while not message.endswith(b"\n"):
                    more = connection.recv(1 << 20)
                    if not more:
                        raise OSError("the client went away")
                    message += more
                request = json.loads(message)
            except (OSError, ValueError):
                connection.close()
                continue
            if len(fds) != 3:
                for fd in fds:
                    os.close(fd)
                connection.close()
                continue
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    selector.close()
                    listener.close()
                    connection.close()
                    for other in clients.values():
                        other.close()
                    signal.signal(signal.SIGTERM, signal.SIG_DFL)
                    signal.signal(signal.SIGINT, signal.default_int_handler)
                    gc.unfreeze()
                    code = _run_app(request, fds, pack_folder, class_dir)
                except SystemExit as exit_:
                    code = exit_.code if isinstance(exit_.code, int) else 1
                except BaseException:  # noqa: BLE001 - the tab's stderr gets the traceback
                    import traceback

                    traceback.print_exc()
                finally:
                    for stream in (sys.stdout, sys.stderr):
                        try:
                            stream.flush()
                        except (OSError, ValueError):
                            pass
                    os._exit(code)
            for fd in fds:
                os.close(fd)
            clients[pid] = connection
            _send(connection, {"pid": pid})
        _reap(clients)
    for pid in list(clients):
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    for pid, connection in list(clients.items()):
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        connection.close()
    listener.close()


def _send(connection: socket.socket, message: dict) -> None:
    """Send one JSON line to a client; a client that went away is ignored."""
    try:
        connection.sendall(json.dumps(message).encode() + b"\n")
    except OSError:
        pass


def _reap(clients: dict[int, socket.socket]) -> None:
    """Collect the apps that ended and tell each one's client its exit code."""
    while clients:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        connection = clients.pop(pid, None)
        if connection is not None:
            _send(connection, {"exit": os.waitstatus_to_exitcode(status) % 256})
            connection.close()


if __name__ == "__main__":
    try:
        serve(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    except Exception as exc:  # noqa: BLE001 - serve falls back to one process per tab
        print(f"explainer: the preloaded app server stopped: {exc}", file=sys.stderr)
        sys.exit(1)
