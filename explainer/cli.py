"""The ``explainer`` command line (click).

``explainer [PATH]`` opens a pack in the app (the bundled pack when PATH is left out);
``explainer validate [PATH...]`` checks packs without starting the UI.

Exit codes, for every command: 0 success, 1 invalid content or failed checks, 2 usage
errors (unknown option, missing folder). Problems are printed on stderr, one line each,
never as a traceback. Textual is imported only by the command that opens the app, so
``explainer validate`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from explainer import __version__
from explainer.pack import Pack, PackError, PackNotFound, bundled_pack_path, load_pack

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _OpenByDefault(click.Group):
    """A group whose first argument may be a pack folder instead of a command name.

    ``explainer content/my-pack`` is read as ``explainer open content/my-pack``, and
    ``explainer`` alone as ``explainer open``.
    """

    default_command = "open"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert the default command unless the first argument names a command or is
        a group option (``--help``, ``--version``)."""
        first = args[0] if args else None
        if first is None or (first not in self.commands and first not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=_OpenByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="explainer", message="%(prog)s %(version)s")
def cli() -> None:
    """Read an explainer of a news story in the terminal, then take a quiz on it.

    \b
    explainer                  open the bundled pack
    explainer PATH             open the pack in folder PATH
    explainer validate [PATH]  check packs and report every error as FILE:LINE:COL
    """


class _PackFolder(click.Path):
    """A pack folder argument: like click.Path, but an empty string is a usage error
    (``Path("")`` would silently mean the current folder)."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> object:
        """Return the value as a Path; fail (exit 2) on an empty or blank string."""
        if isinstance(value, str) and not value.strip():
            self.fail("a pack folder cannot be an empty string", param, ctx)
        return super().convert(value, param, ctx)


@cli.command("open")
@click.argument("path", required=False, type=_PackFolder())
def open_command(path: Path | None) -> None:
    """Open the pack in folder PATH (default: the bundled pack) in the app."""
    pack = _load_or_exit(path or bundled_pack_path())
    from explainer.app import ExplainerApp  # Textual is imported only here.

    ExplainerApp(pack).run()


@cli.command("validate")
@click.argument("paths", nargs=-1, type=_PackFolder())
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check the packs in PATHS (default: the bundled pack) without opening the app.

    Prints ``ok: <id>: N sections, M questions`` for each valid pack, and every error of
    an invalid one as ``FILE:LINE:COL: message`` on stderr. Exits 1 if any pack is
    invalid, 2 if a folder does not exist.
    """
    status = EXIT_OK
    for path in paths or (bundled_pack_path(),):
        try:
            pack = load_pack(path)
        except PackNotFound as exc:
            click.echo(f"explainer: {exc}", err=True)
            status = EXIT_USAGE
            continue
        except PackError as exc:
            for error in exc.errors:
                click.echo(str(error), err=True)
            count = len(exc.errors)
            click.echo(f"invalid: {path}: {count} error{'s' if count != 1 else ''}", err=True)
            status = max(status, EXIT_INVALID)
            continue
        click.echo(f"ok: {pack.id}: {_count(pack.sections, 'section')}, {_count(pack.questions, 'question')}")
    sys.exit(status)


def _count(items: tuple[object, ...], noun: str) -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


def _load_or_exit(path: Path) -> Pack:
    """Load a pack for the app, or print why not and exit 1 (invalid) or 2 (no folder)."""
    try:
        return load_pack(path)
    except PackNotFound as exc:
        click.echo(f"explainer: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except PackError as exc:
        for error in exc.errors:
            click.echo(str(error), err=True)
        click.echo(f"explainer: {path} is not a valid pack; fix the errors above and try again", err=True)
        sys.exit(EXIT_INVALID)


def main(argv: list[str] | None = None) -> None:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and exit.

    Usage errors become one line on stderr and exit code 2, instead of click's
    multi-line usage block.
    """
    try:
        code = cli.main(args=argv, prog_name="explainer", standalone_mode=False)
    except click.UsageError as exc:
        name = exc.ctx.info_name if exc.ctx is not None and exc.ctx.parent is not None else "open"
        hint = "explainer --help" if name == "open" else f"explainer {name} --help"
        click.echo(f"explainer: {exc.format_message()} (see '{hint}')", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        click.echo(f"explainer: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("explainer: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _register_interop_commands() -> None:
    """Add ``import`` and ``export`` (their own module: explainer.interop.commands)."""
    from explainer.interop.commands import export_command, import_command

    cli.add_command(import_command)
    cli.add_command(export_command)


_register_interop_commands()
