"""The ``explainer`` command's entry point: ctrl+C while the program is still starting.

The command line (:mod:`explainer.cli`) imports click, pydantic and the content model
before :func:`explainer.cli.main` can catch anything: a ctrl+C in that time (about a
third of a second) would end with a ``KeyboardInterrupt`` traceback. This module imports
nothing heavy: it answers ctrl+C with one line and exit code 130 until the command line
is loaded, then hands over. Standard library only, until it hands over.

``explainer`` and ``explainer FOLDER`` in a terminal open the app without loading the
command line (:func:`_open_app_directly`): click and the other commands are not imported
before the first paint.
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
    opened = _open_app_directly(sys.argv[1:], previous is signal.default_int_handler)
    if opened is not None:
        sys.exit(opened)
    from explainer.cli import main as cli_main

    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    cli_main()


COMMAND_NAMES = frozenset({"open", "results", "validate", "new", "schema", "import", "export", "serve", "class"})
"""The command line's commands (``explainer.cli``; a test checks the two agree): a first
argument with one of these names is a command, never a pack folder."""


def _translation_names(folder: object) -> list[str]:
    """The names of the folders in ``folder``/translations that hold a pack.toml
    (:func:`explainer.pack.translations.translation_folders`, without its import)."""
    root = os.path.join(str(folder), "translations")
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return []
    return [name for name in names if os.path.isfile(os.path.join(root, name, "pack.toml"))]


def _open_app_directly(args: list[str], restore_sigint: bool) -> int | None:
    """``explainer`` or ``explainer FOLDER`` in a terminal: open the app without loading
    the command line (click), when nothing can go differently from the command line.

    That is: no argument, or one that names an existing folder and no command; output to
    a terminal (not plain mode); stdin open; the pack loads without a problem (through
    the cache of validated packs, as ``explainer open`` does). Anything else returns
    None before anything is shown, and the command line runs as usual (it reports a
    usage error or an invalid pack exactly as before).

    Returns:
        The exit code once the app has run, or None to hand over to the command line.
    """
    if len(args) > 1 or (args and (args[0].startswith("-") or args[0] in COMMAND_NAMES or not os.path.isdir(args[0]))):
        return None
    from explainer.terminal import plain_wanted

    if plain_wanted() or sys.__stdin__ is None:
        return None
    from explainer.pack.preview import bundled_pack_path, open_cached

    folder = args[0] if args else bundled_pack_path()
    pack = open_cached(folder)  # a checked cache entry: no pydantic before the first paint
    if pack is None:
        from explainer.pack.cache import load_pack_cached

        try:
            pack = load_pack_cached(folder)
        except Exception:  # an invalid pack, a folder that went away: the command line says why
            return None
    languages: list[str] = []
    prepare = None
    translations = _translation_names(folder)
    if translations:  # the language is the environment's or the pack's; another one: the command line
        from explainer import i18n
        from explainer.launch import with_its_languages

        own = pack.preview.language if hasattr(pack, "preview") else pack.meta.language
        language = i18n.choose(None, own, translations)
        if language != i18n.base_language(own):
            return None
        i18n.use(language)
        languages = [own, *(name for name in translations if name != own)]
        prepare = with_its_languages
    from explainer.app import ExplainerApp  # Textual is imported only here.
    from explainer.streams import run_guarded

    if restore_sigint:
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def run() -> int:
        result = ExplainerApp(pack, languages=languages, prepare=prepare).run()
        from explainer.launch import SwitchLanguage

        if isinstance(result, SwitchLanguage):  # the reader picked another language: the command line opens it
            from explainer.cli import main as cli_main

            cli_main(["open", str(folder), "--lang", result.language])
        return 0

    try:
        return run_guarded(run)
    except KeyboardInterrupt:  # as explainer.cli.main does
        if sys.stderr is not None:
            sys.stderr.write("explainer: interrupted\n")
        return EXIT_INTERRUPTED
