"""The ``explainer`` command line (click).

``explainer [PATH]`` opens a pack in the app (the bundled pack when PATH is left out);
``explainer validate [PATH...]`` checks packs without starting the UI; ``explainer new DIR``
writes a starter pack; ``explainer schema`` prints the JSON Schema of the pack files.

Exit codes, for every command:

* 0: success.
* 1: invalid content or failed checks.
* 2: usage errors (unknown option, missing folder).
* 74: the output could not be written: stdout closed (``>&-``) or full, or the reader of
  the pipe went away (``| head``; then without a message). ``validate`` still exits 1 or
  2 when that is its verdict, and so does any command that failed for its own reason.
* 66: plain mode's input ended before the quiz did (the quiz is saved, to continue;
  :data:`explainer.plain.EXIT_INPUT_ENDED`).
* 130: interrupted (ctrl+C).

Problems are printed on stderr, one line each, never as a traceback. A closed stdin
reads as the end of input (the full-screen app then runs as plain mode, as it cannot
read keys). Textual is imported only by the command that opens the app, so
``explainer validate`` starts fast.
"""

from __future__ import annotations

import json
import difflib
import os
import shlex
import sys
from pathlib import Path
from typing import Any

import click

try:
    import tomli as tomllib
except ImportError:  # pragma: no cover
    import tomllib  # type: ignore[no-redef]

from explainer import __version__
from explainer.pack import ContentError, Pack, PackError, PackNotFound, bundled_pack_path, load_pack
from explainer.pack.text import json_safe
from explainer.streams import EXIT_OUTPUT, OutputError, run_guarded

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


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
        names = self.list_commands(ctx)
        if first is None or (first not in names and first not in ("--help", "-h", "--version")):
            if first is not None and not first.startswith("-") and not Path(first).exists():
                close = difflib.get_close_matches(first, names, n=1, cutoff=0.75)
                if close:
                    raise click.UsageError(
                        f"no command or folder named '{first}'; did you mean 'explainer {close[0]}'?", ctx
                    )
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, those imported when first used (:data:`_LAZY_COMMANDS`) too."""
        return sorted({*self.commands, *_LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command named ``cmd_name`` (importing its module if it is a lazy one), or None."""
        if cmd_name not in self.commands and cmd_name in _LAZY_COMMANDS:
            import importlib

            module, attribute = _LAZY_COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


_LAZY_COMMANDS = {
    "import": ("explainer.interop.commands", "import_command"),
    "export": ("explainer.interop.commands", "export_command"),
    "serve": ("explainer.serve", "serve_command"),
    "class": ("explainer.class_view", "class_command"),
}
"""Commands whose module is imported only when they run (or ``--help`` lists them), so
opening the app does not pay for the GIFT and Aiken code."""


@click.group(cls=_OpenByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="explainer", message="%(prog)s %(version)s")
def cli() -> None:
    """Read an explainer of a news story in the terminal, then take a quiz on it.

    \b
    explainer                  open the bundled pack
    explainer PATH             open the pack in folder PATH
    explainer [PATH] --plain   the same as plain lines (also --quiz-only, --data-dir DIR)
    explainer results [PATH]   every finished attempt (--format table|csv|json)
    explainer validate [PATH]  check packs and report every problem as FILE:LINE:COL
    explainer new DIR          write a starter pack with one question of every type
    explainer schema           print the JSON Schema of the three pack files
    explainer import FILE      turn a Moodle GIFT, Aiken or XML question bank into a pack
    explainer export PATH      write a pack's questions as GIFT, Aiken or Moodle XML
    explainer serve [PATH]     serve the lesson to a class in the browser (--class-dir DIR)
    explainer class DIR        the teacher's view of a class: attempts, most-missed questions
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
@click.option("--plain", is_flag=True, help="Plain lines on stdout, answers on stdin (screen readers, pipes).")
@click.option("--quiz-only", is_flag=True, help="Skip the explainer and go straight to the quiz.")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where progress is kept (default: $EXPLAINER_DATA_DIR, else the user data folder).",
)
@click.option("--seed", type=int, default=None, hidden=True, help="Fix the shuffles (tests, screenshots).")
@click.option(
    "--class-dir",
    type=click.Path(file_okay=False, path_type=Path),
    hidden=True,
    help="Run for a class (explainer serve starts the app so): sign in first, progress per student under DIR.",
)
@click.option(
    "--lang",
    metavar="LANG",
    default=None,
    help="Language of the lesson and the interface: en, ko or uk (default: the environment's, else the pack's).",
)
def open_command(
    path: Path | None,
    plain: bool,
    quiz_only: bool,
    data_dir: Path | None,
    seed: int | None,
    class_dir: Path | None,
    lang: str | None,
) -> None:
    """Open the pack in folder PATH (default: the bundled pack).

    The full-screen app opens in a terminal; with --plain, or when the output is not a
    terminal, or TERM=dumb, or stdin is closed, the same lesson and quiz run as plain
    lines instead. The language is --lang, else the environment's (LANGUAGE, LC_ALL,
    LANG) when the pack or explainer has it, else the pack's own; the pack's
    translation in that language is opened when it has one.
    """
    from explainer.launch import UnknownLanguage, open_lesson, run_lessons

    folder = path or bundled_pack_path()
    try:
        if class_dir is not None:  # a browser tab of explainer serve: always the app, never plain lines
            code = os.environ.get("EXPLAINER_CLASS_CODE") or None

            def class_app(lesson, student):  # type: ignore[no-untyped-def]
                from explainer.app import ExplainerApp

                return ExplainerApp(
                    lesson.pack, seed=seed, class_dir=class_dir, class_code=code, languages=lesson.languages, student=student
                )

            sys.exit(run_lessons(folder, lang, class_app))
        from explainer.terminal import plain_wanted

        # sys.__stdin__ is None when the process started with stdin closed (<&-): the app
        # (Textual reads keys from it) cannot run; plain mode reads that as the end of input.
        if plain or plain_wanted() or sys.__stdin__ is None:
            from explainer.plain import run_plain

            lesson = open_lesson(folder, lang)
            for note in lesson.notes:
                click.echo(note, err=True)
            sys.exit(run_plain(lesson.pack, quiz_only=quiz_only, data_dir=data_dir, seed=seed))

        def reader_app(lesson, _student):  # type: ignore[no-untyped-def]
            from explainer.app import ExplainerApp  # Textual is imported only here.

            return ExplainerApp(lesson.pack, seed=seed, data_dir=data_dir, quiz_only=quiz_only, languages=lesson.languages)

        run_lessons(folder, lang, reader_app)
    except (PackNotFound, PackError):
        _load_or_exit(folder)  # prints the problems and exits 1 or 2
    except UnknownLanguage as exc:
        click.echo(f"explainer: {exc}", err=True)
        sys.exit(EXIT_USAGE)


@cli.command("results")
@click.argument("path", required=False, type=_PackFolder())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table: for reading; csv: one row per attempt (columns in docs/progress.md); json: with every answer.",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where progress is kept (default: $EXPLAINER_DATA_DIR, else the user data folder).",
)
@click.option(
    "--class",
    "class_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="A class folder of explainer serve: every student's attempts, and the item analysis (json).",
)
@click.option("--lang", metavar="LANG", default=None, help="Language of the table: en, ko or uk (csv and json are always English).")
def results_command(
    path: Path | None, output_format: str, data_dir: Path | None, class_dir: Path | None, lang: str | None
) -> None:
    """Print every finished attempt at the pack in PATH (default: the bundled pack).

    With --class DIR: one row per student attempt (csv columns: student, then those of
    a single reader's results; docs/classroom.md), and in json the item analysis of
    every question (facility and discrimination indexes, wrong choices picked).
    """
    from explainer import history
    from explainer.storage import ProgressError, read_progress

    pack = _load_or_exit(path or bundled_pack_path(), cached=True)
    if class_dir is None and output_format == "table":  # the reader's table, in the reader's language
        from explainer import i18n
        from explainer.pack.translations import translation_folders

        problem = i18n.unknown_option(lang, pack.meta.language, translation_folders(pack.path))
        if problem:
            click.echo(f"explainer: {problem}", err=True)
            sys.exit(EXIT_USAGE)
        i18n.use(i18n.choose(lang, pack.meta.language, translation_folders(pack.path)))
    if class_dir is not None:
        from explainer import class_report

        if not class_dir.is_dir():
            click.echo(f"explainer: {class_dir}: no such class folder", err=True)
            sys.exit(EXIT_USAGE)
        members = class_report.students(pack, class_dir)
        writer = {"table": class_report.to_table, "csv": class_report.to_csv, "json": class_report.to_json}[output_format]
        click.echo(writer(pack, members), nl=False)
        return
    try:
        progress = read_progress(pack.id, data_dir)  # a report never moves or rewrites files
    except ProgressError as exc:
        click.echo(f"explainer: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    writer = {"table": history.to_table, "csv": history.to_csv, "json": history.to_json}[output_format]
    click.echo(writer(progress, pack.quiz.pass_mark), nl=False)


@cli.command("validate")
@click.argument("paths", nargs=-1, type=_PackFolder())
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text: one FILE:LINE:COL line per problem on stderr. json: one document on stdout.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too, not only on errors.")
def validate_command(paths: tuple[Path, ...], output_format: str, strict: bool) -> None:
    """Check the packs in PATHS (default: the bundled pack) without opening the app.

    A pack's translations (its translations/<language>/ folders) are checked too, each
    also against the pack: any difference beyond words is an error.

    Text: prints "ok: <id>: N sections, M questions" on stdout for each valid pack, and
    every problem as "FILE:LINE:COL: message; fix: hint" on stderr (warnings as
    "FILE:LINE:COL: warning: ..."). JSON: one document on stdout (see
    docs/authoring.md). Exits 1 if any pack has an error (or, with --strict, a
    warning), 2 if a folder does not exist, and only then 74 if stdout could not be
    written: the verdict on the packs comes first, and every problem is still printed
    on stderr.
    """
    status = EXIT_OK
    reports = []
    output_error: OutputError | None = None
    for path in _with_translations(paths or (bundled_pack_path(),)):
        report = check_pack(path, strict=strict)
        reports.append(report)
        status = max(status, report.status)
        if output_format == "text":
            try:
                _print_text(report)
            except OutputError as exc:  # go on: the other packs' problems go to stderr
                output_error = output_error or exc
    if output_format == "json":
        document = {
            "format": 1,
            "strict": strict,
            "valid": all(report.valid for report in reports),
            "packs": [report.as_dict() for report in reports],
        }
        try:
            click.echo(json_safe(json.dumps(document, indent=2, ensure_ascii=False)))
        except OutputError as exc:
            output_error = exc
        for report in reports:
            if report.not_found:  # still one line on stderr, as for every usage error
                click.echo(f"explainer: {report.not_found}", err=True)
    if output_error is not None:
        output_error.exit_code = status or EXIT_OUTPUT
        raise output_error
    sys.exit(status)


class PackReport:
    """What ``explainer validate`` found in one pack folder.

    Attributes:
        path: the folder as given.
        pack: the loaded pack, or None when it has errors or was not found.
        problems: errors then warnings, each a ContentError, sorted by file and line.
        not_found: the usage message when the folder does not exist, else "".
        strict: whether warnings make the pack invalid.
    """

    def __init__(self, path: Path, strict: bool) -> None:
        self.path = path
        self.pack: Pack | None = None
        self.problems: list[ContentError] = []
        self.not_found = ""
        self.strict = strict

    @property
    def errors(self) -> list[ContentError]:
        """The problems that make the pack unusable."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[ContentError]:
        """The lint findings."""
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def valid(self) -> bool:
        """True when the pack loaded without errors (a translation can load and still
        drift from its original), and (with --strict) has no warnings."""
        return self.pack is not None and not self.errors and not (self.strict and self.warnings)

    @property
    def status(self) -> int:
        """The exit code this pack alone would give: 0, 1 or 2."""
        if self.not_found:
            return EXIT_USAGE
        return EXIT_OK if self.valid else EXIT_INVALID

    def as_dict(self) -> dict[str, Any]:
        """This pack's entry in the JSON document of ``--format json``."""
        problems = [p.as_dict() for p in self.problems]
        if self.not_found:
            problems = [{
                "file": str(self.path), "line": None, "column": None, "severity": "error",
                "code": "no-such-folder", "message": self.not_found,
                "hint": "give the folder that holds pack.toml, explainer.toml and quiz.toml",
            }]
        return {
            "path": str(self.path),
            "id": self.pack.id if self.pack is not None else _pack_id_of(self.path),
            "valid": self.valid,
            "errors": len(self.errors) + bool(self.not_found),
            "warnings": len(self.warnings),
            "sections": len(self.pack.sections) if self.pack is not None else None,
            "questions": len(self.pack.questions) if self.pack is not None else None,
            "problems": problems,
        }


def check_pack(path: Path, strict: bool = False, original: Pack | None = None) -> PackReport:
    """Load and lint the pack in ``path``; never raises for content or a missing folder.

    A translation (its pack.toml has ``translation_of``) is also compared with its
    original (``original``, else the pack two folders up, as
    ``<pack>/translations/<language>/`` puts it): any drift beyond words is an error
    (:func:`explainer.pack.translations.drift`).
    """
    from explainer.pack.errors import sort_problems
    from explainer.pack.lint import lint_pack
    from explainer.pack.translations import drift, original_folder, translation_folders

    report = PackReport(path, strict)
    try:
        report.pack = load_pack(path)
    except PackNotFound as exc:
        report.not_found = str(exc)
        return report
    except PackError as exc:
        report.problems = list(exc.errors)
        return report
    report.problems = lint_pack(report.pack)
    above = original_folder(Path(path))
    if report.pack.meta.translation_of is not None or above is not None:  # in translations/: a translation
        nested = translation_folders(path)
        if nested:
            report.problems.append(ContentError(
                next(iter(nested.values())) / "pack.toml", 1, 1,
                "a translation cannot have translations of its own",
                "translation-drift", "move it to the original's translations/ folder",
            ))
        if original is None and above is not None:
            try:
                original = load_pack(above)
            except (PackError, PackNotFound):
                original = None  # its own check reports its errors
        if original is None and above is None:
            report.problems.append(ContentError(
                Path(path) / "pack.toml", 1, 1,
                "a translation must be in its original's translations/<language>/ folder",
                "translation-drift", "move this folder to <the original pack>/translations/<its language>/",
            ))
        elif original is not None:
            report.problems.extend(drift(original, report.pack, Path(path).name))
        report.problems = sort_problems(report.problems)
    return report


def _with_translations(paths: tuple[Path, ...]) -> list[Path]:
    """``paths``, each followed by its translations' folders (``translations/*/``),
    so that validating a pack validates its translations too."""
    from explainer.pack.translations import translation_folders

    expanded: list[Path] = []
    for path in paths:
        expanded.append(path)
        expanded.extend(folder for folder in translation_folders(path).values() if folder not in paths)
    return expanded


def _pack_id_of(path: Path) -> str | None:
    """The ``id`` written in an invalid pack's pack.toml, when it can be read at all."""
    try:
        data = tomllib.loads((path / "pack.toml").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    value = data.get("id")
    return value if isinstance(value, str) else None


def _print_text(report: PackReport) -> None:
    """Print one pack's report in the text format (problems on stderr, ok on stdout)."""
    if report.not_found:
        click.echo(f"explainer: {report.not_found}", err=True)
        return
    for problem in report.problems:
        click.echo(str(problem), err=True)
    errors, warnings = len(report.errors), len(report.warnings)
    if report.pack is None or errors:
        click.echo(f"invalid: {report.path}: {_plural(errors, 'error')}", err=True)
    elif not report.valid:
        click.echo(f"invalid: {report.path}: {_plural(warnings, 'warning')} (--strict)", err=True)
    else:
        pack = report.pack
        found = f" ({_plural(warnings, 'warning')})" if warnings else ""
        name = f"{pack.id} ({pack.meta.language})" if pack.meta.translation_of else pack.id
        click.echo(f"ok: {name}: {_count(pack.sections, 'section')}, {_count(pack.questions, 'question')}{found}")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _count(items: tuple[object, ...], noun: str) -> str:
    return _plural(len(items), noun)


@cli.command("new")
@click.argument("folder", type=_PackFolder())
@click.option("--title", help="The pack's title (default: made from the folder name).")
@click.option("--language", default="en", show_default=True, help="BCP 47 tag of the pack's text, e.g. en or ko-KR.")
def new_command(folder: Path, title: str | None, language: str) -> None:
    """Write a complete, valid starter pack into FOLDER (new or empty).

    The three files have a comment on every field and one question of every type; the
    JSON Schemas go into FOLDER/.schema/ for editors. Check it with
    "explainer validate FOLDER --strict".
    """
    from explainer.pack.scaffold import ScaffoldError, write_scaffold

    try:
        target = write_scaffold(folder, title=title, language=language)
    except ScaffoldError as exc:
        click.echo(f"explainer: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as exc:
        click.echo(f"explainer: cannot write {folder}: {exc.strerror}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"created: {target}: pack.toml, explainer.toml, quiz.toml (schemas in {target / '.schema'})")
    click.echo(f"next: edit the files, then run: explainer validate {shlex.quote(str(target))} --strict")


@cli.command("schema")
@click.option(
    "--output", "-o", "output", type=click.Path(file_okay=False, path_type=Path),
    help="Write pack.schema.json, explainer.schema.json and quiz.schema.json into this folder"
    " (default: print one JSON object with the three schemas on stdout).",
)
def schema_command(output: Path | None) -> None:
    """Print or write the JSON Schema (draft 2020-12) of pack.toml, explainer.toml and quiz.toml.

    Point your editor at them (taplo / Even Better TOML: a first line
    "#:schema ./.schema/quiz.schema.json") to complete keys and check values as you type.
    """
    from explainer.pack.schema import all_schemas, write_schemas

    if output is None:
        click.echo(json.dumps(all_schemas(), indent=2, ensure_ascii=False))
        return
    try:
        written = write_schemas(output)
    except OSError as exc:
        click.echo(f"explainer: cannot write {output}: {exc.strerror}", err=True)
        sys.exit(EXIT_USAGE)
    for path in written:
        click.echo(f"wrote: {path}")


def _load_or_exit(path: Path, *, cached: bool = False) -> Pack:
    """Load a pack for the app, or print why not and exit 1 (invalid) or 2 (no folder).

    With ``cached``, through the cache of validated packs
    (:func:`explainer.pack.cache.load_pack_cached`): the same pack, or the same errors,
    without validating again when the files are unchanged. ``validate`` never uses it.
    """
    try:
        if cached:
            from explainer.pack.cache import load_pack_cached

            return load_pack_cached(path)
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
    multi-line usage block. Standard streams are handled here, once for every command
    (:func:`explainer.streams.run_guarded`): a stream the process started without gets
    a stand-in; stdout is flushed before exiting, so a full disk or a pipe whose reader
    went away is found here, not at interpreter shutdown; then one line on stderr
    (none for a broken pipe) and exit code 74, unless the command already failed with
    its own code. Ctrl+C exits 130.

    Raises:
        SystemExit: always, with the exit code (0, 1, 2, 66, 74 or 130).
    """
    try:
        code = run_guarded(lambda: _run(argv))
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    sys.exit(code)


def _run(argv: list[str] | None) -> int:
    """Run the click group on ``argv``; return the exit code.

    Raises:
        OutputError: stdout could not be written (see :func:`main`).
    """
    try:
        # click's own main() would print an empty line on ctrl+C before its "Aborted":
        # build and run the context here, so ctrl+C is one line (below).
        with cli.make_context("explainer", list(sys.argv[1:] if argv is None else argv)) as ctx:
            code = cli.invoke(ctx)
    except click.exceptions.Exit as exit_:  # --help, --version
        return exit_.exit_code
    except SystemExit as exit_:
        if exit_.code is not None and not isinstance(exit_.code, int):  # sys.exit("message")
            click.echo(str(exit_.code), err=True)
            return EXIT_INVALID
        code = exit_.code
    except click.UsageError as exc:
        name = exc.ctx.info_name if exc.ctx is not None and exc.ctx.parent is not None else "open"
        hint = "explainer --help" if name == "open" else f"explainer {name} --help"
        click.echo(f"explainer: {exc.format_message()} (see '{hint}')", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        click.echo(f"explainer: {exc.format_message()}", err=True)
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt):
        click.echo("explainer: interrupted", err=True)
        return EXIT_INTERRUPTED
    return code if isinstance(code, int) else EXIT_OK
