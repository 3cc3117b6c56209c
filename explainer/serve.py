"""``explainer serve``: a class takes the lesson in the browser.

textual-serve serves the app to browsers: every browser tab that opens the page gets
its own app process (textual-serve's model), whose first screen is the sign-in
(:mod:`explainer.screens.signin`). Each is forked from a preloaded app server
(:mod:`explainer.preload`), so a tab's first screen costs a fraction of a fresh
start; with ``--no-preload`` (or where it cannot start) each tab runs ``explainer
open PACK --class-dir DIR`` from nothing.

By default the server listens on 127.0.0.1 only. Any other host is reachable by other
machines: the command then prints a warning and requires a class code, which students
type when they sign in (``--class-code``, or one it makes up and prints). The code is
passed to the app processes in the environment (``EXPLAINER_CLASS_CODE``), never on
their command line. The server has no TLS of its own: docs/classroom.md says how to put
it behind a proxy that has.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import click

CLASS_CODE_ENV = "EXPLAINER_CLASS_CODE"
"""The environment variable that hands the class code to the app processes."""


@dataclass(frozen=True)
class ServePlan:
    """What ``explainer serve`` will do, decided before anything listens.

    Attributes:
        url: the address to open in a browser.
        class_code: the code students must type, or None on loopback without one.
        warning: a line to print first, or "".
        command: the command each browser tab runs.
    """

    url: str
    class_code: str | None
    warning: str
    command: str


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (``127.0.0.1``, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plan(pack_folder: Path, class_dir: Path, host: str, port: int, class_code: str | None, lang: str | None = None) -> ServePlan:
    """Decide the URL, the class code, the warning and the app command.

    A non-loopback host needs a class code: ``class_code`` if given, else six random
    digits (:func:`secrets.randbelow`).
    """
    warning = ""
    if not is_loopback(host):
        warning = (
            f"warning: serving on {host}, which other machines can reach; students need the class"
            " code to sign in, and nothing is encrypted (put a TLS proxy in front: docs/classroom.md)"
        )
        class_code = class_code or f"{secrets.randbelow(10**6):06d}"
    shown_host = f"[{host}]" if ":" in host else host
    command = shlex.join(
        [sys.executable, "-m", "explainer", "open", str(pack_folder), "--class-dir", str(class_dir)]
        + (["--lang", lang] if lang else [])
    )
    return ServePlan(f"http://{shown_host}:{port}", class_code or None, warning, command)


@click.command("serve")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless you say otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option(
    "--class-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the class: every student's progress, the optional roster.toml.",
)
@click.option("--class-code", default=None, help="Code students type to sign in (required, or made up, off loopback).")
@click.option(
    "--lrs",
    default=None,
    metavar="URL",
    help="Send xAPI statements to this Learning Record Store (credentials: EXPLAINER_LRS_USERNAME and"
    " EXPLAINER_LRS_PASSWORD, or lrs.toml in the config folder).",
)
@click.option(
    "--no-preload",
    is_flag=True,
    help="Start each tab's app from nothing instead of forking a preloaded one (slower first screens).",
)
@click.option("--lang", metavar="LANG", default=None, help="The class's language: en, ko or uk (each student can change it).")
def serve_command(
    path: Path | None,
    host: str,
    port: int,
    class_dir: Path,
    class_code: str | None,
    lrs: str | None,
    no_preload: bool,
    lang: str | None,
) -> None:
    """Serve the pack in PATH (default: the bundled pack) to a class in the browser.

    Each browser tab gets its own app; students sign in with a name and a PIN, and
    their progress is kept per student under --class-dir. Prints the URL (and the class
    code) and serves until Ctrl+C. Exit codes: 0 stopped with Ctrl+C; 1 the pack is
    invalid or the folder cannot be made; 2 usage errors.
    """
    from explainer.cli import _load_or_exit
    from explainer.pack import bundled_pack_path

    pack_folder = (path or bundled_pack_path()).resolve()
    _load_or_exit(pack_folder)  # a bad pack: its errors and exit 1, before anything listens
    try:
        class_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        click.echo(f"explainer: {class_dir}: cannot make the class folder: {exc.strerror or exc}", err=True)
        sys.exit(1)
    sender = None
    if lrs is not None:
        from explainer.xapi import LrsEndpoint, Outbox, Sender, credentials

        login = credentials()
        if login is None:
            click.echo(
                "explainer: --lrs needs credentials: set EXPLAINER_LRS_USERNAME and EXPLAINER_LRS_PASSWORD,"
                " or write username and password in lrs.toml in the config folder",
                err=True,
            )
            sys.exit(2)
        outbox = class_dir.resolve() / "outbox"
        sender = Sender(Outbox(outbox), LrsEndpoint(lrs, *login))
        os.environ["EXPLAINER_XAPI_OUTBOX"] = str(outbox)
    decided = plan(pack_folder, class_dir.resolve(), host, port, class_code, lang)
    if lang:
        from explainer.preload import LANGUAGE_ENV

        os.environ[LANGUAGE_ENV] = lang
    os.environ["EXPLAINER_CLASS_URL"] = decided.url
    if decided.warning:
        click.echo(decided.warning, err=True)
    click.echo(f"Open {decided.url} in a browser (one tab per student).")
    if decided.class_code:
        click.echo(f"Class code: {decided.class_code}")
        os.environ[CLASS_CODE_ENV] = decided.class_code
    else:
        os.environ.pop(CLASS_CODE_ENV, None)
    click.echo(f"Progress is kept in {class_dir}; see every result with: explainer results --class {shlex.quote(str(class_dir))}")
    if sender is not None:
        click.echo(f"Learning records go to {lrs} (outbox: {class_dir / 'outbox'}).")
        sender.start()
    from textual_serve.server import Server

    preloader = None
    if not no_preload:
        from explainer import preload

        preloader = preload.start(pack_folder, class_dir.resolve(), decided.command)
    try:
        Server(preloader.command if preloader else decided.command, host=host, port=port, title="explainer").serve()
    finally:
        if preloader is not None:
            preloader.stop()
        if sender is not None:
            sender.stop()
