"""The ``explainer import`` and ``explainer export`` commands (click).

``explainer import FILE [--format gift|aiken|moodle-xml] [-o DIR]`` turns a Moodle GIFT,
Aiken or Moodle XML bank into a pack folder; ``explainer export PATH --format
gift|aiken|moodle-xml [-o FILE]`` writes a pack's questions as a bank. Both print a report, one line per entry::

    FILE:LINE: converted|approximated|skipped|error: message

then a summary line. Exit codes: 0 success; 1 the bank had errors (import still writes
the questions it could read, and says so), nothing could be imported or exported, or
the pack to export is invalid; 2 usage errors (unknown format, a FILE that is missing,
an output folder that is not empty). Never a traceback.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import click

from explainer.interop.aiken import looks_like_aiken, parse_aiken
from explainer.interop.common import BankError, ImportResult, ReportEntry, decode_bank, write_pack
from explainer.interop.export import export_aiken, export_gift
from explainer.interop.gift import parse_gift
from explainer.interop.moodle_xml import XmlRefused, export_moodle_xml, looks_like_moodle_xml, parse_moodle_xml
from explainer.pack.model import LANGUAGE_PATTERN

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
FORMATS = ("gift", "aiken", "moodle-xml")
MAX_BANK_BYTES = 20_000_000
"""The largest bank ``explainer import`` reads (as a pack file may be at most 20 MB)."""


def guess_format(path: Path, lines: list[str]) -> str | None:
    """Guess a bank's format: ``.xml`` is Moodle XML; ``.gift`` is GIFT; ``.aiken``, or
    ``.txt`` that has an option line followed by ``ANSWER: X``, is Aiken. Returns None
    when unsure."""
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "moodle-xml"
    if suffix == ".gift":
        return "gift"
    if suffix == ".aiken":
        return "aiken"
    if suffix == ".txt" and looks_like_aiken(lines):
        return "aiken"
    return None


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fail(message: str, code: int) -> None:
    """Print ``explainer: message`` on stderr and exit with ``code``."""
    click.echo(f"explainer: {message}", err=True)
    sys.exit(code)


_DECLARED_LANGUAGE = re.compile(rb"(?://|<!--)[ \t]*language:[ \t]*([A-Za-z0-9-]{2,35})")
"""The language comment ``explainer export`` writes near the top of a bank:
``// language: ko`` (GIFT) or ``<!-- language: ko -->`` (Moodle XML)."""


def declared_language(data: bytes) -> str | None:
    """The language a bank's ``language:`` comment declares in its first 2 KB, if it is
    a BCP 47 tag; else None. GIFT and Moodle XML have no field for it (Aiken has no
    comments at all), so ``explainer export`` writes one, and import reads it back."""
    found = _DECLARED_LANGUAGE.search(data[:2048])
    if not found:
        return None
    tag = found.group(1).decode("ascii")
    return tag if re.fullmatch(LANGUAGE_PATTERN, tag) else None


_EMPTY_HINT = {
    "gift": "a GIFT question is its text followed by answers in { }",
    "aiken": "an Aiken question is a line of text, options A) B) ..., then ANSWER: and a letter",
    "moodle-xml": "a Moodle XML bank holds <question> elements inside <quiz>",
}
"""What a bank of each format holds, for the error about a bank with no questions."""


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    help="Format of FILE (default: from the extension: .xml is Moodle XML; .gift is GIFT;"
    " .aiken, or .txt with ANSWER: lines, is Aiken).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the pack to (default: FILE's name without its extension, in"
    " the current folder). It must not exist or be empty.",
)
@click.option(
    "--language",
    metavar="TAG",
    default=None,
    help="BCP 47 tag of the bank's language, e.g. ko or uk (default: what the bank's"
    " '// language:' comment says, as explainer export writes it; else en).",
)
def import_command(file: Path, fmt: str | None, output: Path | None, language: str | None) -> None:
    """Turn a Moodle GIFT, Aiken or Moodle XML question bank FILE into a pack.

    Writes quiz.toml with every question it could read, and a minimal pack.toml and
    explainer.toml (one section for you to write). Reports each question as
    FILE:LINE: converted|approximated|skipped|error. Exits 0 when every question was
    read, 1 when some had errors (the others are still written) or none could be read,
    2 on usage errors.
    """
    try:
        with file.open("rb") as stream:  # bounded: /dev/zero or a huge file never hangs the import
            data = stream.read(MAX_BANK_BYTES + 1)
        if len(data) > MAX_BANK_BYTES:
            _fail(f"{file}: the bank is larger than {MAX_BANK_BYTES // 1_000_000} MB; split it into smaller files", EXIT_INVALID)
    except FileNotFoundError:
        _fail(f"{file}: no such file", EXIT_USAGE)
    except OSError as exc:
        _fail(f"{file}: cannot read the file: {exc.strerror or exc}", EXIT_USAGE)
    xml = (fmt or "").lower() == "moodle-xml" or (fmt is None and (file.suffix.lower() == ".xml" or looks_like_moodle_xml(data)))
    lines: list[str] = []
    if not xml:
        try:
            lines = decode_bank(data)
        except BankError as exc:
            click.echo(f"{file}:{exc.line}: error: {exc.message}", err=True)
            _fail(f"{file}: nothing imported", EXIT_INVALID)
    fmt = "moodle-xml" if xml else (fmt or guess_format(file, lines) or "").lower()
    if not fmt:
        _fail(
            f"{file}: cannot tell the format from the name; add --format gift, --format aiken or --format moodle-xml",
            EXIT_USAGE,
        )
    if language is not None and not re.fullmatch(LANGUAGE_PATTERN, language):
        _fail(f"--language {language!r} is not a BCP 47 tag; write it like en, ko or uk-UA", EXIT_USAGE)
    if language is None and _DECLARED_LANGUAGE.search(data[:2048]) and declared_language(data) is None:
        said = _DECLARED_LANGUAGE.search(data[:2048]).group(1).decode("ascii")  # type: ignore[union-attr]
        click.echo(f"{file}: the bank's language comment '{said}' is not a BCP 47 tag; language = \"en\" is used (or give --language)", err=True)
    language = language or declared_language(data) or "en"
    folder = output if output is not None else Path(file.stem or "imported")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "is not a folder" if not folder.is_dir() else "is not empty"
        _fail(f"{folder}: {what}; choose another folder with -o DIR", EXIT_USAGE)

    if fmt == "moodle-xml":
        try:
            result: ImportResult = parse_moodle_xml(data)
        except XmlRefused as exc:
            click.echo(f"{file}:{exc.line}: error: {exc.message}", err=True)
            _fail(f"{file}: nothing imported", EXIT_INVALID)
    else:
        result = parse_gift(lines) if fmt == "gift" else parse_aiken(lines)
    if not result.questions and not result.report:
        result.report.append(ReportEntry(1, "error", "no questions in the file: " + _EMPTY_HINT[fmt]))
    for entry in result.report:
        click.echo(entry.format(file))
    errors = result.count("error")
    counts = (
        f"{result.count('converted')} converted, {result.count('approximated')} approximated,"
        f" {result.count('skipped')} skipped, {_plural(errors, 'error')}"
    )
    if not result.questions:
        click.echo(f"nothing imported from {file} ({counts}); no pack written", err=True)
        sys.exit(EXIT_INVALID)
    try:
        write_pack(result, folder, source_name=file.name, language=language)
    except OSError as exc:
        _fail(f"{folder}: cannot write the pack: {exc.strerror or exc}", EXIT_INVALID)
    summary = f"imported {_plural(len(result.questions), 'question')} into {folder} ({counts})"
    if errors:
        click.echo(
            f"{summary}; the pack holds only the questions that could be read:"
            " fix the errors and import again to get the rest",
            err=True,
        )
        sys.exit(EXIT_INVALID)
    click.echo(summary)
    click.echo(f"next: write the explainer in {folder / 'explainer.toml'}, then run: explainer validate {shlex.quote(str(folder))}")
    sys.exit(EXIT_OK)


@click.command("export")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    help="gift or moodle-xml (every type but order), or aiken (single-choice questions only); required.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write the bank to (default: standard output); an existing file needs --force.",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
def export_command(path: Path, fmt: str | None, output: Path | None, force: bool) -> None:
    """Write the questions of the pack in PATH as a GIFT, Aiken or Moodle XML bank.

    The bank goes to standard output (or -o FILE); the report of what could not be
    expressed goes to standard error, one line per question. Exits 0 when at least one
    question was written, 1 when the pack is invalid or nothing could be written, 2 on
    usage errors.
    """
    from explainer.pack import PackError, PackNotFound, load_pack

    if fmt is None:
        raise click.UsageError("Missing option '--format': use --format gift, --format aiken or --format moodle-xml")
    if output is not None and output.exists() and not force:
        _fail(f"{output} exists; choose another file, or add --force to replace it", EXIT_USAGE)
    try:
        pack = load_pack(path)
    except PackNotFound as exc:
        _fail(str(exc), EXIT_USAGE)
    except PackError as exc:
        for error in exc.errors:
            click.echo(str(error), err=True)
        _fail(f"{path} is not a valid pack; fix the errors above and export again", EXIT_INVALID)
    fmt = fmt.lower()
    exporters = {"gift": (export_gift, "GIFT"), "aiken": (export_aiken, "Aiken"), "moodle-xml": (export_moodle_xml, "Moodle XML")}
    exporter, name = exporters[fmt]
    result = exporter(pack)
    quiz = pack.path / "quiz.toml"
    for entry in result.report:
        click.echo(entry.format(quiz), err=True)
    summary = (
        f"exported {result.exported} of {_plural(len(pack.questions), 'question')} as {name}"
        f" ({result.count('converted')} converted, {result.count('approximated')} approximated,"
        f" {result.count('skipped')} skipped)"
    )
    if not result.exported:
        _fail(f"{summary}: nothing to write", EXIT_INVALID)
    if output is None:
        click.echo(result.text, nl=False)
    else:
        try:
            output.write_text(result.text, encoding="utf-8", newline="\n")
        except OSError as exc:
            _fail(f"{output}: cannot write: {exc.strerror or exc}", EXIT_INVALID)
        summary += f" to {output}"
    click.echo(summary, err=True)
    sys.exit(EXIT_OK)
